import { type AnyColumn, and, asc, eq, exists, inArray, type SQL, sql } from "drizzle-orm";
import type { BoardFilter, boardStatusFilters } from "../../../contracts/tracking";
import type { Db } from "../../db/client";
import { obligations } from "../../db/schema/index";
import {
  inUnitScope,
  type UnitRef,
  type UnitScope,
  type UnitView,
  underUnitPath,
  unitNameContains,
  unitRefColumns,
  unitView,
} from "../organisations/views";
import { planView, taskView } from "../plans/views";
import { countColumns, done, emptyCounts, n, overdueAt, owed, type RawCounts } from "./counts";

/**
 * The obligation read model: obligations with their plan, task and unit, counted and listed for the board, the
 * roll-up, a row's obligations and "my work". Obligations are folded in the database with the one rule of
 * counts.ts (the national board has 16,605 of them); units, plans and tasks come in through the views their
 * modules export (organisations/views.ts, plans/views.ts), which PostgreSQL plans as plain joins.
 */

const unit = unitView("unit");
const plan = planView("plan");
const task = taskView("task");

export type BoardStatusFilter = (typeof boardStatusFilters)[number];

export interface UnitFilter {
  scope: UnitScope;
  /** Already folded by searchKey (no diacritics, lower case). */
  searchKey?: string;
  tree?: string;
  underPath?: string;
}

function unitConditions(filter: UnitFilter): Array<SQL | undefined> {
  return [
    inUnitScope(unit, filter.scope),
    filter.searchKey ? unitNameContains(unit, filter.searchKey) : undefined,
    filter.tree ? eq(unit.tree, filter.tree) : undefined,
    filter.underPath ? underUnitPath(unit, filter.underPath) : undefined,
  ];
}

/** True when the scope reaches at least one obligation of the plan. */
export async function reachesPlan(db: Db, planId: string, scope: UnitScope): Promise<boolean> {
  const [row] = await db
    .select({ id: obligations.id })
    .from(obligations)
    .innerJoin(unit, eq(unit.id, obligations.unitId))
    .where(and(eq(obligations.planId, planId), inUnitScope(unit, scope)))
    .limit(1);
  return row !== undefined;
}

/**
 * True when the scope reaches an obligation of the plan in the subtree at `path`: the units a roll-up or a
 * board filter may name are those above or at an obligated unit the actor may count, never an outsider.
 */
export async function reachesUnder(db: Db, planId: string, scope: UnitScope, path: string): Promise<boolean> {
  const [row] = await db
    .select({ id: obligations.id })
    .from(obligations)
    .innerJoin(unit, eq(unit.id, obligations.unitId))
    .where(and(eq(obligations.planId, planId), underUnitPath(unit, path), inUnitScope(unit, scope)))
    .limit(1);
  return row !== undefined;
}

/** The plan's obligations counted per unit, before any join: 16,605 rows fold into 3,321 here. */
function perUnitCounts(db: Db, planId: string, now: Date) {
  const columns = countColumns(now);
  const aliased = Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, v.as(k)])) as {
    [K in keyof typeof columns]: SQL.Aliased<number>;
  };
  return db
    .select({ unitId: obligations.unitId, ...aliased })
    .from(obligations)
    .where(eq(obligations.planId, planId))
    .groupBy(obligations.unitId)
    .as("per_unit");
}

/** The lowest and highest path of the obligated units in scope: their common prefix is the common ancestor. */
export async function pathBounds(db: Db, planId: string, scope: UnitScope, taskId?: string): Promise<{ min: string; max: string } | null> {
  const obligated = db
    .selectDistinct({ unitId: obligations.unitId })
    .from(obligations)
    .where(and(eq(obligations.planId, planId), taskId ? eq(obligations.taskId, taskId) : undefined));
  const [row] = await db
    .select({ min: sql<string | null>`min(${unit.path})`, max: sql<string | null>`max(${unit.path})` })
    .from(unit)
    .where(and(inArray(unit.id, obligated), inUnitScope(unit, scope)));
  return row?.min && row.max ? { min: row.min, max: row.max } : null;
}

/** Every path segment is a uuid and a slash: a child's path is its parent's plus 37 characters. */
export const SEGMENT = 37;

export interface SubtreeCountsRow extends RawCounts {
  /** The path of the parent's child that heads this subtree, or the parent's own path for its own obligations. */
  headPath: string;
  deeper: boolean;
}

