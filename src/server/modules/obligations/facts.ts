import { and, asc, eq, gt, inArray, lte, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { obligations } from "../../db/schema/index";
import type { ReminderSchedule } from "../../db/schema/plans";
import { unitView } from "../organisations/views";
import { planView, taskView } from "../plans/views";
import { owed } from "./counts";

/**
 * Obligations told about, for notifications: what a message or a reminder says of each (the unit, the task, the
 * plan and its issuer, by name) and which obligations may be due a reminder. Notifications reads obligations only
 * through these; units, plans and tasks come in through the views their modules export, as in read-model.ts.
 */

const unit = unitView("unit");
const issuer = unitView("issuer");
const plan = planView("plan");
const task = taskView("task");

/** What a notification about one obligation says: the unit, the task, the plan and its issuer, by name. */
export interface ObligationFacts {
  obligationId: string;
  unitId: string;
  unitName: string;
  taskId: string;
  what: string;
  dueDate: string;
  dueTime: string | null;
  status: string;
  returnedReason: string | null;
  lateSubmission: boolean;
  planId: string;
  planNumber: string | null;
  planTitle: string;
  planCreatedBy: string | null;
  issuerUnitId: string;
  issuerName: string;
}

/** Which obligations: named ones, a plan's (or one task's of a plan, when a task is added to an issued plan), a task's. */
export type ObligationSelection = { obligationIds: string[] } | { planId: string; taskId?: string } | { taskId: string };

function selected(selection: ObligationSelection): SQL {
  if ("obligationIds" in selection) return inArray(obligations.id, selection.obligationIds);
  if ("planId" in selection)
    return and(eq(obligations.planId, selection.planId), selection.taskId ? eq(obligations.taskId, selection.taskId) : undefined) as SQL;
  return eq(obligations.taskId, selection.taskId);
}

/** The selected obligations with their names, in task order then by unit. */
export async function obligationFacts(db: Db, selection: ObligationSelection): Promise<ObligationFacts[]> {
  return db
    .select({
      obligationId: obligations.id,
      unitId: obligations.unitId,
      unitName: unit.name,
      taskId: obligations.taskId,
      what: task.what,
      dueDate: obligations.dueDate,
      dueTime: obligations.dueTime,
      status: obligations.status,
      returnedReason: obligations.returnedReason,
      lateSubmission: obligations.lateSubmission,
      planId: plan.id,
      planNumber: plan.number,
      planTitle: plan.title,
      planCreatedBy: plan.createdBy,
      issuerUnitId: plan.issuerUnitId,
      issuerName: issuer.name,
    })
    .from(obligations)
    .innerJoin(unit, eq(unit.id, obligations.unitId))
    .innerJoin(task, eq(task.id, obligations.taskId))
    .innerJoin(plan, eq(plan.id, obligations.planId))
    .innerJoin(issuer, eq(issuer.id, plan.issuerUnitId))
    .where(selected(selection))
    .orderBy(task.sortOrder, unit.path);
}

/** What the reminder runner needs about one obligation that may be due a reminder. */
export interface ReminderCandidate {
  obligationId: string;
  unitId: string;
  unitName: string;
  planId: string;
  planNumber: string | null;
  planTitle: string;
  what: string;
  dueDate: string;
  dueTime: string | null;
  dueAt: Date;
  schedule: ReminderSchedule;
}

/** Still-owed obligations of issued plans due before `horizon`, after `afterId` in id order (keyset pages). */
export async function reminderCandidates(
  db: Db,
  options: { horizon: Date; afterId: string | null; limit: number },
): Promise<ReminderCandidate[]> {
  return db
    .select({
      obligationId: obligations.id,
      unitId: obligations.unitId,
      unitName: unit.name,
      planId: plan.id,
      planNumber: plan.number,
      planTitle: plan.title,
      what: task.what,
      dueDate: obligations.dueDate,
      dueTime: obligations.dueTime,
      dueAt: obligations.dueAt,
      schedule: plan.reminderSchedule,
    })
    .from(obligations)
    .innerJoin(plan, eq(plan.id, obligations.planId))
    .innerJoin(task, eq(task.id, obligations.taskId))
    .innerJoin(unit, eq(unit.id, obligations.unitId))
    .where(
      and(
        eq(plan.status, "issued"),
        owed,
        lte(obligations.dueAt, options.horizon),
        options.afterId ? gt(obligations.id, options.afterId) : undefined,
      ),
    )
    .orderBy(asc(obligations.id))
    .limit(options.limit);
}
