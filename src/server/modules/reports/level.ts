import type { Db } from "../../db/client";
import { type Actor, canManage, canRead } from "../../platform/access";
import { forbidden, notFound } from "../../platform/errors";
import { findUnit } from "../organisations/queries";
import type { UnitRef } from "../organisations/views";
import { findTaskRef, type TaskRef } from "../plans/views";
import { authorizeTrackedUnit, authorizeTracking } from "../tracking/service";
import { type FormRow, findFormOfTask, formMissing } from "./queries";

/**
 * A compiling level: a unit above the obligated units of a report task, read as the totals are (the tracking
 * board's scope: an unknown unit is a 404, one whose subtree holds none of the actor's units a 403), and in
 * addition one the actor reads itself: a commune never opens its district's or another commune's compiled view.
 */
export interface Level {
  task: TaskRef;
  form: FormRow;
  unit: Pick<UnitRef, "id" | "name" | "path">;
  /** Managers of the compiling unit draft, pick, edit and mark final. */
  canEdit: boolean;
}

export async function resolveLevel(db: Db, actor: Actor, taskId: string, unitId?: string): Promise<Level> {
  const level = await resolveLevelOf(db, actor, taskId, unitId);
  if (!level.form) throw notFound(formMissing);
  return level as Level;
}

/** The level even when the task has no form yet (the compiled view then says so, rather than a 404). */
export async function resolveLevelOf(
  db: Db,
  actor: Actor,
  taskId: string,
  unitId?: string,
): Promise<Omit<Level, "form"> & { form: FormRow | undefined }> {
  const task = await findTaskRef(db, taskId);
  if (!task) throw notFound("Không tìm thấy nhiệm vụ. Có thể nhiệm vụ đã bị xoá hoặc đường dẫn sai.");
  const { plan, scope } = await authorizeTracking(db, actor, task.planId);
  const form = await findFormOfTask(db, task.id);
  const missing = "Không tìm thấy đơn vị tổng hợp. Hãy quay lại cấp trên rồi chọn lại.";
  const unit = unitId ? await authorizeTrackedUnit(db, plan, scope, unitId, missing) : await findUnit(db, plan.issuerUnitId);
  if (!unit) throw notFound(missing);
  if (!canRead(actor, unit.path))
    throw forbidden("Chỉ cán bộ của đơn vị tổng hợp (cấp trên) mới xem được bản tổng hợp báo cáo của các đơn vị cấp dưới.");
  return { task, form, unit: { id: unit.id, name: unit.name, path: unit.path }, canEdit: canManage(actor, unit.path) };
}

export function assertCompiler(level: Level): void {
  if (!level.canEdit) throw forbidden("Chỉ lãnh đạo/quản lý của đơn vị tổng hợp mới được soạn, sửa và chốt báo cáo tổng hợp.");
}
