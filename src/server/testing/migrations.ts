import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { DatabaseKind, Db } from "../db/client";
import { migrationsFolder } from "../db/client";
import * as schema from "../db/schema/index";

interface Journal {
  entries: Array<{ idx: number; tag: string }>;
}

/** The migration tags in order, as drizzle-kit wrote them: `["0000_init", "0001_files", …]`. */
export function migrationTags(): string[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as Journal;
  return journal.entries.map((e) => e.tag);
}

/** A copy of the migrations folder that stops after `lastTag`: the schema of an earlier release. */
function foldersUpTo(lastTag: string): string {
  const tags = migrationTags();
  const at = tags.indexOf(lastTag);
  if (at < 0) throw new Error(`no migration ${lastTag}; have ${tags.join(", ")}`);
  const dir = mkdtempSync(path.join(tmpdir(), "kehoach-migrations-"));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalFile = path.join(dir, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as Journal;
  journal.entries = journal.entries.slice(0, at + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

export interface ScratchDatabase {
  kind: DatabaseKind;
  db: Db;
  /** Applies the migrations up to and including `tag` (an earlier release), or all of them without it. */
  migrate(tag?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * An empty database of its own, for upgrade tests: build it with an earlier release's migrations, load
 * that release's data, then `migrate()` to the current release and check the data survived.
 *
 * On PostgreSQL it is a new database next to `TEST_DATABASE_URL` (dropped on close), so the shared test
 * database is never touched.
 *
 * @example
 *   const scratch = await openScratchDatabase("pglite");
 *   await scratch.migrate("0000_init");   // the previous release
 *   … insert old rows with raw SQL …
 *   await scratch.migrate();              // this release
 */
export async function openScratchDatabase(kind: DatabaseKind): Promise<ScratchDatabase> {
  const folders: string[] = [];
  const folderFor = (tag?: string) => {
    if (!tag) return migrationsFolder;
    const dir = foldersUpTo(tag);
    folders.push(dir);
    return dir;
  };
  const cleanFolders = () => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  };
  if (kind === "pglite") {
    const client = await PGlite.create("memory://");
    const db = drizzlePglite(client, { schema });
    return {
      kind,
      db: db as unknown as Db,
      migrate: async (tag) => migratePglite(db, { migrationsFolder: folderFor(tag) }),
      close: async () => {
        await client.close();
        cleanFolders();
      },
    };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `kehoach_scratch_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  // close() drops the database with (force): a connection still open then is ended by the server on purpose.
  pool.on("error", () => undefined);
  const db = drizzlePg(pool, { schema });
  return {
    kind,
    db: db as unknown as Db,
    migrate: async (tag) => migratePg(db, { migrationsFolder: folderFor(tag) }),
    close: async () => {
      await pool.end();
      const drop = new pg.Client({ connectionString: base });
      await drop.connect();
      await drop.query(`drop database if exists "${name}" with (force)`);
      await drop.end();
      cleanFolders();
    },
  };
}
