import { and, asc, eq, like } from "drizzle-orm";
import type { Db } from "../../db/client";
import { obligations, plans, tasks, units } from "../../db/schema/index";
import { escapeLike } from "../../platform/access";
import { owed } from "../obligations/counts";
import type { TrackingScope } from "./policy";
import { scopeCondition } from "./queries";

export interface WorkRow {
  obligationId: string;
  status: "open" | "returned";
  returnedReason: string | null;
  dueDate: string;
  dueTime: string | null;
  dueAt: Date;
  plan: { id: string; title: string; number: string | null };
  task: { id: string; what: string; deliverable: "report" | "document" | "conference" | "delegates" | "confirmation" };
  unit: { id: string; name: string; shortName: string | null };
}

/** Owed obligations (open or returned) of issued plans in scope, earliest deadline first. */
export async function owedObligations(db: Db, options: { scope: TrackingScope; underPath?: string; limit: number }): Promise<WorkRow[]> {
  const { scope, underPath, limit } = options;
  const rows = await db
    .select({
      obligationId: obligations.id,
      status: obligations.status,
      returnedReason: obligations.returnedReason,
      dueDate: obligations.dueDate,
      dueTime: obligations.dueTime,
      dueAt: obligations.dueAt,
      plan: { id: plans.id, title: plans.title, number: plans.number },
      task: { id: tasks.id, what: tasks.what, deliverable: tasks.deliverable },
      unit: { id: units.id, name: units.name, shortName: units.shortName },
    })
    .from(obligations)
    .innerJoin(plans, eq(plans.id, obligations.planId))
    .innerJoin(tasks, eq(tasks.id, obligations.taskId))
    .innerJoin(units, eq(units.id, obligations.unitId))
    .where(
      and(owed, eq(plans.status, "issued"), scopeCondition(scope), underPath ? like(units.path, `${escapeLike(underPath)}%`) : undefined),
    )
    .orderBy(asc(obligations.dueAt), asc(units.path), asc(tasks.sortOrder))
    .limit(limit);
  return rows.map((r) => ({ ...r, status: r.status === "returned" ? "returned" : "open" }));
}
