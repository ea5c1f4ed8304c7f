import { type Actor, assertCan, canManage, canRead, isAdmin } from "../../platform/access";

/** Who may do what to units and unit groups; every route of this module asks here. */

interface Placed {
  id: string;
  path: string;
}

/** Ids of the units above (and at) the actor's grants: readable so the tree can be drawn down to them. */
export function ancestorIdsOfGrants(actor: Actor): string[] {
  return [...new Set(actor.grants.flatMap((g) => g.unitPath.split("/").filter(Boolean)))];
}

/** A unit is readable inside a granted subtree, or as an ancestor of a granted unit. */
export function canReadUnit(actor: Actor, unit: Placed): boolean {
  return canRead(actor, unit.path) || ancestorIdsOfGrants(actor).includes(unit.id);
}

/** Roots are created by admins only; a child needs manager rights on its parent. */
export function assertCanCreateUnder(actor: Actor, parent: Placed | null): void {
  if (!parent) assertCan(isAdmin(actor), "Chỉ quản trị viên được tạo đơn vị gốc (không có đơn vị cấp trên).");
  else assertCan(canManage(actor, parent.path), "Bạn chỉ được tạo đơn vị trong phạm vi đơn vị mình quản lý.");
}

/** Rename, archive, restore: manager rights on the unit itself. */
export function assertCanChange(actor: Actor, unit: Placed): void {
  assertCan(canManage(actor, unit.path), "Bạn chỉ được thay đổi đơn vị trong phạm vi đơn vị mình quản lý.");
}

/** A move needs manager rights on the unit and on its new parent (a new root: admin). */
export function assertCanMove(actor: Actor, unit: Placed, newParent: Placed | null): void {
  assertCanChange(actor, unit);
  if (!newParent) assertCan(isAdmin(actor), "Chỉ quản trị viên được đưa một đơn vị lên làm đơn vị gốc.");
  else assertCan(canManage(actor, newParent.path), "Bạn không quản lý đơn vị cấp trên mới nên không thể chuyển đơn vị vào đó.");
}

/** City-wide groups (no owner) are admin's; others belong to the managers of their owner unit. */
export function assertCanManageGroup(actor: Actor, owner: Placed | null): void {
  if (!owner) assertCan(isAdmin(actor), "Chỉ quản trị viên được quản lý nhóm đơn vị dùng chung toàn thành phố.");
  else assertCan(canManage(actor, owner.path), "Bạn chỉ được quản lý nhóm đơn vị thuộc đơn vị mình quản lý.");
}

/** Everyone signed in sees city-wide groups; an owned group is seen by whoever reads its owner unit. */
export function canReadGroup(actor: Actor, owner: Placed | null): boolean {
  return !owner || canReadUnit(actor, owner);
}
