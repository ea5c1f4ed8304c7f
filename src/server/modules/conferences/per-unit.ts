import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { conferences } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { AppError } from "../../platform/errors";
import { findTaskRef } from "../plans/views";
import { createConference } from "./service";

/**
 * A conference every unit a task targets holds itself ("each commune by date X"): made on the task's plan through
 * the module's own `createConference` (same rights), linked by `perUnitTaskId` so each unit's obligation of the task
 * is its "conference held". The task must ask for a conference (deliverable `conference`).
 * `await createPerUnitConference(db, { actor, taskId, title: "Hội nghị sơ kết cấp xã", level: "Xã", durationLabel: "½ ngày" })`.
 */
export async function createPerUnitConference(
  db: Db,
  o: { actor: Actor; taskId: string; title: string; level?: string; durationLabel?: string },
): Promise<string> {
  const task = await findTaskRef(db, o.taskId);
  if (task?.deliverable !== "conference" || !task)
    throw new AppError("VALIDATION", "Nhiệm vụ này không phải tổ chức hội nghị; hãy chọn nhiệm vụ có sản phẩm là hội nghị.");
  const id = await createConference(db, {
    actor: o.actor,
    planId: task.planId,
    input: { title: o.title, level: o.level, durationLabel: o.durationLabel },
  });
  await db.update(conferences).set({ perUnitTaskId: task.id }).where(eq(conferences.id, id));
  return id;
}
