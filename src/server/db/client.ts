import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index";

/** Either backend, seen through the PostgreSQL dialect they share. Transactions have this type too. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** PGlite's directory ("memory://" in tests); absent on PostgreSQL. Uploaded files are stored under it. */
  dataDir?: string;
  /** Applies pending migrations; safe to call from several processes at once on PostgreSQL. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL settings for the embedded database: `postgresql.conf` lines. */
export const PGLITE_SETTINGS = ["shared_buffers = 16MB"];

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

export interface OpenOptions {
  /** postgres://… ; when absent the embedded PGlite is used. */
  url?: string;
  /** Directory for PGlite; "memory://" for an in-memory database. */
  dataDir?: string;
}

/** Opens the configured database: `await openDatabase({ url: process.env.DATABASE_URL })`. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir ?? "./data");
}

async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith("memory://")) mkdirSync(path.resolve(dataDir), { recursive: true });
  // PGlite reserves PostgreSQL's default 128 MB of shared buffers inside its WASM memory; 16 MB keeps the
  // embedded server small (bench: server.rss.pglite) while the board stays fast (bench: board.*).
  const client = await PGlite.create(dataDir, { postgresqlconf: PGLITE_SETTINGS });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    dataDir,
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder });
    },
    close: async () => {
      await client.close();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (a restart, an administrator) is dropped from the pool and replaced on the next
  // query; without a listener its error event would end the whole process.
  pool.on("error", (error) => console.error(`PostgreSQL: một kết nối rảnh bị đóng (${error.message}); sẽ mở kết nối mới khi cần.`));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    migrate: async () => {
      // One connection holds an advisory lock so two servers starting together migrate once.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("select pg_advisory_lock(727274)");
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query("select pg_advisory_unlock(727274)").catch(() => undefined);
        await client.end();
      }
    },
    close: async () => {
      await pool.end();
    },
  };
}
