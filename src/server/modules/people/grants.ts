import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { roleGrants } from "../../db/schema/index";
import { type Actor, assertCan, type Role } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { duplicate, invalidState, notFound } from "../../platform/errors";
import { canChangeUser, canGrant, messages } from "./policy";
import { auditSnapshot } from "./presenter";
import type { UserRecord } from "./queries";
import { activeUnit, isUniqueViolation, loadUser } from "./service";

export interface AddGrantOptions {
  actor: Actor;
  userId: string;
  unitId: string;
  role: Role;
}

/** Grants a role on a unit (and so its subtree) to a user the actor manages. */
export async function addGrant(db: Db, { actor, userId, unitId, role }: AddGrantOptions): Promise<UserRecord> {
  const before = await loadUser(db, userId);
  assertCan(canChangeUser(actor, before), messages.changeUser);
  const unit = await activeUnit(db, unitId);
  assertCan(canGrant(actor, role, unit.path), role === "admin" ? messages.grantAdmin : messages.grantOutside);
  if (before.grants.some((g) => g.unitId === unitId && g.role === role)) throw alreadyGranted();
  await db
    .transaction(async (tx) => {
      await tx.insert(roleGrants).values({ userId, unitId, role });
      const after = await loadUser(tx, userId);
      await recordAudit(tx, {
        actor,
        action: "user.grant_add",
        entityType: "user",
        entityId: userId,
        before: auditSnapshot(before),
        after: auditSnapshot(after),
      });
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw alreadyGranted();
      throw error;
    });
  return loadUser(db, userId);
}

const alreadyGranted = () => duplicate("Người dùng đã có vai trò này trên đơn vị này.");

export interface RemoveGrantOptions {
  actor: Actor;
  userId: string;
  grantId: string;
}

/** Revokes one grant; nobody removes their own last admin grant, so the system never loses its last way in by accident. */
export async function removeGrant(db: Db, { actor, userId, grantId }: RemoveGrantOptions): Promise<UserRecord> {
  const before = await loadUser(db, userId);
  const grant = before.grants.find((g) => g.id === grantId);
  if (!grant) throw notFound("Không tìm thấy quyền này của người dùng. Có thể quyền đã bị thu hồi; hãy tải lại.");
  assertCan(canChangeUser(actor, before), messages.changeUser);
  assertCan(canGrant(actor, grant.role, grant.unitPath), grant.role === "admin" ? messages.grantAdmin : messages.grantOutside);
  if (grant.role === "admin" && userId === actor.userId) {
    // Admin grants on archived units grant nothing (see loadGrants), so they do not count as a way back in.
    const others = actor.grants.filter((g) => g.role === "admin" && g.unitId !== grant.unitId);
    if (others.length === 0) {
      throw invalidState("Bạn không thể thu hồi quyền quản trị cuối cùng của chính mình. Hãy nhờ một quản trị viên khác nếu thật sự cần.");
    }
  }
  await db.transaction(async (tx) => {
    await tx.delete(roleGrants).where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId)));
    const after = await loadUser(tx, userId);
    await recordAudit(tx, {
      actor,
      action: "user.grant_remove",
      entityType: "user",
      entityId: userId,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
  });
  return loadUser(db, userId);
}
