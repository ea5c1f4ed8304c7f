import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import type { Config } from "./config";
import { openDatabase, type Database } from "./db/client";
import { ensureInitialData } from "./db/seed/initial";

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
  const app = await buildApp({ database, config });
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace("0.0.0.0", "localhost").replace("[::]", "localhost");
  print(`kehoach đang chạy tại ${url} (cơ sở dữ liệu: ${database.kind === "pglite" ? `PGlite, ${config.dataDir}` : "PostgreSQL"})`);
  return {
    app,
    database,
    url,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
