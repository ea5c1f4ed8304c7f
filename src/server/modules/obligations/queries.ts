import { and, asc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Deliverable, PlanStatus } from "../../../contracts/plans";
import type { Db } from "../../db/client";
import { obligationEvents, obligations, storedFiles, submissions } from "../../db/schema/index";
import { notFound } from "../../platform/errors";
import { unitView } from "../organisations/views";
import { userView } from "../people/views";
import { planView, taskView } from "../plans/views";

export type ObligationRow = typeof obligations.$inferSelect;

// Units, tasks, plans and users are read through the views their modules export (no foreign table imported).
const unit = unitView("unit");
const issuer = unitView("issuer");
const task = taskView("task");
const plan = planView("plan");
const user = userView("actor");

/** An obligation with what the rules and the view need: its unit, its task, its plan and the plan's issuer. */
export interface ObligationContext extends ObligationRow {
  unitName: string;
  unitPath: string;
  what: string;
  deliverable: Deliverable;
  planTitle: string;
  planStatus: PlanStatus;
  issuerUnitId: string;
  issuerPath: string;
}

export async function loadObligation(db: Db, id: string, lock = false): Promise<ObligationContext> {
  if (lock) {
    const [locked] = await db.select({ id: obligations.id }).from(obligations).where(eq(obligations.id, id)).for("update");
    if (!locked) throw notFound("Không tìm thấy việc cần làm.");
  }
  const [row] = await db
    .select({
      obligation: obligations,
      unitName: unit.name,
      unitPath: unit.path,
      what: task.what,
      deliverable: task.deliverable,
      planTitle: plan.title,
      planStatus: plan.status,
      issuerUnitId: plan.issuerUnitId,
      issuerPath: issuer.path,
    })
    .from(obligations)
    .innerJoin(unit, eq(unit.id, obligations.unitId))
    .innerJoin(task, eq(task.id, obligations.taskId))
    .innerJoin(plan, eq(plan.id, obligations.planId))
    .innerJoin(issuer, eq(issuer.id, plan.issuerUnitId))
    .where(eq(obligations.id, id));
  if (!row) throw notFound("Không tìm thấy việc cần làm.");
  const { obligation, ...rest } = row;
  return { ...obligation, ...rest };
}

export async function listEvents(db: Db, obligationId: string) {
  return db
    .select({ event: obligationEvents, actorName: user.fullName })
    .from(obligationEvents)
    .leftJoin(user, eq(user.id, obligationEvents.actorId))
    .where(eq(obligationEvents.obligationId, obligationId))
    .orderBy(asc(obligationEvents.at), asc(obligationEvents.id));
}

export async function listSubmissions(db: Db, obligationId: string) {
  const subs = await db
    .select({ submission: submissions, submittedByName: user.fullName })
    .from(submissions)
    .innerJoin(user, eq(user.id, submissions.submittedBy))
    .where(eq(submissions.obligationId, obligationId))
    .orderBy(asc(submissions.submittedAt));
  const ids = subs.map((s) => s.submission.id);
  const files = ids.length
    ? await db
        .select({
          id: storedFiles.id,
          submissionId: storedFiles.submissionId,
          fileName: storedFiles.fileName,
          mimeType: storedFiles.mimeType,
          size: storedFiles.size,
        })
        .from(storedFiles)
        .where(inArray(storedFiles.submissionId, ids))
        .orderBy(asc(storedFiles.createdAt), asc(storedFiles.fileName))
    : [];
  return subs.map((s) => ({ ...s, files: files.filter((f) => f.submissionId === s.submission.id) }));
}

/** The latest submission's author, to stop anyone accepting their own work. */
export async function latestSubmitter(db: Db, obligationId: string): Promise<string | null> {
  const [row] = await db
    .select({ by: submissions.submittedBy })
    .from(submissions)
    .where(eq(submissions.obligationId, obligationId))
    .orderBy(sql`${submissions.submittedAt} desc`)
    .limit(1);
  return row?.by ?? null;
}

export async function findStoredFile(db: Db, id: string) {
  const [row] = await db
    .select({ file: storedFiles, obligationId: submissions.obligationId })
    .from(storedFiles)
    .innerJoin(submissions, eq(submissions.id, storedFiles.submissionId))
    .where(eq(storedFiles.id, id));
  return row;
}

/**
 * What units of a plan still owe at `now`: open past the deadline, or sent back and not yet sent again
 * (whatever the deadline), with unit and task, by deadline then unit.
 */
export async function owedLateOrReturned(db: Db, planId: string, now: Date) {
  return db
    .select({
      id: obligations.id,
      unitId: obligations.unitId,
      unitName: unit.name,
      taskId: obligations.taskId,
      what: task.what,
      deliverable: task.deliverable,
      status: obligations.status,
      dueDate: obligations.dueDate,
      dueTime: obligations.dueTime,
      dueAt: obligations.dueAt,
      returnedReason: obligations.returnedReason,
    })
    .from(obligations)
    .innerJoin(unit, eq(unit.id, obligations.unitId))
    .innerJoin(task, eq(task.id, obligations.taskId))
    .where(
      and(
        eq(obligations.planId, planId),
        or(eq(obligations.status, "returned"), and(eq(obligations.status, "open"), lt(obligations.dueAt, now))),
      ),
    )
    .orderBy(asc(obligations.dueAt), asc(unit.path));
}

/** A unit's obligations under issued plans, by deadline, with the task's text and the plan's number and title (its calendar). */
export async function unitDeadlines(db: Db, unitId: string) {
  return db
    .select({
      id: obligations.id,
      status: obligations.status,
      dueDate: obligations.dueDate,
      dueTime: obligations.dueTime,
      updatedAt: obligations.updatedAt,
      what: task.what,
      planNumber: plan.number,
      planTitle: plan.title,
    })
    .from(obligations)
    .innerJoin(task, eq(task.id, obligations.taskId))
    .innerJoin(plan, eq(plan.id, obligations.planId))
    .where(and(eq(obligations.unitId, unitId), eq(plan.status, "issued")))
    .orderBy(asc(obligations.dueAt));
}
