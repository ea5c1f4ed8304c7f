/**
 * The tracking board at national scale: 34 provinces, 3,321 communes, one issued plan whose 5 tasks target
 * every commune (16,605 obligations in mixed states). Measures GET /api/plans/:id/board and /rollup through
 * app.inject, signed in as an admin, on PGlite (in memory) and on PostgreSQL (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/kh_bench, its schema rebuilt first; skipped when unreachable).
 */

import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { addDays, dueInstant, vietnamToday } from "../src/domain/deadlines/index";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { type Database, type Db, openDatabase } from "../src/server/db/client";
import { obligations, roleGrants, users } from "../src/server/db/schema/index";
import { seedSynthetic } from "../src/server/db/seed/synthetic";
import { makePlan, makeTask, type ObligationState, obligationRow, type TaskRow } from "../src/server/modules/tracking/fixtures";
import { createSession, SESSION_COOKIE } from "../src/server/platform/auth";

const PROVINCES = 34;
const COMMUNES = 3321;
const TASKS = 5;
const BATCH = 1000;
const postgresUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/kh_bench";

interface Target {
  database: Database;
  app: FastifyInstance;
  cookie: string;
  planId: string;
}
const targets: Partial<Record<"pglite" | "postgres", Target>> = {};

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    console.warn(`Bỏ qua board.postgres và rollup.postgres: không kết nối được ${postgresUrl} (${(error as Error).message}).`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Gives the bench database a clean schema, as test/global-setup.ts does for the test database. */
async function resetPostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
  } finally {
    await client.end();
  }
}

// Ten states in a fixed rhythm: 3 open, 2 on time, 1 late, 1 returned, 2 accepted on time, 1 accepted late.
function stateOf(i: number, task: TaskRow, dueAt: Date): ObligationState {
  // Delivered a day ahead, and never in the future for deadlines still to come.
  const early = new Date(Math.min(dueAt.getTime() - 86_400_000, Date.now() - 3_600_000));
  const late = new Date(dueAt.getTime() + 2 * 3_600_000);
  const pastDue = dueAt.getTime() < Date.now();
  switch ((i * 7 + task.sortOrder) % 10) {
    case 3:
    case 4:
      return { status: "submitted", submittedAt: early };
    case 5:
      return pastDue ? { status: "submitted", submittedAt: late, lateSubmission: true } : { status: "open" };
    case 6:
      return { status: "returned", submittedAt: early };
    case 7:
    case 8:
      return { status: "accepted", submittedAt: early };
    case 9:
      return pastDue ? { status: "accepted", submittedAt: late, lateSubmission: true } : { status: "accepted", submittedAt: early };
    default:
      return { status: "open" };
  }
}

/** The synthetic country, an admin with a session, and the plan with its 16,605 obligations. */
async function seed(db: Db): Promise<{ cookie: string; planId: string }> {
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
  const plan = await makePlan(db, {
    issuerUnitId,
    createdBy: admin.id,
    title: "Kế hoạch tổng kết toàn quốc (dữ liệu đo hiệu năng)",
    number: "01/KH-BENCH",
  });
  const today = vietnamToday(new Date());
  const offsets = [-10, -3, 1, 7, 20];
  for (let t = 0; t < TASKS; t++) {
    const task = await makeTask(db, {
      planId: plan.id,
      dueDate: addDays(today, offsets[t]),
      dueTime: t % 2 === 0 ? "08:00" : null,
      sortOrder: t,
    });
    const dueAt = dueInstant(task.dueDate, task.dueTime);
    const rows = country.communeIds.map((unitId, i) => obligationRow(task, unitId, stateOf(i, task, dueAt)));
    for (let i = 0; i < rows.length; i += BATCH) await db.insert(obligations).values(rows.slice(i, i + BATCH));
  }
  await db.execute(sql`analyze`);
  const { sessionId } = await createSession(db, admin.id);
  return { cookie: `${SESSION_COOKIE}=${sessionId}`, planId: plan.id };
}

async function open(kind: "pglite" | "postgres"): Promise<void> {
  const started = performance.now();
  if (kind === "postgres") await resetPostgres();
  const database = await openDatabase(kind === "postgres" ? { url: postgresUrl } : { dataDir: "memory://" });
  await database.migrate();
  const { cookie, planId } = await seed(database.db);
  const app = await buildApp({ database, config: { ...loadConfig({}), logLevel: "silent" }, logger: false });
  await app.ready();
  targets[kind] = { database, app, cookie, planId };
  console.log(`${kind}: ${COMMUNES} xã, ${COMMUNES * TASKS} nghĩa vụ, dựng trong ${Math.round(performance.now() - started)} ms`);
}

function request(kind: "pglite" | "postgres", what: "board" | "rollup") {
  return async () => {
    const target = targets[kind];
    if (!target) throw new Error(`${kind} is not set up`);
    const res = await target.app.inject({ method: "GET", url: `/api/plans/${target.planId}/${what}`, headers: { cookie: target.cookie } });
    if (res.statusCode !== 200) throw new Error(`${what} on ${kind}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  };
}

const withPostgres = await postgresReachable();

export const benches: Record<string, () => Promise<void>> = {
  "board.pglite": request("pglite", "board"),
  "rollup.pglite": request("pglite", "rollup"),
  ...(withPostgres ? { "board.postgres": request("postgres", "board"), "rollup.postgres": request("postgres", "rollup") } : {}),
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
