/**
 * The tracking board at national scale: 34 provinces, 3,321 communes, one issued plan whose 5 tasks target
 * every commune (16,605 obligations in mixed states). Measures GET /api/plans/:id/board and /rollup through
 * app.inject, signed in as an admin, on PGlite (in memory) and on PostgreSQL (bench/national.ts).
 */

import { addDays, dueInstant, vietnamToday } from "../src/domain/deadlines/index";
import type { Db } from "../src/server/db/client";
import { obligations } from "../src/server/db/schema/index";
import { makePlan, makeTask, type ObligationState, obligationRow, type TaskRow } from "../src/server/modules/tracking/fixtures";
import { COMMUNES, type Country, closeNational, getAsAdmin, type Kind, type National, openNational, postgresReachable } from "./national";

const TASKS = 5;
const BATCH = 1000;
const targets: Partial<Record<Kind, National<{ planId: string }>>> = {};

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

/** The plan with its 16,605 obligations. */
async function seed(db: Db, { country, issuerUnitId, adminId }: { country: Country; issuerUnitId: string; adminId: string }) {
  const plan = await makePlan(db, {
    issuerUnitId,
    createdBy: adminId,
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
  return { planId: plan.id };
}

const request = (kind: Kind, what: "board" | "rollup") => () =>
  getAsAdmin(targets[kind], `/api/plans/${targets[kind]?.scene.planId}/${what}`);

const withPostgres = await postgresReachable("board.postgres và rollup.postgres");

export const benches: Record<string, () => Promise<void>> = {
  "board.pglite": request("pglite", "board"),
  "rollup.pglite": request("pglite", "rollup"),
  ...(withPostgres ? { "board.postgres": request("postgres", "board"), "rollup.postgres": request("postgres", "rollup") } : {}),
};

export async function setup(): Promise<void> {
  for (const kind of withPostgres ? (["pglite", "postgres"] as const) : (["pglite"] as const))
    targets[kind] = await openNational(kind, seed, () => `${COMMUNES} xã, ${COMMUNES * TASKS} nghĩa vụ`);
}

export async function teardown(): Promise<void> {
  await closeNational(Object.values(targets));
}
