/** The app on a PostgreSQL database in a process of its own, for the stage's two-process test: prints its address. */
import { buildApp } from "../../../app";
import { loadConfig } from "../../../config";
import { openDatabase } from "../../../db/client";

const [url] = process.argv.slice(2);
const database = await openDatabase({ url });
const app = await buildApp({ database, config: { ...loadConfig({}), logLevel: "silent" }, logger: false });
const address = await app.listen({ port: 0, host: "127.0.0.1" });
console.log(`listening ${address}`);
for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.once(signal, () => {
    void app
      .close()
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
