import { readFileSync } from "node:fs";
import path from "node:path";
import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, type Db, migrationsFolder, openDatabase } from "./client";
import * as schema from "./schema/index";

/** The catalog facts that make two schemas "the same": tables, columns, types, indexes, constraints. */
async function describeSchema(db: Db) {
  // Both drivers answer execute() with { rows }; the dialect-level type leaves it unknown.
  const rows = async (query: ReturnType<typeof sql>) =>
    ((await db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
  const columns = await rows(sql`
    select table_name, column_name, data_type, udt_name, is_nullable, column_default, ordinal_position
    from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`);
  const indexes = await rows(sql`
    select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by tablename, indexname`);
  const constraints = await rows(sql`
    select c.conrelid::regclass::text as table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where n.nspname = 'public' and c.contype <> 'n' order by 1, 2`);
  return { columns, indexes, constraints };
}

const targets: Array<{ kind: string; open: () => Promise<Database> }> = [
  { kind: "pglite", open: () => openDatabase({ dataDir: "memory://" }) },
];
if (process.env.TEST_DATABASE_URL) targets.push({ kind: "postgres", open: () => openDatabase({ url: process.env.TEST_DATABASE_URL }) });

describe("database schema", () => {
  const opened: Database[] = [];
  const described = new Map<string, Awaited<ReturnType<typeof describeSchema>>>();

  beforeAll(async () => {
    for (const t of targets) {
      const database = await t.open();
      opened.push(database);
      await database.migrate();
      described.set(t.kind, await describeSchema(database.db));
    }
  });
  afterAll(async () => {
    for (const d of opened) await d.close();
  });

  it("has migrations that are up to date with the Drizzle schema", async () => {
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
      entries: Array<{ idx: number }>;
    };
    const last = journal.entries.at(-1);
    expect(last).toBeDefined();
    const snapshotFile = path.join(migrationsFolder, "meta", `${String(last?.idx).padStart(4, "0")}_snapshot.json`);
    const snapshot = JSON.parse(readFileSync(snapshotFile, "utf8"));
    const declared = generateDrizzleJson(schema as Record<string, unknown>);
    expect(await generateMigration(snapshot, declared)).toEqual([]);
  });

  it.each(targets.map((t) => t.kind))("on %s, equals what the Drizzle schema declares", (kind) => {
    const actual = described.get(kind);
    expect(actual && summarise(actual)).toEqual(declaredSummary());
  });

  it.runIf(targets.length === 2)("is identical on PGlite and PostgreSQL", () => {
    const [a, b] = [described.get("pglite"), described.get("postgres")];
    expect(a?.columns.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });
});

interface DeclaredColumn {
  name: string;
  type: string;
  notNull: boolean;
}
interface DeclaredTable {
  name: string;
  columns: Record<string, DeclaredColumn>;
  indexes: Record<string, unknown>;
  foreignKeys: Record<string, unknown>;
  compositePrimaryKeys: Record<string, unknown>;
  uniqueConstraints: Record<string, unknown>;
}

// Drizzle's serial types are integer columns with a sequence default in the catalog; the catalog names an array of
// a type by its element with a leading underscore (`text[]` is `_text`).
const catalogType = (declared: string) =>
  declared.endsWith("[]")
    ? `_${declared.slice(0, -2)}`
    : ({ bigserial: "bigint", serial: "integer", "timestamp with time zone": "timestamp with time zone" }[declared] ?? declared);

/** Tables → columns (type, nullability), index names, foreign-key and unique constraint names, as declared in TypeScript. */
function declaredSummary() {
  const json = generateDrizzleJson(schema as Record<string, unknown>) as unknown as { tables: Record<string, DeclaredTable> };
  const tables = Object.values(json.tables).sort((a, b) => a.name.localeCompare(b.name));
  return tables.map((t) => ({
    table: t.name,
    columns: Object.values(t.columns)
      .map((c) => `${c.name} ${catalogType(c.type)}${c.notNull ? " not null" : ""}`)
      .sort(),
    indexes: Object.keys(t.indexes).sort(),
    constraints: [...Object.keys(t.foreignKeys), ...Object.keys(t.uniqueConstraints), ...Object.keys(t.compositePrimaryKeys)].sort(),
  }));
}

/** The same facts read from a live database's catalog. */
function summarise(actual: Awaited<ReturnType<typeof describeSchema>>) {
  const tables = [...new Set(actual.columns.map((c) => String(c.table_name)))].sort();
  const typeOf = (c: Record<string, unknown>) =>
    c.data_type === "USER-DEFINED" || c.data_type === "ARRAY" ? String(c.udt_name) : String(c.data_type);
  return tables.map((table) => {
    const constraints = actual.constraints.filter((c) => c.table_name === table);
    const constraintNames = new Set(constraints.map((c) => String(c.conname)));
    return {
      table,
      columns: actual.columns
        .filter((c) => c.table_name === table)
        .map((c) => `${String(c.column_name)} ${typeOf(c)}${c.is_nullable === "NO" ? " not null" : ""}`)
        .sort(),
      // Indexes that back a constraint are compared as constraints.
      indexes: actual.indexes
        .filter((i) => i.tablename === table && !constraintNames.has(String(i.indexname)))
        .map((i) => String(i.indexname))
        .sort(),
      constraints: constraints
        .filter((c) => c.contype === "f" || c.contype === "u" || (c.contype === "p" && !String(c.conname).endsWith("_pkey")))
        .map((c) => String(c.conname))
        .sort(),
    };
  });
}
