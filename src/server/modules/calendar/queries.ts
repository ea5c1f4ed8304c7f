import { and, asc, eq, exists, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { calendarTokens, obligations, plans, tasks, units } from "../../db/schema/index";

export async function findUnit(db: Db, id: string) {
  const [row] = await db.select({ id: units.id, name: units.name, path: units.path }).from(units).where(eq(units.id, id));
  return row;
}

/** The unit behind an active (not revoked) token hash, or undefined. */
export async function unitOfToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ id: units.id, name: units.name })
    .from(calendarTokens)
    .innerJoin(units, eq(units.id, calendarTokens.unitId))
    .where(and(eq(calendarTokens.tokenHash, tokenHash), isNull(calendarTokens.revokedAt)));
  return row;
}

/** The unit's obligations under issued plans, by deadline. */
export async function unitDeadlines(db: Db, unitId: string) {
  return db
    .select({
      id: obligations.id,
      status: obligations.status,
      dueDate: obligations.dueDate,
      dueTime: obligations.dueTime,
      updatedAt: obligations.updatedAt,
      what: tasks.what,
      planNumber: plans.number,
      planTitle: plans.title,
    })
    .from(obligations)
    .innerJoin(tasks, eq(tasks.id, obligations.taskId))
    .innerJoin(plans, eq(plans.id, obligations.planId))
    .where(and(eq(obligations.unitId, unitId), inArray(plans.status, ["issued"])))
    .orderBy(asc(obligations.dueAt));
}

/** Issued plans the unit issued or owes something under, with their conferences. */
export async function unitPlansWithConferences(db: Db, unitId: string) {
  const owes = db
    .select({ one: obligations.id })
    .from(obligations)
    .where(and(eq(obligations.planId, plans.id), eq(obligations.unitId, unitId)));
  return db
    .select({ id: plans.id, number: plans.number, title: plans.title, conferences: plans.conferences, updatedAt: plans.updatedAt })
    .from(plans)
    .where(and(eq(plans.status, "issued"), or(eq(plans.issuerUnitId, unitId), exists(owes))));
}
