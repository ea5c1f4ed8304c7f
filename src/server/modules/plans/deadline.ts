import { and, eq, sql } from "drizzle-orm";
import { formatDeadline } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { tasks } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { invalidState, versionConflict } from "../../platform/errors";
import { notifyDeadlineChanged } from "../notifications/notify";
import { moveObligationDeadlines } from "../obligations/deadline";
import type * as q from "./queries";
import { recordAmendment } from "./service";

/**
 * The one change an issued plan's task takes directly: its deadline. The task and every obligation not yet
 * accepted move together, the change is kept as an amendment, and the units still owing it are told.
 */
export async function moveTaskDeadline(
  tx: Db,
  {
    actor,
    current,
    version,
    dueDate,
    dueTime,
    now = new Date(),
  }: {
    actor: Actor;
    current: Awaited<ReturnType<typeof q.findTask>>;
    version: number;
    dueDate: string;
    dueTime: string | null;
    now?: Date;
  },
) {
  // An issued plan never holds a task without a deadline (issuing refuses one).
  if (current.dueDate === null) throw invalidState("Nhiệm vụ này chưa có hạn nên không thể dời hạn.");
  const [updated] = await tx
    .update(tasks)
    .set({ dueDate, dueTime, updatedAt: now, version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.id, current.id), eq(tasks.version, version)))
    .returning();
  if (!updated) throw versionConflict("Nhiệm vụ");
  const task = { ...updated, dueDate };
  await moveObligationDeadlines(tx, task, now);
  const before = { dueDate: current.dueDate, dueTime: current.dueTime };
  await recordAmendment(tx, {
    planId: task.planId,
    actorId: actor.userId,
    note: `Đổi hạn nhiệm vụ «${task.what.slice(0, 80)}» từ ${formatDeadline(before.dueDate, before.dueTime)} thành ${formatDeadline(dueDate, dueTime)}`,
    before,
    after: { dueDate, dueTime },
  });
  await recordAudit(tx, { actor, action: "task.deadline", entityType: "task", entityId: task.id, before, after: { dueDate, dueTime } });
  await notifyDeadlineChanged(tx, { taskId: task.id, before, actorId: actor.userId, now });
  return task;
}
