import { and, asc, desc, eq, gt, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { notificationEmails, notifications, obligations, plans, roleGrants, tasks, units, users } from "../../db/schema/index";

/** What the reminder runner needs about one obligation that may be due a reminder. */
export interface ReminderCandidate {
  obligationId: string;
  unitId: string;
  unitName: string;
  planId: string;
  planNumber: string | null;
  planTitle: string;
  what: string;
  dueDate: string;
  dueTime: string | null;
  dueAt: Date;
  schedule: { beforeDays: number[]; overdueDaily: boolean };
}

/** Still-owed obligations of issued plans due before `horizon`, after `afterId` in id order (keyset pages). */
export async function reminderCandidates(
  db: Db,
  options: { horizon: Date; afterId: string | null; limit: number },
): Promise<ReminderCandidate[]> {
  return db
    .select({
      obligationId: obligations.id,
      unitId: obligations.unitId,
      unitName: units.name,
      planId: plans.id,
      planNumber: plans.number,
      planTitle: plans.title,
      what: tasks.what,
      dueDate: obligations.dueDate,
      dueTime: obligations.dueTime,
      dueAt: obligations.dueAt,
      schedule: plans.reminderSchedule,
    })
    .from(obligations)
    .innerJoin(plans, eq(plans.id, obligations.planId))
    .innerJoin(tasks, eq(tasks.id, obligations.taskId))
    .innerJoin(units, eq(units.id, obligations.unitId))
    .where(
      and(
        eq(plans.status, "issued"),
        inArray(obligations.status, ["open", "returned"]),
        lte(obligations.dueAt, options.horizon),
        options.afterId ? gt(obligations.id, options.afterId) : undefined,
      ),
    )
    .orderBy(asc(obligations.id))
    .limit(options.limit);
}

/** The active users holding member or manager on each unit, with their reminder e-mail if any. */
export async function unitRecipients(db: Db, unitIds: string[]): Promise<Array<{ unitId: string; userId: string; email: string | null }>> {
  if (unitIds.length === 0) return [];
  return db
    .selectDistinct({ unitId: roleGrants.unitId, userId: users.id, email: notificationEmails.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .leftJoin(notificationEmails, eq(notificationEmails.userId, users.id))
    .where(and(inArray(roleGrants.unitId, unitIds), inArray(roleGrants.role, ["member", "manager"]), eq(users.active, true)));
}

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
