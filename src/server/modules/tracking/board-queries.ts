import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { BoardFilter } from "../../../contracts/tracking";
import type { Db } from "../../db/client";
import { obligations, units } from "../../db/schema/index";
import { countColumns, done, emptyCounts, overdueAt, owed, type RawCounts } from "../obligations/counts";
import type { BoardStatusFilter } from "./counts";
import { type UnitFilter, type UnitRef, unitColumns, unitConditions } from "./queries";

/**
 * The board's SQL. The national board has 3,321 rows; to keep PGlite fast only what a step needs crosses
 * from the database: the order (unit, name, sort value) for every kept unit, the full counts for one page,
 * and the totals with the per-day series in one grouped query.
 */

const statusHaving: Record<BoardStatusFilter, (now: Date) => SQL> = {
  pending: () => sql`count(*) filter (where ${owed}) > 0`,
  submitted: () => sql`count(*) filter (where ${done}) > 0`,
  onTime: () => sql`count(*) filter (where ${done} and not ${obligations.lateSubmission}) > 0`,
  late: () => sql`bool_or(${obligations.lateSubmission})`,
  overdue: (now) => sql`count(*) filter (where ${overdueAt(now)}) > 0`,
  returned: () => sql`count(*) filter (where ${obligations.status} = 'returned') > 0`,
  accepted: () => sql`count(*) filter (where ${obligations.status} = 'accepted') > 0`,
  complete: () => sql`count(*) filter (where ${owed}) = 0`,
};

type NumericSort = Exclude<NonNullable<BoardFilter["sort"]>, "name">;
const epochMs = (expr: SQL) => sql`(extract(epoch from ${expr}) * 1000)::float8`;
const sortExpression: Record<NumericSort, (now: Date) => SQL> = {
  expected: () => sql`count(*)`,
  submitted: () => sql`count(*) filter (where ${done})`,
  completeness: () => sql`(count(*) filter (where ${done}))::float8 / count(*)`,
  onTimeRate: () => sql`(count(*) filter (where ${done} and not ${obligations.lateSubmission}))::float8 / count(*)`,
  late: () => sql`count(*) filter (where ${obligations.lateSubmission})`,
  overdue: (now) => sql`count(*) filter (where ${overdueAt(now)})`,
  returned: () => sql`count(*) filter (where ${obligations.status} = 'returned')`,
  accepted: () => sql`count(*) filter (where ${obligations.status} = 'accepted')`,
  nextDueAt: () => epochMs(sql`min(${obligations.dueAt}) filter (where ${owed})`),
  lastSubmittedAt: () => epochMs(sql`max(${obligations.submittedAt})`),
};

export interface BoardQueryOptions {
  planId: string;
  now: Date;
  filter: UnitFilter;
  status?: BoardStatusFilter;
}

/** Units of the plan the filters keep, as (unit, name, sort value): per-unit aggregation first, then the names. */
export async function unitOrder(
  db: Db,
  { planId, now, filter, status, sort }: BoardQueryOptions & { sort: NonNullable<BoardFilter["sort"]> },
): Promise<Array<{ unitId: string; name: string; value: number | null }>> {
  const kept = status ? statusHaving[status](now) : undefined;
  if (sort === "name") {
    // Sorting by name needs no value: only the names cross, and JS orders them the Vietnamese way.
    const perUnit = db
      .select({ unitId: obligations.unitId })
      .from(obligations)
      .where(eq(obligations.planId, planId))
      .groupBy(obligations.unitId)
      .having(kept)
      .as("per_unit");
    const rows = await db
      .select({ unitId: perUnit.unitId, name: units.name })
      .from(perUnit)
      .innerJoin(units, eq(units.id, perUnit.unitId))
      .where(and(...unitConditions(filter)));
    return rows.map((r) => ({ ...r, value: null }));
  }
  const value = sql<number | null>`${sortExpression[sort](now)}`.mapWith(Number).as("value");
  const perUnit = db
    .select({ unitId: obligations.unitId, value })
    .from(obligations)
    .where(eq(obligations.planId, planId))
    .groupBy(obligations.unitId)
    .having(kept)
    .as("per_unit");
  return db
    .select({ unitId: perUnit.unitId, name: units.name, value: perUnit.value })
    .from(perUnit)
    .innerJoin(units, eq(units.id, perUnit.unitId))
    .where(and(...unitConditions(filter)));
}

