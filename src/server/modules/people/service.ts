import { and, eq, sql } from "drizzle-orm";
import type { CreateUserRequest, GrantRequest, UpdateUserRequest } from "../../../contracts/people";
import { matches, sortVi } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { roleGrants, users } from "../../db/schema/index";
import { type Actor, assertCan, canRead, type Role } from "../../platform/access";
import { type AuditEntry, recordAudit } from "../../platform/audit";
import { destroyUserSessions } from "../../platform/auth";
import { AppError, duplicate, invalidState, notFound, versionConflict } from "../../platform/errors";
import { hashPassword } from "../../platform/passwords";
import { canChangeUser, canGrant, canPlaceUserIn, canViewUser, messages } from "./policy";
import { auditSnapshot } from "./presenter";
import { findUnit, findUserByUsername, findUserRecord, listUserRecords, type UnitRef, type UserRecord } from "./queries";

/** Who appears in the audit log for a change: a signed-in actor, or null for the command line. */
export type ChangedBy = AuditEntry["actor"];

export interface ListUsersOptions {
  actor: Actor;
  unitId?: string;
  q?: string;
  includeInactive?: boolean;
}

/** Users the actor may read, optionally under one unit, matching `q` on username or full name with or without diacritics. */
export async function listUsers(db: Db, { actor, unitId, q, includeInactive = false }: ListUsersOptions): Promise<UserRecord[]> {
  let underPath: string | undefined;
  if (unitId) {
    const unit = await findUnit(db, unitId);
    if (!unit) throw notFound("Không tìm thấy đơn vị đã chọn. Hãy tải lại danh sách đơn vị.");
    assertCan(canRead(actor, unit.path), messages.viewUser);
    underPath = unit.path;
  }
  const records = await listUserRecords(db, { actor, underPath, includeInactive });
  // Diacritic-insensitive matching needs the Vietnamese text rules, which live in code, not in SQL.
  const found = q ? records.filter((r) => matches(`${r.user.username} ${r.user.fullName}`, q)) : records;
  return sortVi(found, (r) => `${r.user.fullName} ${r.user.username}`);
}

/** One user the actor may read (403 outside its subtrees, 404 when unknown). */
export async function getUser(db: Db, { actor, userId }: { actor: Actor; userId: string }): Promise<UserRecord> {
  const record = await loadUser(db, userId);
  assertCan(canViewUser(actor, record), messages.viewUser);
  return record;
}

export async function loadUser(db: Db, userId: string): Promise<UserRecord> {
  const record = await findUserRecord(db, userId);
  if (!record) throw notFound("Không tìm thấy người dùng. Có thể tài khoản đã bị xoá; hãy tải lại danh sách.");
  return record;
}

/** A unit a user can belong to or be granted on: it must exist and not be archived. */
export async function activeUnit(db: Db, unitId: string): Promise<UnitRef> {
  const unit = await findUnit(db, unitId);
  if (!unit || unit.archived) {
    throw new AppError("VALIDATION", "Đơn vị đã chọn không tồn tại hoặc đã ngừng hoạt động. Hãy chọn đơn vị khác.");
  }
  return unit;
}

/** Creates a user in a unit the actor manages, with grants the actor may give. */
export async function createUser(db: Db, { actor, input }: { actor: Actor; input: CreateUserRequest }): Promise<UserRecord> {
  const unit = await activeUnit(db, input.unitId);
  assertCan(canPlaceUserIn(actor, unit.path), messages.placeUser);
  for (const g of input.grants ?? []) {
    const grantUnit = await activeUnit(db, g.unitId);
    assertCan(canGrant(actor, g.role, grantUnit.path), g.role === "admin" ? messages.grantAdmin : messages.grantOutside);
  }
  return provisionUser(db, { by: actor, ...input });
}

export interface ProvisionUserOptions {
  by: ChangedBy;
  username: string;
  fullName: string;
  unitId: string;
  password: string;
  grants?: GrantRequest[];
}

/**
 * Inserts a user and its grants in one transaction and audits it. No permission check: callers
 * (the API after its policy, the command line run by the operator) decide who may.
 */
