import { dueInstant } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { obligationEvents, obligations } from "../../db/schema/index";

// Keeps each INSERT well under PostgreSQL's 65,535 bind parameters (9 per obligation row).
const CHUNK = 2000;

export interface CreateObligationsOptions {
  planId: string;
  task: { id: string; dueDate: string; dueTime: string | null };
  unitIds: string[];
  actorId: string;
}

/**
 * One obligation per unit for a task, each with its "created" event, inside the caller's transaction.
 * A unit that already owes this task is skipped (unique task+unit), so re-running never duplicates.
 * Returns how many were created.
 */
export async function createObligationsForTask(tx: Db, options: CreateObligationsOptions): Promise<number> {
  const dueAt = dueInstant(options.task.dueDate, options.task.dueTime);
  let created = 0;
  for (let i = 0; i < options.unitIds.length; i += CHUNK) {
    const slice = options.unitIds.slice(i, i + CHUNK);
    const rows = await tx
      .insert(obligations)
      .values(
        slice.map((unitId) => ({
          taskId: options.task.id,
          planId: options.planId,
          unitId,
          dueDate: options.task.dueDate,
          dueTime: options.task.dueTime,
          dueAt,
        })),
      )
      .onConflictDoNothing({ target: [obligations.taskId, obligations.unitId] })
      .returning({ id: obligations.id });
    if (rows.length) {
      await tx
        .insert(obligationEvents)
        .values(rows.map((r) => ({ obligationId: r.id, actorId: options.actorId, action: "created" as const })));
    }
    created += rows.length;
  }
  return created;
}
