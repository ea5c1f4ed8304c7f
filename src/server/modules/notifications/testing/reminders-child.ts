// Runs the reminder runner in its own process so a test can SIGKILL it mid-run.
// Usage: node --import tsx reminders-child.ts <postgres-url|pglite-dir> <now ISO> <batch size>
import { openDatabase } from "../../../db/client";
import { runReminders } from "../reminders";

const [target, nowIso, batch] = process.argv.slice(2);
const database = await openDatabase(target.startsWith("postgres") ? { url: target } : { dataDir: target });
await runReminders(database.db, new Date(nowIso), {
  batchSize: Number(batch),
  onBatch: (delivered) => process.stdout.write(`committed ${delivered}\n`),
});
await database.close();
process.stdout.write("done\n");
