import { and, eq, sql } from "drizzle-orm";
import type { CreateTaskRequest, TaskView, UpdateTaskRequest } from "../../../contracts/plans";
import type { Db } from "../../db/client";
import { tasks } from "../../db/schema/index";
import type { TaskTarget } from "../../db/schema/plans";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { AppError, invalidState, versionConflict } from "../../platform/errors";
import { notifyObligationsAssigned } from "../notifications/notify";
import { createObligationsForTask } from "../obligations/create";
import { moveTaskDeadline } from "./deadline";
import { assertCanAssignTo, assertCanManagePlan, assertDraft } from "./policy";
import { presentTask } from "./presenter";
import * as q from "./queries";
import { deadlineWarnings, recordAmendment } from "./service";
import { resolveTarget } from "./targets";

/** Resolves the target and refuses (403) any unit outside the actor's managed subtree. */
async function checkTarget(tx: Db, actor: Actor, target: TaskTarget, supportUnitIds: string[]) {
  const units = await resolveTarget(tx, target);
  assertCanAssignTo(actor, units);
  if (supportUnitIds.length) await resolveTarget(tx, { unitIds: supportUnitIds });
  return units;
}

export interface CreateTaskOptions {
  actor: Actor;
  planId: string;
  input: CreateTaskRequest;
  now?: Date;
}

/**
 * Adds a task. On a draft it waits for the issue; on an issued plan its obligations are created at once and
 * the addition is recorded as an amendment. A closed plan takes no new tasks.
 */
export async function createTask(
  db: Db,
  { actor, planId, input, now = new Date() }: CreateTaskOptions,
): Promise<{ task: TaskView; warnings: string[] }> {
  return db.transaction(async (tx) => {
    const plan = await q.lockPlan(tx, planId);
    assertCanManagePlan(actor, plan.issuerPath);
    if (plan.status === "closed") throw invalidState("Kế hoạch đã kết thúc nên không thể bổ sung nhiệm vụ.");
    const supportUnitIds = input.supportUnitIds ?? [];
    const units = await checkTarget(tx, actor, input.target, supportUnitIds);
    if (plan.status === "issued" && units.length === 0)
      throw new AppError("VALIDATION", "Kế hoạch đã ban hành: nhiệm vụ bổ sung phải có ít nhất một đơn vị thực hiện.");
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${tasks.sortOrder}), -1)::int + 1`.mapWith(Number) })
      .from(tasks)
      .where(eq(tasks.planId, planId));
    const [inserted] = await tx
      .insert(tasks)
      .values({
        planId,
        what: input.what,
        deliverable: input.deliverable,
        target: input.target,
        supportUnitIds,
        dueDate: input.dueDate,
        dueTime: input.dueTime ?? null,
        sortOrder: input.sortOrder ?? next,
      })
      .returning();
    let obligationCount = 0;
    const warnings: string[] = [];
    if (plan.status === "issued") {
      const task = { ...inserted, dueDate: input.dueDate };
      obligationCount = await createObligationsForTask(tx, { planId, task, unitIds: units.map((u) => u.id), actorId: actor.userId });
      await recordAmendment(tx, {
        planId,
        actorId: actor.userId,
        note: `Bổ sung nhiệm vụ: ${task.what}`,
        before: null,
        after: { task: input },
      });
      warnings.push(...deadlineWarnings(task, now, await q.parentDeadline(tx, plan)));
      await notifyObligationsAssigned(tx, { planId, taskId: task.id, actorId: actor.userId, now });
    }
    await recordAudit(tx, { actor, action: "task.create", entityType: "task", entityId: inserted.id, after: input });
    return { task: presentTask({ ...inserted, obligationCount }, null), warnings };
  });
}

export interface UpdateTaskOptions {
  actor: Actor;
  taskId: string;
  input: UpdateTaskRequest;
}

/** Edits a task of a draft; a new target replaces the import's unmatched names. */
export async function updateTask(db: Db, { actor, taskId, input }: UpdateTaskOptions): Promise<TaskView> {
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    const current = await q.findTask(tx, taskId);
    const plan = await q.lockPlan(tx, current.planId);
    assertCanManagePlan(actor, plan.issuerPath);
    // An issued plan's task takes one direct change: its deadline (moved with its obligations, units told).
    const deadlineOnly = Object.keys(changes).every((k) => k === "dueDate" || k === "dueTime");
    if (plan.status === "issued" && deadlineOnly && Object.keys(changes).length > 0) {
      const dueDate = changes.dueDate ?? current.dueDate;
      if (!dueDate) throw new AppError("VALIDATION", "Hãy nhập hạn hoàn thành của nhiệm vụ.");
      const dueTime = changes.dueTime === undefined ? current.dueTime : changes.dueTime;
      const moved = await moveTaskDeadline(tx, { actor, current, version, dueDate, dueTime });
      return presentTask({ ...moved, obligationCount: 0 }, await q.parentDeadline(tx, plan));
    }
    assertDraft(plan.status);
    const target = changes.target ?? current.target;
    const supportUnitIds = changes.supportUnitIds ?? current.supportUnitIds;
    if (changes.target || changes.supportUnitIds) await checkTarget(tx, actor, changes.target ?? {}, changes.supportUnitIds ?? []);
    const [task] = await tx
      .update(tasks)
      .set({
        ...changes,
        target,
        supportUnitIds,
        dueTime: changes.dueTime === undefined ? current.dueTime : changes.dueTime,
        // Setting the deadline (changed or the proposed one kept) is the clerk's check.
        dueToCheck: changes.dueDate ? false : current.dueToCheck,
        updatedAt: new Date(),
        version: sql`${tasks.version} + 1`,
      })
      .where(and(eq(tasks.id, taskId), eq(tasks.version, version)))
      .returning();
    if (!task) throw versionConflict("Nhiệm vụ");
    await recordAudit(tx, { actor, action: "task.update", entityType: "task", entityId: taskId, before: current, after: changes });
    return presentTask({ ...task, obligationCount: 0 }, await q.parentDeadline(tx, plan));
  });
}

/** Removes a task of a draft (issued plans keep their tasks: obligations hang on them). */
export async function deleteTask(db: Db, { actor, taskId, version }: { actor: Actor; taskId: string; version: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await q.findTask(tx, taskId);
    const plan = await q.lockPlan(tx, current.planId);
    assertCanManagePlan(actor, plan.issuerPath);
    assertDraft(plan.status);
    const deleted = await tx
      .delete(tasks)
      .where(and(eq(tasks.id, taskId), eq(tasks.version, version)))
      .returning({ id: tasks.id });
    if (deleted.length === 0) throw versionConflict("Nhiệm vụ");
    await recordAudit(tx, { actor, action: "task.delete", entityType: "task", entityId: taskId, before: current });
  });
}