export interface UnitCountsRow extends RawCounts {
  unit: UnitRef;
  nextDueAt: Date | null;
  lastSubmittedAt: Date | null;
}

/**
 * Full counts per unit at `now`: of the listed units (one page), or of every unit the filters keep (the export).
 * Obligations fold per unit first; only then are the few hundred units joined, by their key.
 */
export async function countsByUnit(
  db: Db,
  { planId, now, filter, status, unitIds }: BoardQueryOptions & { unitIds?: string[] },
): Promise<UnitCountsRow[]> {
  if (unitIds?.length === 0) return [];
  const columns = {
    ...countColumns(now),
    nextDueAt: sql<Date | null>`min(${obligations.dueAt}) filter (where ${owed})`.mapWith(obligations.dueAt),
    lastSubmittedAt: sql<Date | null>`max(${obligations.submittedAt})`.mapWith(obligations.submittedAt),
  };
  const aliased = Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, v.as(k)])) as {
    [K in keyof typeof columns]: SQL.Aliased<(typeof columns)[K]["_"]["type"]>;
  };
  const grouped = db
    .select({ unitId: obligations.unitId, ...aliased })
    .from(obligations)
    .where(and(eq(obligations.planId, planId), unitIds ? inArray(obligations.unitId, unitIds) : undefined))
    .groupBy(obligations.unitId);
  const perUnit = (status ? grouped.having(statusHaving[status](now)) : grouped).as("per_unit");
  return (
    db
      .select({
        unit: unitColumns,
        expected: perUnit.expected,
        open: perUnit.open,
        awaiting: perUnit.awaiting,
        submitted: perUnit.submitted,
        onTime: perUnit.onTime,
        late: perUnit.late,
        overdue: perUnit.overdue,
        returned: perUnit.returned,
        accepted: perUnit.accepted,
        nextDueAt: perUnit.nextDueAt,
        lastSubmittedAt: perUnit.lastSubmittedAt,
      })
      .from(perUnit)
      .innerJoin(units, eq(units.id, perUnit.unitId))
      // Naming the page's units on `units` too lets the planner fetch them by key instead of scanning all 13,000.
      .where(and(unitIds ? inArray(units.id, unitIds) : undefined, ...unitConditions(filter)))
  );
}

export interface BoardSummary {
  totals: RawCounts;
  days: Array<{ date: string; submitted: number; late: number }>;
}

/**
 * The totals of every kept unit and the obligations delivered per Vietnam day (by their latest submission),
 * in one pass with GROUPING SETS. Units are joined only when a filter needs them.
 */
export async function boardSummary(db: Db, { planId, now, filter, status }: BoardQueryOptions): Promise<BoardSummary> {
  const conditions = unitConditions(filter).filter((c): c is SQL => c !== undefined);
  // Vietnam is UTC+7 all year: shifting the UTC wall clock is exact and needs no time-zone data.
  const day = sql`case when ${done} then to_char((${obligations.submittedAt} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD') end`;
  const keptUnits = status
    ? db
        .select({ unitId: obligations.unitId })
        .from(obligations)
        .where(eq(obligations.planId, planId))
        .groupBy(obligations.unitId)
        .having(statusHaving[status](now))
    : undefined;
  const base = db
    .select({ total: sql<number>`grouping(${day})`.mapWith(Number), date: sql<string | null>`${day}`, ...countColumns(now) })
    .from(obligations);
  const joined = conditions.length > 0 ? base.innerJoin(units, eq(units.id, obligations.unitId)) : base;
  const rows = await joined
    .where(and(eq(obligations.planId, planId), keptUnits ? inArray(obligations.unitId, keptUnits) : undefined, ...conditions))
    .groupBy(sql`grouping sets ((), (${day}))`);
  const total = rows.find((r) => r.total === 1);
  const { total: _flag, date: _date, ...totals } = total ?? { total: 1, date: null, ...emptyCounts() };
  const days = rows
    .filter((r) => r.total === 0 && r.date !== null)
    .map((r) => ({ date: r.date as string, submitted: r.submitted, late: r.late }))
    .sort((a, b) => a.date.localeCompare(b.date));
  return { totals, days };
}