/** Counts grouped by the child of `parentPath` whose subtree holds each obligated unit ('' above the roots). */
export async function countsBySubtree(
  db: Db,
  options: { planId: string; now: Date; scope: UnitScope; parentPath: string },
): Promise<SubtreeCountsRow[]> {
  const { planId, now, scope, parentPath } = options;
  const perUnit = perUnitCounts(db, planId, now);
  // A literal, not a parameter: the same expression must appear in SELECT and GROUP BY.
  const width = sql.raw(String(parentPath.length + SEGMENT));
  const head = sql<string>`left(${unit.path}, ${width})`;
  const sum = (column: SQL.Aliased<number>) => n(sql`sum(${column})::int`);
  return db
    .select({
      headPath: head,
      deeper: sql<boolean>`bool_or(length(${unit.path}) > ${width})`,
      expected: sum(perUnit.expected),
      open: sum(perUnit.open),
      awaiting: sum(perUnit.awaiting),
      submitted: sum(perUnit.submitted),
      onTime: sum(perUnit.onTime),
      late: sum(perUnit.late),
      overdue: sum(perUnit.overdue),
      returned: sum(perUnit.returned),
      accepted: sum(perUnit.accepted),
    })
    .from(perUnit)
    .innerJoin(unit, eq(unit.id, perUnit.unitId))
    .where(and(parentPath ? underUnitPath(unit, parentPath) : undefined, inUnitScope(unit, scope)))
    .groupBy(head);
}

/**
 * A task's obligations grouped by the child of `parentPath` whose subtree holds each unit (as countsBySubtree):
 * how many units are expected in each subtree, and whether any lies deeper than the child itself.
 */
export async function taskObligationsBySubtree(
  db: Db,
  options: { taskId: string; scope: UnitScope; parentPath: string },
): Promise<Array<{ headPath: string; expected: number; deeper: boolean }>> {
  const { taskId, scope, parentPath } = options;
  const width = sql.raw(String(parentPath.length + SEGMENT));
  const head = sql<string>`left(${unit.path}, ${width})`;
  return db
    .select({ headPath: head, expected: n(sql`count(*)::int`), deeper: sql<boolean>`bool_or(length(${unit.path}) > ${width})` })
    .from(obligations)
    .innerJoin(unit, eq(unit.id, obligations.unitId))
    .where(and(eq(obligations.taskId, taskId), parentPath ? underUnitPath(unit, parentPath) : undefined, inUnitScope(unit, scope)))
    .groupBy(head);
}

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
      .select({ unitId: perUnit.unitId, name: unit.name })
      .from(perUnit)
      .innerJoin(unit, eq(unit.id, perUnit.unitId))
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
    .select({ unitId: perUnit.unitId, name: unit.name, value: perUnit.value })
    .from(perUnit)
    .innerJoin(unit, eq(unit.id, perUnit.unitId))
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
        unit: unitRefColumns(unit),
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
      .innerJoin(unit, eq(unit.id, perUnit.unitId))
      // Naming the page's units on the unit view too lets the planner fetch them by key instead of scanning all 13,000.
      .where(and(unitIds ? inArray(unit.id, unitIds) : undefined, ...unitConditions(filter)))
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
  const joined = conditions.length > 0 ? base.innerJoin(unit, eq(unit.id, obligations.unitId)) : base;
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

/**
 * The obligations of a plan in `scope`, optionally of one unit, by deadline, task, then unit: the list a board
 * row opens so a manager can reach a submission to accept or return it.
 */
export async function planObligationRows(db: Db, options: { planId: string; scope: UnitScope; unitId?: string }) {
  return db
    .select({
      id: obligations.id,
      status: obligations.status,
      dueDate: obligations.dueDate,
      dueTime: obligations.dueTime,
      dueAt: obligations.dueAt,
      lateSubmission: obligations.lateSubmission,
      submittedAt: obligations.submittedAt,
      task: { id: task.id, what: task.what },
      unit: { id: unit.id, name: unit.name },
    })
    .from(obligations)
    .innerJoin(task, eq(task.id, obligations.taskId))
    .innerJoin(unit, eq(unit.id, obligations.unitId))
    .where(
      and(
        eq(obligations.planId, options.planId),
        inUnitScope(unit, options.scope),
        options.unitId ? eq(unit.id, options.unitId) : undefined,
      ),
    )
    .orderBy(asc(obligations.dueAt), asc(task.sortOrder), asc(unit.path));
}

