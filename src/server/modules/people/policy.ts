import { type Actor, canManage, canRead, isAdmin, type Role } from "../../platform/access";
import type { UserRecord } from "./queries";

/** Anyone with a role on the user's unit or above may see the user. */
export function canViewUser(actor: Actor, record: UserRecord): boolean {
  return canRead(actor, record.unit.path);
}

/**
 * A manager changes a user only when it manages the user's unit and every grant the user holds:
 * otherwise a commune manager could reset the password of a city manager (or an admin) who happens
 * to sit in its commune, and take over their wider rights. Admin grants are the admin's alone.
 */
export function canChangeUser(actor: Actor, record: UserRecord): boolean {
  if (isAdmin(actor)) return true;
  if (!canManage(actor, record.unit.path)) return false;
  return record.grants.every((g) => g.role !== "admin" && canManage(actor, g.unitPath));
}

/** A new user (or a user moved) must land in a unit the actor manages. */
export function canPlaceUserIn(actor: Actor, unitPath: string): boolean {
  return canManage(actor, unitPath);
}

/** Only an admin grants `admin`; a manager grants the other roles on units of its subtree. */
export function canGrant(actor: Actor, role: Role, unitPath: string): boolean {
  if (role === "admin") return isAdmin(actor);
  return canManage(actor, unitPath);
}

export const messages = {
  viewUser: "Bạn chỉ xem được người dùng thuộc đơn vị mình được phân quyền.",
  changeUser: "Bạn chỉ quản lý được người dùng thuộc đơn vị (và đơn vị cấp dưới) mà bạn được giao quyền quản lý.",
  placeUser: "Bạn chỉ tạo hoặc chuyển người dùng vào đơn vị thuộc phạm vi bạn quản lý. Hãy chọn đơn vị khác.",
  grantAdmin: "Chỉ quản trị viên mới cấp hoặc thu hồi được quyền quản trị (admin).",
  grantOutside: "Bạn chỉ cấp hoặc thu hồi quyền trên đơn vị thuộc phạm vi bạn quản lý.",
} as const;
