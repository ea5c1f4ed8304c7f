import { eq } from "drizzle-orm";
import { dueInstant } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { type Deliverable, type ObligationStatus, obligations, type PlanStatus, plans, tasks, units } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { loadGrants } from "../../platform/auth";
import { type UserRow, unique } from "../../testing/factories";

/**
 * Test and benchmark fixtures: plans, tasks and obligations written straight to the tables (the plans
 * module owns the real writes; tracking only reads them).
 */

export type PlanRow = typeof plans.$inferSelect;
/** A task with its deadline set (issued tasks always have one). */
export type TaskRow = typeof tasks.$inferSelect & { dueDate: string };
export type ObligationRow = typeof obligations.$inferSelect;

export async function makePlan(
  db: Db,
  options: { issuerUnitId: string; createdBy: string; title?: string; number?: string | null; status?: PlanStatus },
): Promise<PlanRow> {
  const [row] = await db
    .insert(plans)
    .values({
      issuerUnitId: options.issuerUnitId,
      createdBy: options.createdBy,
      title: options.title ?? unique("Kế hoạch tổng kết"),
      number: options.number === undefined ? `${Math.floor(Math.random() * 900) + 100}/KH-BCH` : options.number,
      layout: "state",
      status: options.status ?? "issued",
      issuedAt: options.status === "draft" ? null : new Date(),
    })
    .returning();
  return row;
}

export async function makeTask(
  db: Db,
  options: { planId: string; dueDate: string; dueTime?: string | null; what?: string; deliverable?: Deliverable; sortOrder?: number },
): Promise<TaskRow> {
  const [row] = await db
    .insert(tasks)
    .values({
      planId: options.planId,
      what: options.what ?? unique("Gửi báo cáo"),
      deliverable: options.deliverable ?? "report",
      dueDate: options.dueDate,
      dueTime: options.dueTime ?? null,
      sortOrder: options.sortOrder ?? 0,
    })
    .returning();
  return { ...row, dueDate: options.dueDate };
}

export interface ObligationState {
  status?: ObligationStatus;
  submittedAt?: Date | null;
  lateSubmission?: boolean;
}

/** One obligation of `task` for a unit; the due instant comes from the task's deadline like the real issue. */
export function obligationRow(task: TaskRow, unitId: string, state: ObligationState = {}): typeof obligations.$inferInsert {
  const status = state.status ?? "open";
  return {
    taskId: task.id,
    planId: task.planId,
    unitId,
    status,
    dueDate: task.dueDate,
    dueTime: task.dueTime,
    dueAt: dueInstant(task.dueDate, task.dueTime),
    submittedAt: state.submittedAt ?? null,
    lateSubmission: state.lateSubmission ?? false,
    acceptedAt: status === "accepted" ? (state.submittedAt ?? new Date()) : null,
    returnedReason: status === "returned" ? "Thiếu số liệu phụ lục, đề nghị bổ sung." : null,
  };
}

export async function makeObligation(db: Db, task: TaskRow, unitId: string, state: ObligationState = {}): Promise<ObligationRow> {
  const [row] = await db
    .insert(obligations)
    .values(obligationRow(task, unitId, state))
    .returning();
  return row;
}

/** An instant given as Vietnam wall-clock time: `vn("2026-05-31 08:01")`, `vn("2026-06-03 00:00:30")`. */
export function vn(text: string): Date {
  const local = text.replace(" ", "T");
  return new Date(`${local.length === 16 ? `${local}:00` : local}+07:00`);
}

/** The actor a signed-in user becomes, for calling services with a fixed `now`. */
export async function actorFor(db: Db, user: UserRow): Promise<Actor> {
  const [unit] = await db.select({ path: units.path }).from(units).where(eq(units.id, user.unitId));
  return {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    unitId: user.unitId,
    unitPath: unit.path,
    grants: await loadGrants(db, user.id),
  };
}
