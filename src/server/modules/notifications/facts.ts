import { and, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { notificationEmails, obligations, plans, roleGrants, tasks, units, users } from "../../db/schema/index";

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
    .selectDistinct({ unitId: roleGrants.unitId, userId: users.id, email: notificationEmails.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .leftJoin(notificationEmails, eq(notificationEmails.userId, users.id))
    .where(and(inArray(roleGrants.unitId, unitIds), inArray(roleGrants.role, ["member", "manager"]), eq(users.active, true)));
}

/**
 * The plan's managers: the active managers granted on the issuing unit itself, and the plan's author while
 * active. Managers higher up the tree could review too, but telling every city-level manager of every
 * commune's submission would bury the bell; they see it on the board.
 */
export async function planManagers(tx: Db, issuerUnitId: string, createdBy: string | null): Promise<Recipient[]> {
  const managers = await tx
    .selectDistinct({ userId: users.id, email: notificationEmails.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .leftJoin(notificationEmails, eq(notificationEmails.userId, users.id))
    .where(and(eq(roleGrants.unitId, issuerUnitId), eq(roleGrants.role, "manager"), eq(users.active, true)));
  const out = managers.map((m) => ({ ...m, unitId: issuerUnitId }));
  if (createdBy && !out.some((m) => m.userId === createdBy)) {
    const [author] = await tx
      .select({ userId: users.id, email: notificationEmails.email })
      .from(users)
      .leftJoin(notificationEmails, eq(notificationEmails.userId, users.id))
      .where(and(eq(users.id, createdBy), eq(users.active, true)));
    if (author) out.push({ ...author, unitId: issuerUnitId });
  }
  return out;
}

export const byObligationIds = (ids: string[]) => inArray(obligations.id, ids);
export const byPlan = (planId: string, taskId?: string) =>
  and(eq(obligations.planId, planId), taskId ? eq(obligations.taskId, taskId) : undefined) as SQL;
export const byTask = (taskId: string) => eq(obligations.taskId, taskId);
