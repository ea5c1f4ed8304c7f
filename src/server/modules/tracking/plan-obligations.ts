import type { PlanObligations } from "../../../contracts/tracking";
import { isOverdue } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/access";
import { planObligationRows } from "../obligations/read-model";
import { authorizeTracking } from "./service";

/**
 * The obligations of a plan the actor may see, optionally of one unit, by deadline then task: the list
 * a board row opens so a manager can reach a submission to accept or return it.
 */
export async function listPlanObligations(
  db: Db,
  options: { actor: Actor; planId: string; unitId?: string; now: Date },
): Promise<PlanObligations> {
  const { scope } = await authorizeTracking(db, options.actor, options.planId);
  const rows = await planObligationRows(db, { planId: options.planId, scope, unitId: options.unitId });
  return {
    items: rows.map((r) => ({
      ...r,
      status: r.status as PlanObligations["items"][number]["status"],
      dueAt: r.dueAt.toISOString(),
      submittedAt: r.submittedAt?.toISOString() ?? null,
      overdue: isOverdue({ status: r.status as PlanObligations["items"][number]["status"], dueAt: r.dueAt }, options.now),
    })),
  };
}
