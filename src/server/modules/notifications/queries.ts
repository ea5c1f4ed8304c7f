import { and, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { notificationEmails, notifications } from "../../db/schema/index";
import { activeGrantView, userView } from "../people/views";

// Grants and users come through the views people exports; obligations through obligations/facts.ts.
const grant = activeGrantView("grant");
const user = userView("recipient");

/** Notifications addressed to the user, or to a unit the user acts for (`unitIds`), newest first. */
export function mineCondition(userId: string, unitIds: string[]): SQL {
  const toUser = eq(notifications.userId, userId);
  if (unitIds.length === 0) return toUser;
  return or(toUser, and(isNull(notifications.userId), inArray(notifications.unitId, unitIds))) as SQL;
}

export async function listNotifications(db: Db, where: SQL, options: { unreadOnly: boolean; limit: number }) {
  return db
    .select()
    .from(notifications)
    .where(options.unreadOnly ? and(where, isNull(notifications.readAt)) : where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
}

export async function countUnread(db: Db, where: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(where, isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export interface Recipient {
  userId: string;
  email: string | null;
  /** The unit on whose behalf the user hears (a unit's members and managers), or the plan's issuer. */
  unitId: string;
}

/** The active users holding member or manager directly on each unit: the ones who must act for it. */
export async function unitPeople(tx: Db, unitIds: string[]): Promise<Recipient[]> {
  if (unitIds.length === 0) return [];
  return tx
    .selectDistinct({ unitId: grant.unitId, userId: grant.userId, email: notificationEmails.email })
    .from(grant)
    .leftJoin(notificationEmails, eq(notificationEmails.userId, grant.userId))
    .where(and(inArray(grant.unitId, unitIds), inArray(grant.role, ["member", "manager"])));
}

/**
 * The plan's managers: the active managers granted on the issuing unit itself, and the plan's author while
 * active. Managers higher up the tree could review too, but telling every city-level manager of every
 * commune's submission would bury the bell; they see it on the board.
 */
export async function planManagers(tx: Db, issuerUnitId: string, createdBy: string | null): Promise<Recipient[]> {
  const managers = await tx
    .selectDistinct({ userId: grant.userId, email: notificationEmails.email })
    .from(grant)
    .leftJoin(notificationEmails, eq(notificationEmails.userId, grant.userId))
    .where(and(eq(grant.unitId, issuerUnitId), eq(grant.role, "manager")));
  const out = managers.map((m) => ({ ...m, unitId: issuerUnitId }));
  if (createdBy && !out.some((m) => m.userId === createdBy)) {
    const [author] = await tx
      .select({ userId: user.id, email: notificationEmails.email })
      .from(user)
      .leftJoin(notificationEmails, eq(notificationEmails.userId, user.id))
      .where(and(eq(user.id, createdBy), eq(user.active, true)));
    if (author) out.push({ ...author, unitId: issuerUnitId });
  }
  return out;
}
