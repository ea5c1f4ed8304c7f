import { and, asc, eq, lt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { obligations, tasks, units } from "../../db/schema/index";

const parent = alias(units, "parent_unit");

/** The issuing unit's name and its parent's (the two lines of the header). */
export async function issuerNames(db: Db, unitId: string): Promise<{ name: string; parentName: string | null } | undefined> {
  const [row] = await db
    .select({ name: units.name, parentName: parent.name })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(eq(units.id, unitId));
  return row;
}

/** What each unit still owes under the plan at `now`: overdue and still open, or returned and not yet sent again. */
export async function lateObligations(db: Db, planId: string, now: Date) {
  return db
    .select({
      unitName: units.name,
      status: obligations.status,
      dueDate: obligations.dueDate,
      dueTime: obligations.dueTime,
      returnedReason: obligations.returnedReason,
      what: tasks.what,
    })
    .from(obligations)
    .innerJoin(units, eq(units.id, obligations.unitId))
    .innerJoin(tasks, eq(tasks.id, obligations.taskId))
    .where(
      and(
        eq(obligations.planId, planId),
        or(eq(obligations.status, "returned"), and(eq(obligations.status, "open"), lt(obligations.dueAt, now))),
      ),
    )
    .orderBy(asc(obligations.dueAt), asc(tasks.sortOrder));
}
