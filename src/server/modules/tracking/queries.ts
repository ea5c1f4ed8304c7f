import { and, asc, eq, inArray, like, or, sql, type SQL } from "drizzle-orm";
import type { BoardStatusFilter } from "./counts";
import type { Db } from "../../db/client";
import { obligations, plans, tasks, units } from "../../db/schema/index";
import { escapeLike } from "../../platform/access";
import type { TrackingScope } from "./policy";

/**
 * Read-only SQL over plans, obligations and units for the board, the roll-up and "my work".
 * Every count is aggregated in the database: the national board has 16,605 obligations.
 */

export interface PlanRef {
  id: string;
  title: string;
  number: string | null;
  status: "draft" | "issued" | "closed";
  issuerUnitId: string;
  issuerPath: string;
}

export interface UnitRef {
  id: string;
  name: string;
  shortName: string | null;
  path: string;
  level: number;
  tree: string;
}

const unitColumns = { id: units.id, name: units.name, shortName: units.shortName, path: units.path, level: units.level, tree: units.tree };

export async function findPlan(db: Db, planId: string): Promise<PlanRef | undefined> {
  const [row] = await db
    .select({ id: plans.id, title: plans.title, number: plans.number, status: plans.status, issuerUnitId: plans.issuerUnitId, issuerPath: units.path })
    .from(plans)
    .innerJoin(units, eq(units.id, plans.issuerUnitId))
    .where(eq(plans.id, planId));
  return row;
}

export async function findUnit(db: Db, unitId: string): Promise<UnitRef | undefined> {
  const [row] = await db.select(unitColumns).from(units).where(eq(units.id, unitId));
  return row;
}

export async function findUnits(db: Db, unitIds: string[]): Promise<UnitRef[]> {
  if (unitIds.length === 0) return [];
  return db.select(unitColumns).from(units).where(inArray(units.id, unitIds)).orderBy(asc(units.level));
}

/** The units a limited scope reaches, as a condition on `units`; undefined when it reaches all. */
export function scopeCondition(scope: TrackingScope): SQL | undefined {
  if (scope.all) return undefined;
  const parts = [
    ...(scope.unitIds.length > 0 ? [inArray(units.id, scope.unitIds)] : []),
    ...scope.pathPrefixes.map((p) => like(units.path, `${escapeLike(p)}%`)),
  ];
  // No grant at all: a condition nothing satisfies, never "no condition".
  return parts.length > 0 ? or(...parts) : sql`false`;
}

export interface UnitFilter {
  scope: TrackingScope;
  /** Already folded by searchKey (no diacritics, lower case). */
  searchKey?: string;
  tree?: string;
  underPath?: string;
}

function unitConditions(filter: UnitFilter): Array<SQL | undefined> {
  return [
    scopeCondition(filter.scope),
    filter.searchKey ? like(units.searchKey, `%${escapeLike(filter.searchKey)}%`) : undefined,
    filter.tree ? eq(units.tree, filter.tree) : undefined,
    filter.underPath ? like(units.path, `${escapeLike(filter.underPath)}%`) : undefined,
  ];
}

const n = (expr: SQL) => sql<number>`${expr}`.mapWith(Number);
const owed = sql`${obligations.status} in ('open', 'returned')`;
const delivered = sql`${obligations.status} in ('submitted', 'accepted')`;

/** Raw counts of a set of obligations; `overdue` is strictly after the due instant, as `isOverdue`. */
function countColumns(now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  return {
    expected: n(sql`count(*)::int`),
    open: n(sql`count(*) filter (where ${obligations.status} = 'open')::int`),
    awaiting: n(sql`count(*) filter (where ${obligations.status} = 'submitted')::int`),
    submitted: n(sql`count(*) filter (where ${delivered})::int`),
    onTime: n(sql`count(*) filter (where ${delivered} and not ${obligations.lateSubmission})::int`),
    late: n(sql`count(*) filter (where ${obligations.lateSubmission})::int`),
    overdue: n(sql`count(*) filter (where ${owed} and ${obligations.dueAt} < ${at})::int`),
    returned: n(sql`count(*) filter (where ${obligations.status} = 'returned')::int`),
    accepted: n(sql`count(*) filter (where ${obligations.status} = 'accepted')::int`),
  };
}

export interface RawCounts {
  expected: number;
  open: number;
  awaiting: number;
  submitted: number;
  onTime: number;
  late: number;
  overdue: number;
  returned: number;
  accepted: number;
}

const statusHaving: Record<BoardStatusFilter, (now: Date) => SQL> = {
  pending: () => sql`count(*) filter (where ${owed}) > 0`,
  submitted: () => sql`count(*) filter (where ${delivered}) > 0`,
  onTime: () => sql`count(*) filter (where ${delivered} and not ${obligations.lateSubmission}) > 0`,
  late: () => sql`bool_or(${obligations.lateSubmission})`,
  overdue: (now) => sql`count(*) filter (where ${owed} and ${obligations.dueAt} < ${now.toISOString()}::timestamptz) > 0`,
  returned: () => sql`count(*) filter (where ${obligations.status} = 'returned') > 0`,
  accepted: () => sql`count(*) filter (where ${obligations.status} = 'accepted') > 0`,
  complete: () => sql`count(*) filter (where ${owed}) = 0`,
};

