import { type Actor, assertCan, canManage, canRead } from "../../platform/access";
import { AppError, invalidState } from "../../platform/errors";
import type { TaskRef } from "../plans/views";

/** Who may do what to report forms and unit reports; every route of this module asks here. */

/** Forms are made and edited by the managers of the plan's issuing unit (or above). */
export function canEditForm(actor: Actor, task: TaskRef): boolean {
  return canManage(actor, task.plan.issuerPath);
}

export function assertCanEditForm(actor: Actor, task: TaskRef): void {
  assertCan(canEditForm(actor, task), "Chỉ lãnh đạo/quản lý đơn vị ban hành kế hoạch mới được lập và sửa đề cương, biểu mẫu báo cáo.");
}

/** Readers of the issuing unit read the form; so do the units the plan tasks (checked by the caller). */
export const readsIssuer = (actor: Actor, task: TaskRef) => canRead(actor, task.plan.issuerPath);

export function assertReportTask(task: TaskRef): void {
  if (task.deliverable !== "report")
    throw invalidState(
      "Chỉ nhiệm vụ có sản phẩm là báo cáo mới có đề cương, biểu mẫu báo cáo. Hãy đổi sản phẩm của nhiệm vụ thành «Báo cáo».",
    );
}

/** A unit's report is written while its obligation is owed or awaiting review, never once accepted or the plan closed. */
export function assertReportEditable(o: { status: string; planStatus: string }, what = "số liệu"): void {
  if (o.status === "accepted")
    throw invalidState(`Báo cáo đã được cấp trên tiếp nhận nên không sửa được ${what}. Nếu cần sửa, hãy đề nghị cấp trên trả lại.`);
  if (o.planStatus !== "issued") throw invalidState(`Kế hoạch không còn ở trạng thái đã ban hành nên không sửa được ${what} báo cáo.`);
}

export const invalid = (message: string, details?: unknown) => new AppError("VALIDATION", message, details);
