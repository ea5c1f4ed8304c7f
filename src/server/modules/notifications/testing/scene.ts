import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { notifications, obligations, reminderDeliveries } from "../../../db/schema/index";
import { makeUnit, makeUser, type UnitRow, type UserRow } from "../../../testing/factories";
import { makePlan, makeTask, obligationRow, type PlanRow, type TaskRow } from "../../tracking/fixtures";

/** A unit with one member and one viewer, an issuing unit with a manager, an issued plan and one task. */
export async function reminderScene(db: Db, due: { date: string; time: string | null }) {
  const issuer = await makeUnit(db);
  const unit = await makeUnit(db, { parent: issuer });
  const manager = await makeUser(db, { unit: issuer, grants: [{ unit: issuer, role: "manager" }] });
  const member = await makeUser(db, { unit, grants: [{ unit, role: "member" }] });
  const viewer = await makeUser(db, { unit, grants: [{ unit, role: "viewer" }] });
  const plan = await makePlan(db, { issuerUnitId: issuer.id, createdBy: manager.id });
  const task = await makeTask(db, { planId: plan.id, dueDate: due.date, dueTime: due.time });
  return { issuer, unit, manager, member, viewer, plan, task };
}

export interface Scene {
  issuer: UnitRow;
  unit: UnitRow;
  manager: UserRow;
  member: UserRow;
  viewer: UserRow;
  plan: PlanRow;
  task: TaskRow;
}

/** Obligations of `task` for `count` fresh units, each with one member. */
export async function manyObligations(db: Db, task: TaskRow, parent: UnitRow, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 200) {
    const units = await Promise.all(Array.from({ length: Math.min(200, count - i) }, () => makeUnit(db, { parent })));
    for (const u of units) await makeUser(db, { unit: u, grants: [{ unit: u, role: "member" }] });
    const rows = await db
      .insert(obligations)
      .values(units.map((u) => obligationRow(task, u.id)))
      .returning({ id: obligations.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Per obligation: how many delivery rows and notifications it has (to prove "exactly once"). */
export async function deliveryCounts(db: Db, obligationIds: string[]) {
  const deliveries = await db
    .select({ id: reminderDeliveries.obligationId, key: reminderDeliveries.key })
    .from(reminderDeliveries)
    .where(inArray(reminderDeliveries.obligationId, obligationIds));
  const notes = await db
    .select({ id: notifications.obligationId, n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(inArray(notifications.obligationId, obligationIds))
    .groupBy(notifications.obligationId);
  return { deliveries, notesPerObligation: new Map(notes.map((r) => [r.id, r.n])) };
}

export async function notificationsOf(db: Db, userId: string) {
  return db.select().from(notifications).where(eq(notifications.userId, userId));
}
