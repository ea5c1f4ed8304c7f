/**
 * Report totals at national scale: 34 provinces, 3,321 communes, one report task targeting every commune, each
 * commune's report filled and sent (two entered indicators and a ratio computed from them; only sent reports count). Measures
 * GET /api/tasks/:id/report-totals at the top (the 34 provinces with their totals) through app.inject, signed in as
 * an admin, on PGlite (in memory) and on PostgreSQL (bench/national.ts).
 */

import type { Db } from "../src/server/db/client";
import { fillValues, makeForm, makeReportPlan, obligate } from "../src/server/modules/reports/testing";
import { COMMUNES, type Country, closeNational, getAsAdmin, type Kind, type National, openNational, postgresReachable } from "./national";

const targets: Partial<Record<Kind, National<{ taskId: string }>>> = {};

/** The report task with its form and 3,321 filled reports. */
async function seed(db: Db, { country, issuerUnitId, adminId }: { country: Country; issuerUnitId: string; adminId: string }) {
  const { task } = await makeReportPlan(db, { issuerUnitId, createdBy: adminId });
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
  return { taskId: task.id };
}

const totals = (kind: Kind) => () => getAsAdmin(targets[kind], `/api/tasks/${targets[kind]?.scene.taskId}/report-totals`);

const withPostgres = await postgresReachable("reports.rollup.postgres");

export const benches: Record<string, () => Promise<void>> = {
  "reports.rollup.pglite": totals("pglite"),
  ...(withPostgres ? { "reports.rollup.postgres": totals("postgres") } : {}),
};

export async function setup(): Promise<void> {
  for (const kind of withPostgres ? (["pglite", "postgres"] as const) : (["pglite"] as const))
    targets[kind] = await openNational(kind, seed, () => `${COMMUNES} báo cáo xã`);
}

export async function teardown(): Promise<void> {
  await closeNational(Object.values(targets));
}
