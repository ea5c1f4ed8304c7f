import { type TimeLeft, timeLeft } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/access";
import { AppError, forbidden, notFound } from "../../platform/errors";
import { owedObligations, type WorkRow } from "../obligations/read-model";
import { findUnitRef as findUnit } from "../organisations/views";
import { tasksWithReportForm } from "../reports/queries";
import { messages, workScope, worksFor } from "./policy";

export const DEFAULT_MY_WORK_LIMIT = 200;

export interface ListMyWorkOptions {
  actor: Actor;
  now: Date;
  /** One of the actor's units (or, for a manager, a unit under it); all of them when absent. */
  unitId?: string;
  limit?: number;
}

export interface MyWorkData {
  at: Date;
  items: Array<Omit<WorkRow, "task"> & { task: WorkRow["task"] & { hasReportForm: boolean }; timeLeft: TimeLeft }>;
  truncated: boolean;
}

/** What the actor's units still owe on issued plans, earliest deadline first, with the time left at `now`. */
export async function listMyWork(db: Db, { actor, now, unitId, limit = DEFAULT_MY_WORK_LIMIT }: ListMyWorkOptions): Promise<MyWorkData> {
  const scope = workScope(actor);
  if (scope.unitIds.length === 0 && scope.pathPrefixes.length === 0) throw new AppError("FORBIDDEN", messages.noWorkGrant);
  let underPath: string | undefined;
  if (unitId) {
    const unit = await findUnit(db, unitId);
    if (!unit) throw notFound("Không tìm thấy đơn vị được chọn. Hãy chọn lại đơn vị.");
    if (!worksFor(scope, unit)) throw forbidden(messages.myWorkUnit);
    underPath = unit.path;
  }
  // One extra row tells whether the list was cut.
  const rows = await owedObligations(db, { scope, underPath, limit: limit + 1 });
  const forms = await tasksWithReportForm(
    db,
    rows.map((r) => r.task.id),
  );
  return {
    at: now,
    items: rows.slice(0, limit).map((row) => ({
      ...row,
      task: { ...row.task, hasReportForm: forms.has(row.task.id) },
      timeLeft: timeLeft(row.dueAt, now),
    })),
    truncated: rows.length > limit,
  };
}
