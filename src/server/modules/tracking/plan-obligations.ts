import { and, asc, eq } from "drizzle-orm";
import type { PlanObligations } from "../../../contracts/tracking";
import { isOverdue } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { obligations, tasks, units } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { scopeCondition } from "./queries";
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
  const rows = await db
    .select({
      id: obligations.id,
      status: obligations.status,
      dueDate: obligations.dueDate,
      dueTime: obligations.dueTime,
      dueAt: obligations.dueAt,
      lateSubmission: obligations.lateSubmission,
      submittedAt: obligations.submittedAt,
      task: { id: tasks.id, what: tasks.what },
      unit: { id: units.id, name: units.name },
    })
    .from(obligations)
    .innerJoin(tasks, eq(tasks.id, obligations.taskId))
    .innerJoin(units, eq(units.id, obligations.unitId))
    .where(and(eq(obligations.planId, options.planId), scopeCondition(scope), options.unitId ? eq(units.id, options.unitId) : undefined))
    .orderBy(asc(obligations.dueAt), asc(tasks.sortOrder), asc(units.path));
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