export interface UnitCountsRow extends RawCounts {
  unit: UnitRef;
  nextDueAt: Date | null;
  lastSubmittedAt: Date | null;
}

/** One row per obligated unit the filter keeps, with its counts at `now`. */
export async function countsByUnit(
  db: Db,
  options: { planId: string; now: Date; filter: UnitFilter; status?: BoardStatusFilter },
): Promise<UnitCountsRow[]> {
  const { planId, now, filter, status } = options;
  const query = db
    .select({
      unit: unitColumns,
      ...countColumns(now),
      nextDueAt: sql<Date | null>`min(${obligations.dueAt}) filter (where ${owed})`.mapWith(obligations.dueAt),
      lastSubmittedAt: sql<Date | null>`max(${obligations.submittedAt})`.mapWith(obligations.submittedAt),
    })
    .from(obligations)
    .innerJoin(units, eq(units.id, obligations.unitId))
    .where(and(eq(obligations.planId, planId), ...unitConditions(filter)))
    .groupBy(units.id);
  return status ? query.having(statusHaving[status](now)) : query;
}

/** Obligations delivered per Vietnam day (by their latest submission), for the chart. */
export async function deliveriesByDay(
  db: Db,
  options: { planId: string; filter: UnitFilter; unitIds?: string[] },
): Promise<Array<{ date: string; submitted: number; late: number }>> {
  const { planId, filter, unitIds } = options;
  // Vietnam is UTC+7 all year: shifting the UTC wall clock is exact and needs no time-zone data.
  const day = sql<string>`to_char((${obligations.submittedAt} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')`;
  return db
    .select({ date: day, submitted: n(sql`count(*)::int`), late: n(sql`count(*) filter (where ${obligations.lateSubmission})::int`) })
    .from(obligations)
    .innerJoin(units, eq(units.id, obligations.unitId))
    .where(
      and(
        eq(obligations.planId, planId),
        delivered,
        sql`${obligations.submittedAt} is not null`,
        unitIds ? (unitIds.length > 0 ? inArray(units.id, unitIds) : sql`false`) : undefined,
        ...unitConditions(filter),
      ),
    )
    .groupBy(day)
    .orderBy(day);
}

/** True when the scope reaches at least one obligation of the plan. */
export async function reachesPlan(db: Db, planId: string, scope: TrackingScope): Promise<boolean> {
  const [row] = await db
    .select({ id: obligations.id })
    .from(obligations)
    .innerJoin(units, eq(units.id, obligations.unitId))
    .where(and(eq(obligations.planId, planId), scopeCondition(scope)))
    .limit(1);
  return row !== undefined;
}

/** The lowest and highest path of the obligated units in scope: their common prefix is the common ancestor. */
export async function pathBounds(db: Db, planId: string, scope: TrackingScope): Promise<{ min: string; max: string } | null> {
  const [row] = await db
    .select({ min: sql<string | null>`min(${units.path})`, max: sql<string | null>`max(${units.path})` })
    .from(obligations)
    .innerJoin(units, eq(units.id, obligations.unitId))
    .where(and(eq(obligations.planId, planId), scopeCondition(scope)));
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
  options: { planId: string; now: Date; scope: TrackingScope; parentPath: string },
): Promise<SubtreeCountsRow[]> {
  const { planId, now, scope, parentPath } = options;
  // A literal, not a parameter: the same expression must appear in SELECT and GROUP BY.
  const width = sql.raw(String(parentPath.length + SEGMENT));
  const head = sql<string>`left(${units.path}, ${width})`;
  return db
    .select({ headPath: head, deeper: sql<boolean>`bool_or(length(${units.path}) > ${width})`, ...countColumns(now) })
    .from(obligations)
    .innerJoin(units, eq(units.id, obligations.unitId))
    .where(and(eq(obligations.planId, planId), like(units.path, `${escapeLike(parentPath)}%`), scopeCondition(scope)))
    .groupBy(head);
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
export async function owedObligations(db: Db, options: { scope: TrackingScope; underPath?: string; limit: number }): Promise<WorkRow[]> {
  const { scope, underPath, limit } = options;
  const rows = await db
    .select({
      obligationId: obligations.id,
      status: obligations.status,
      returnedReason: obligations.returnedReason,
      dueDate: obligations.dueDate,
      dueTime: obligations.dueTime,
      dueAt: obligations.dueAt,
      plan: { id: plans.id, title: plans.title, number: plans.number },
      task: { id: tasks.id, what: tasks.what, deliverable: tasks.deliverable },
      unit: { id: units.id, name: units.name, shortName: units.shortName },
    })
    .from(obligations)
    .innerJoin(plans, eq(plans.id, obligations.planId))
    .innerJoin(tasks, eq(tasks.id, obligations.taskId))
    .innerJoin(units, eq(units.id, obligations.unitId))
    .where(
      and(
        owed,
        eq(plans.status, "issued"),
        scopeCondition(scope),
        underPath ? like(units.path, `${escapeLike(underPath)}%`) : undefined,
      ),
    )
    .orderBy(asc(obligations.dueAt), asc(units.path), asc(tasks.sortOrder))
    .limit(limit);
  return rows.map((r) => ({ ...r, status: r.status === "returned" ? "returned" : "open" }));
}
