import { and, asc, desc, eq, gt, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { notificationEmails, notifications, obligations, plans, tasks, units } from "../../db/schema/index";
import { activeGrantView, userView } from "../people/views";

// Grants and users come through the views people exports.
const grant = activeGrantView("grant");
const user = userView("recipient");

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

/** What a notification about one obligation says: the unit, the task, the plan and its issuer, by name. */
export interface ObligationFacts {
  obligationId: string;
  unitId: string;
  unitName: string;
  taskId: string;
  what: string;
  dueDate: string;
  dueTime: string | null;
  status: string;
  returnedReason: string | null;
  lateSubmission: boolean;
  planId: string;
  planNumber: string | null;
  planTitle: string;
  planCreatedBy: string | null;
  issuerUnitId: string;
  issuerName: string;
}

const issuer = alias(units, "issuer");

export async function obligationFacts(tx: Db, where: SQL): Promise<ObligationFacts[]> {
  return tx
    .select({
      obligationId: obligations.id,
      unitId: obligations.unitId,
      unitName: units.name,
      taskId: obligations.taskId,
      what: tasks.what,
      dueDate: obligations.dueDate,
      dueTime: obligations.dueTime,
      status: obligations.status,
      returnedReason: obligations.returnedReason,
      lateSubmission: obligations.lateSubmission,
      planId: plans.id,
      planNumber: plans.number,
      planTitle: plans.title,
      planCreatedBy: plans.createdBy,
      issuerUnitId: plans.issuerUnitId,
      issuerName: issuer.name,
    })
    .from(obligations)
    .innerJoin(units, eq(units.id, obligations.unitId))
    .innerJoin(tasks, eq(tasks.id, obligations.taskId))
    .innerJoin(plans, eq(plans.id, obligations.planId))
    .innerJoin(issuer, eq(issuer.id, plans.issuerUnitId))
    .where(where)
    .orderBy(tasks.sortOrder, units.path);
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

export const byObligationIds = (ids: string[]) => inArray(obligations.id, ids);
export const byPlan = (planId: string, taskId?: string) =>
  and(eq(obligations.planId, planId), taskId ? eq(obligations.taskId, taskId) : undefined) as SQL;
export const byTask = (taskId: string) => eq(obligations.taskId, taskId);
