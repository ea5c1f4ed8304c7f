/**
 * Report totals at national scale: 34 provinces, 3,321 communes, one report task targeting every commune, each
 * commune's report filled and sent (two entered indicators and a ratio computed from them; only sent reports count). Measures
 * GET /api/tasks/:id/report-totals at the top (the 34 provinces with their totals) through app.inject, signed in as
 * an admin, on PGlite (in memory) and on PostgreSQL (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/kh_bench, its schema rebuilt first; skipped when unreachable).
 */

import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { type Database, type Db, openDatabase } from "../src/server/db/client";
import { roleGrants, users } from "../src/server/db/schema/index";
import { seedSynthetic } from "../src/server/db/seed/synthetic";
import { fillValues, makeForm, makeReportPlan, obligate } from "../src/server/modules/reports/testing";
import { createSession, SESSION_COOKIE } from "../src/server/platform/auth";

const PROVINCES = 34;
const COMMUNES = 3321;
const postgresUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/kh_bench";

interface Target {
  database: Database;
  app: FastifyInstance;
  cookie: string;
  taskId: string;
}
const targets: Partial<Record<"pglite" | "postgres", Target>> = {};

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    console.warn(`Bỏ qua reports.rollup.postgres: không kết nối được ${postgresUrl} (${(error as Error).message}).`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function resetPostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
  } finally {
    await client.end();
  }
}

/** The synthetic country, an admin with a session, the report task with its form and 3,321 filled reports. */
async function seed(db: Db): Promise<{ cookie: string; taskId: string }> {
  const country = await seedSynthetic(db, { provinces: PROVINCES, communes: COMMUNES });
  const issuerUnitId = country.provinces[0].stateRootId;
  const [admin] = await db
    .insert(users)
    .values({
      username: "bench-admin",
      fullName: "Quản trị đo hiệu năng",
      unitId: issuerUnitId,
      passwordHash: "not-used-sessions-are-made-directly",
    })
    .returning();
  await db.insert(roleGrants).values({ userId: admin.id, unitId: issuerUnitId, role: "admin" });
  const { task } = await makeReportPlan(db, { issuerUnitId, createdBy: admin.id });
  const { form, ids } = await makeForm(db, task.id, [
    { code: "CB", name: "Tổng số chi bộ", kind: "integer", min: 0 },
    { code: "CBD", name: "Số chi bộ đạt", kind: "integer", min: 0, notAbove: "CB" },
    { code: "TL", name: "Tỷ lệ chi bộ đạt", kind: "percentage", ratio: ["CBD", "CB"] },
  ]);
  const owed = await obligate(db, task, country.communeIds, { status: "submitted", submittedAt: new Date() });
  await fillValues(
    db,
    form.id,
    owed.map((obligation, i) => ({ obligation, values: { [ids.CB]: 5 + (i % 7), [ids.CBD]: i % 5 } })),
  );
  await db.execute(sql`analyze`);
  const { sessionId } = await createSession(db, admin.id);
  return { cookie: `${SESSION_COOKIE}=${sessionId}`, taskId: task.id };
}

async function open(kind: "pglite" | "postgres"): Promise<void> {
  const started = performance.now();
  if (kind === "postgres") await resetPostgres();
  const database = await openDatabase(kind === "postgres" ? { url: postgresUrl } : { dataDir: "memory://" });
  await database.migrate();
  const { cookie, taskId } = await seed(database.db);
  const app = await buildApp({ database, config: { ...loadConfig({}), logLevel: "silent" }, logger: false });
  await app.ready();
  targets[kind] = { database, app, cookie, taskId };
  console.log(`${kind}: ${COMMUNES} báo cáo xã, dựng trong ${Math.round(performance.now() - started)} ms`);
}

function totals(kind: "pglite" | "postgres") {
  return async () => {
    const target = targets[kind];
    if (!target) throw new Error(`${kind} is not set up`);
    const res = await target.app.inject({
      method: "GET",
      url: `/api/tasks/${target.taskId}/report-totals`,
      headers: { cookie: target.cookie },
    });
    if (res.statusCode !== 200) throw new Error(`report-totals on ${kind}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  };
}

const withPostgres = await postgresReachable();

export const benches: Record<string, () => Promise<void>> = {
  "reports.rollup.pglite": totals("pglite"),
  ...(withPostgres ? { "reports.rollup.postgres": totals("postgres") } : {}),
};

export async function setup(): Promise<void> {
  await open("pglite");
  if (withPostgres) await open("postgres");
}

export async function teardown(): Promise<void> {
  for (const target of Object.values(targets)) {
    await target.app.close();
    await target.database.close();
  }
}
