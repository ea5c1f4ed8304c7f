import { type Actor, assertCan, canManage, canRead } from "../../platform/access";
import { invalidState } from "../../platform/errors";

/** Who may do what to plans and tasks; every route of this module asks here. */

interface Placed {
  id: string;
  path: string;
  name?: string;
}

/** Readable when the issuer is in a readable subtree, or when the plan gives the actor's units obligations. */
export function canReadPlan(actor: Actor, issuerPath: string, tasksActorUnits: boolean): boolean {
  return canRead(actor, issuerPath) || tasksActorUnits;
}

/** Writing, issuing, amending and closing a plan: manager of the issuing unit (or above). */
export function assertCanManagePlan(actor: Actor, issuerPath: string): void {
  assertCan(canManage(actor, issuerPath), "Bạn chỉ được soạn, sửa và ban hành kế hoạch của đơn vị mình quản lý.");
}

/** Every unit a task targets must lie in the actor's managed subtree; one outside it refuses the whole task. */
export function assertCanAssignTo(actor: Actor, targets: Placed[]): void {
  const outside = targets.filter((u) => !canManage(actor, u.path));
  if (outside.length === 0) return;
  const names = outside
    .slice(0, 5)
    .map((u) => u.name ?? u.id)
    .join(", ");
  assertCan(
    false,
    `Bạn không quản lý ${outside.length} đơn vị được giao (${names}${outside.length > 5 ? ", …" : ""}) nên không thể giao nhiệm vụ cho họ.`,
  );
}

export function assertDraft(status: string): void {
  if (status !== "draft")
    throw invalidState("Kế hoạch đã ban hành nên không sửa trực tiếp được. Hãy dùng chức năng điều chỉnh (kèm lý do) để thay đổi.");
}

export function assertIssued(status: string, what: string): void {
  if (status !== "issued") throw invalidState(`Chỉ ${what} được kế hoạch đang ở trạng thái đã ban hành.`);
}