export async function provisionUser(db: Db, options: ProvisionUserOptions): Promise<UserRecord> {
  const username = options.username.trim().toLowerCase();
  await activeUnit(db, options.unitId);
  for (const g of options.grants ?? []) await activeUnit(db, g.unitId);
  await assertUsernameFree(db, username);
  const passwordHash = await hashPassword(options.password);
  const grants = dedupeGrants(options.grants ?? []);
  const userId = await db
    .transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ username, fullName: options.fullName.trim(), unitId: options.unitId, passwordHash })
        .returning({ id: users.id });
      if (grants.length > 0) await tx.insert(roleGrants).values(grants.map((g) => ({ userId: user.id, unitId: g.unitId, role: g.role })));
      const created = await loadUser(tx, user.id);
      await recordAudit(tx, {
        actor: options.by,
        action: "user.create",
        entityType: "user",
        entityId: user.id,
        after: auditSnapshot(created),
      });
      return user.id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw usernameTaken(username);
      throw error;
    });
  return loadUser(db, userId);
}

async function assertUsernameFree(db: Db, username: string): Promise<void> {
  if (await findUserByUsername(db, username)) throw usernameTaken(username);
}

const usernameTaken = (username: string) =>
  duplicate(`Tên đăng nhập "${username}" đã có người dùng. Hãy chọn tên khác (ví dụ thêm tên đơn vị hoặc số).`);

function dedupeGrants(grants: GrantRequest[]): Array<{ unitId: string; role: Role }> {
  const seen = new Map(grants.map((g) => [`${g.unitId}|${g.role}`, g]));
  return [...seen.values()];
}

/** True for PostgreSQL's unique_violation, whether or not the driver wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export interface UpdateUserOptions {
  actor: Actor;
  userId: string;
  changes: UpdateUserRequest;
}

/** Renames, moves, deactivates or reactivates a user; a stale version is refused, deactivation ends its sessions. */
export async function updateUser(db: Db, { actor, userId, changes }: UpdateUserOptions): Promise<UserRecord> {
  const before = await loadUser(db, userId);
  assertCan(canChangeUser(actor, before), messages.changeUser);
  if (changes.unitId !== undefined && changes.unitId !== before.user.unitId) {
    const target = await activeUnit(db, changes.unitId);
    assertCan(canPlaceUserIn(actor, target.path), messages.placeUser);
  }
  if (changes.active === false && userId === actor.userId) {
    throw invalidState("Bạn không thể tự khoá tài khoản của chính mình. Hãy nhờ một quản trị viên khác.");
  }
  const set = {
    ...(changes.fullName !== undefined ? { fullName: changes.fullName } : {}),
    ...(changes.unitId !== undefined ? { unitId: changes.unitId } : {}),
    ...(changes.active !== undefined ? { active: changes.active } : {}),
  };
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ ...set, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, userId), eq(users.version, changes.version)))
      .returning({ id: users.id });
    if (updated.length === 0) throw versionConflict("Thông tin người dùng");
    if (changes.active === false) await destroyUserSessions(tx, userId);
    const after = await loadUser(tx, userId);
    await recordAudit(tx, {
      actor,
      action: "user.update",
      entityType: "user",
      entityId: userId,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
  });
  return loadUser(db, userId);
}

/** A manager or admin sets a new password for a user; all of that user's sessions end. */
export async function setUserPassword(
  db: Db,
  { actor, userId, newPassword }: { actor: Actor; userId: string; newPassword: string },
): Promise<void> {
  const record = await loadUser(db, userId);
  assertCan(canChangeUser(actor, record), messages.changeUser);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const changedAt = new Date();
    await tx.update(users).set({ passwordHash, passwordChangedAt: changedAt, updatedAt: changedAt }).where(eq(users.id, userId));
    await destroyUserSessions(tx, userId);
    await recordAudit(tx, {
      actor,
      action: "user.password_set",
      entityType: "user",
      entityId: userId,
      before: { passwordChangedAt: record.user.passwordChangedAt.toISOString() },
      after: { passwordChangedAt: changedAt.toISOString() },
    });
  });
}