export interface WorkRow {
  obligationId: string;
  status: "open" | "returned";
  returnedReason: string | null;
  dueDate: string;
  dueTime: string | null;
  dueAt: Date;
  plan: { id: string; title: string; number: string | null };
  task: { id: string; what: string; deliverable: "report" | "document" | "conference" | "delegates" | "confirmation" };
  unit: { id: string; name: string; shortName: string | null };
}

/** Owed obligations (open or returned) of issued plans in scope, earliest deadline first. */
export async function owedObligations(db: Db, options: { scope: UnitScope; underPath?: string; limit: number }): Promise<WorkRow[]> {
  const { scope, underPath, limit } = options;
  const rows = await db
    .select({
      obligationId: obligations.id,
      status: obligations.status,
      returnedReason: obligations.returnedReason,
      dueDate: obligations.dueDate,
      dueTime: obligations.dueTime,
      dueAt: obligations.dueAt,
      plan: { id: plan.id, title: plan.title, number: plan.number },
      task: { id: task.id, what: task.what, deliverable: task.deliverable },
      unit: { id: unit.id, name: unit.name, shortName: unit.shortName },
    })
    .from(obligations)
    .innerJoin(plan, eq(plan.id, obligations.planId))
    .innerJoin(task, eq(task.id, obligations.taskId))
    .innerJoin(unit, eq(unit.id, obligations.unitId))
    .where(and(owed, eq(plan.status, "issued"), inUnitScope(unit, scope), underPath ? underUnitPath(unit, underPath) : undefined))
    .orderBy(asc(obligations.dueAt), asc(unit.path), asc(task.sortOrder))
    .limit(limit);
  return rows.map((r) => ({ ...r, status: r.status === "returned" ? "returned" : "open" }));
}

/**
 * What plans needs of obligations, as pieces to embed in its own queries (`plan` is the outer query's plan id
 * column, `taskId` its task id column).
 */

/** Some obligation of the plan falls to a unit `where` keeps (a commune sees the plans that task it). */
export function someObligationOfPlan(db: Db, plan: AnyColumn, where: (unit: UnitView) => SQL | undefined): SQL {
  const obligated = unitView("obligation_unit");
  return exists(
    db
      .select({ one: sql`1` })
      .from(obligations)
      .innerJoin(obligated, eq(obligated.id, obligations.unitId))
      .where(and(eq(obligations.planId, plan), where(obligated))),
  );
}

/** The unit owes something under the plan. */
export function unitOwesUnderPlan(db: Db, plan: AnyColumn, unitId: string): SQL {
  return exists(
    db
      .select({ one: obligations.id })
      .from(obligations)
      .where(and(eq(obligations.planId, plan), eq(obligations.unitId, unitId))),
  );
}

/** How many obligations the task has given out. */
export function obligationCountOfTask(taskId: AnyColumn): SQL<number> {
  return n(sql`(select count(*)::int from ${obligations} where ${obligations.taskId} = ${taskId})`);
}

/** The earliest deadline of the obligations a child plan answers (linked by childPlanId), or null. */
export async function earliestDueAnsweredBy(db: Db, childPlanId: string): Promise<Date | null> {
  const [row] = await db
    .select({ dueAt: sql<Date | null>`min(${obligations.dueAt})`.mapWith(obligations.dueAt) })
    .from(obligations)
    .where(eq(obligations.childPlanId, childPlanId));
  return row?.dueAt ?? null;
}

/** The earliest deadline of a plan's obligations falling to one unit, or null. */
export async function earliestDueOfUnit(db: Db, planId: string, unitId: string): Promise<Date | null> {
  const [row] = await db
    .select({ dueAt: sql<Date | null>`min(${obligations.dueAt})`.mapWith(obligations.dueAt) })
    .from(obligations)
    .where(and(eq(obligations.planId, planId), eq(obligations.unitId, unitId)));
  return row?.dueAt ?? null;
}

/**
 * The obligation has been sent to the level above (submitted, or accepted after it): what a unit wrote under it counts
 * in the level above's totals from then on, never while it is still a draft (open) or sent back for correction.
 */
export function obligationSent(obligationId: AnyColumn): SQL {
  return sql`exists (select 1 from ${obligations} where ${obligations.id} = ${obligationId} and ${obligations.status} in ('submitted', 'accepted'))`;
}
