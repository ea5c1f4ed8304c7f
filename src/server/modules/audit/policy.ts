import { type Actor, isAdmin } from "../../platform/access";

/** The audit log shows every unit's changes and every sign-in address, so only admins read it. */
export const canReadAudit = (actor: Actor): boolean => isAdmin(actor);

export const messages = {
  read: "Chỉ quản trị viên mới xem được nhật ký thao tác.",
} as const;
