import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import type { Config } from "./config";
import { type Database, openDatabase } from "./db/client";
import { ensureInitialData } from "./db/seed/initial";
import { moduleJobs } from "./modules/index";
import { sweepOrphanFiles } from "./platform/files/store";
import { startJobs } from "./platform/jobs/scheduler";

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  close(): Promise<void>;
}

/** Opens the database, migrates, loads demo data into an empty database, and listens. */
export async function startServer(config: Config, print: (line: string) => void = console.log): Promise<RunningServer> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  await ensureInitialData(database.db, { adminPassword: config.adminPassword, print });
  // Before listening no upload is in flight on PGlite (one process per data directory): every orphan goes.
  await sweepOrphanFiles(database, database.kind === "pglite" ? { graceMs: 0 } : {});
  const app = await buildApp({ database, config });
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace("0.0.0.0", "localhost").replace("[::]", "localhost");
  // Reminders and e-mail every minute; KEHOACH_JOBS=0 turns them off (e.g. a read-only replica).
  const jobs =
    process.env.KEHOACH_JOBS === "0"
      ? null
      : startJobs({
          db: database.db,
          jobs: [
            ...moduleJobs({ smtpUrl: process.env.SMTP_URL || undefined, database }),
            // Files of uploads cut off mid-way (a crash, a dropped connection), older than an hour: none can still be in flight.
            { name: "dọn tệp tải lên dở", intervalMs: 60 * 60_000, run: () => sweepOrphanFiles(database).then(() => undefined) },
          ],
          log: (message, error) => (error ? app.log.error({ err: error }, message) : app.log.info(message)),
        });
  print(`kehoach đang chạy tại ${url} (cơ sở dữ liệu: ${database.kind === "pglite" ? `PGlite, ${config.dataDir}` : "PostgreSQL"})`);
  return {
    app,
    database,
    url,
    close: async () => {
      await jobs?.stop();
      await app.close();
      await database.close();
    },
  };
}
