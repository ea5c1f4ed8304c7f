/**
 * Roles granted on one conference: organisers grant `organiser` or `door` to any active user (found through the
 * people module's `userView`), list and revoke them; each change is audited in its transaction.
 */
import { and, asc, eq } from "drizzle-orm";
import type { ConferenceRoleGrant, ConferenceRoleList, GrantConferenceRoleRequest } from "../../../contracts/conference-roles";
import type { ConferenceRole } from "../../../contracts/conferences";
import type { Db } from "../../db/client";
import { conferenceRoleGrants } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { AppError, duplicate, notFound } from "../../platform/errors";
import { userView } from "../people/views";
import { assertOrganiser, conferenceAccess } from "./policy";

interface Ctx {
  actor: Actor;
  conferenceId: string;
}

const present = (r: { userId: string; fullName: string; role: ConferenceRole; grantedAt: Date }): ConferenceRoleGrant => ({
  userId: r.userId,
  fullName: r.fullName,
  role: r.role,
  grantedAt: r.grantedAt.toISOString(),
});

export async function listConferenceRoles(db: Db, { actor, conferenceId }: Ctx): Promise<ConferenceRoleList> {
  assertOrganiser(await conferenceAccess(db, actor, conferenceId));
  const u = userView("u");
  const rows = await db
    .select({
      userId: conferenceRoleGrants.userId,
      fullName: u.fullName,
      role: conferenceRoleGrants.role,
      grantedAt: conferenceRoleGrants.grantedAt,
    })
    .from(conferenceRoleGrants)
    .innerJoin(u, eq(u.id, conferenceRoleGrants.userId))
    .where(eq(conferenceRoleGrants.conferenceId, conferenceId))
    .orderBy(asc(conferenceRoleGrants.role), asc(u.fullName));
  return { conferenceId, grants: rows.map(present) };
}

export async function grantConferenceRole(db: Db, { actor, conferenceId, input }: Ctx & { input: GrantConferenceRoleRequest }) {
  assertOrganiser(await conferenceAccess(db, actor, conferenceId));
  const u = userView("u");
  const [user] = await db.select().from(u).where(eq(u.id, input.userId));
  if (!user || !user.active)
    throw notFound("Không tìm thấy người dùng này hoặc tài khoản đã bị khóa. Hãy chọn lại người dùng từ danh sách.");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(conferenceRoleGrants)
      .values({ conferenceId, userId: input.userId, role: input.role, grantedBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw duplicate(`${user.fullName} đã có vai trò ${input.role === "door" ? "soát vé ở cửa" : "tổ chức"} trong hội nghị này.`);
    await recordAudit(tx, { actor, action: "conference.role.grant", entityType: "conference", entityId: conferenceId, after: input });
    return present({ ...row, fullName: user.fullName });
  });
}

export async function revokeConferenceRole(db: Db, { actor, conferenceId, userId, role }: Ctx & { userId: string; role: ConferenceRole }) {
  assertOrganiser(await conferenceAccess(db, actor, conferenceId));
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(conferenceRoleGrants)
      .where(
        and(
          eq(conferenceRoleGrants.conferenceId, conferenceId),
          eq(conferenceRoleGrants.userId, userId),
          eq(conferenceRoleGrants.role, role),
        ),
      )
      .returning();
    if (removed.length === 0)
      throw new AppError("NOT_FOUND", "Người này không có vai trò đó trong hội nghị (có thể vừa được thu hồi). Hãy tải lại danh sách.");
    await recordAudit(tx, {
      actor,
      action: "conference.role.revoke",
      entityType: "conference",
      entityId: conferenceId,
      before: { userId, role },
    });
  });
}
