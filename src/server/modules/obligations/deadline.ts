import { and, eq, ne, sql } from "drizzle-orm";
import { dueInstant } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { obligations } from "../../db/schema/index";

/**
 * Moves the deadline of every obligation of a task that is not yet accepted (an accepted one keeps the deadline
 * it was judged by), inside the caller's transaction. Returns how many moved.
 */
export async function moveObligationDeadlines(
  tx: Db,
  task: { id: string; dueDate: string; dueTime: string | null },
  now: Date,
): Promise<number> {
  const rows = await tx
    .update(obligations)
    .set({
      dueDate: task.dueDate,
      dueTime: task.dueTime,
      dueAt: dueInstant(task.dueDate, task.dueTime),
      updatedAt: now,
      version: sql`${obligations.version} + 1`,
    })
    .where(and(eq(obligations.taskId, task.id), ne(obligations.status, "accepted")))
    .returning({ id: obligations.id });
  return rows.length;
}
