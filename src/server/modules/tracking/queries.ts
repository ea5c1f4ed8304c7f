import { and, asc, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { obligations, plans, units } from "../../db/schema/index";
import { containsEveryWord, escapeLike } from "../../platform/access";
import { countColumns, n, type RawCounts } from "../obligations/counts";
import type { TrackingScope } from "./policy";

/**
 * Read-only SQL over plans, obligations and units shared by the board, the roll-up and "my work".
 * Every count is aggregated in the database (the national board has 16,605 obligations) with the one rule of
 * obligations/counts.ts.
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

export const unitColumns = {
  id: units.id,
  name: units.name,
  shortName: units.shortName,
  path: units.path,
  level: units.level,
  tree: units.tree,
};

export async function findPlan(db: Db, planId: string): Promise<PlanRef | undefined> {
  const [row] = await db
    .select({
      id: plans.id,
      title: plans.title,
      number: plans.number,
      status: plans.status,
      issuerUnitId: plans.issuerUnitId,
      issuerPath: units.path,
    })
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

export function unitConditions(filter: UnitFilter): Array<SQL | undefined> {
  return [
    scopeCondition(filter.scope),
    filter.searchKey ? containsEveryWord(units.searchKey, filter.searchKey) : undefined,
    filter.tree ? eq(units.tree, filter.tree) : undefined,
    filter.underPath ? like(units.path, `${escapeLike(filter.underPath)}%`) : undefined,
  ];
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

/**
 * True when the scope reaches an obligation of the plan in the subtree at `path`: the units a roll-up or a
 * board filter may name are those above or at an obligated unit the actor may count, never an outsider.
 */
export async function reachesUnder(db: Db, planId: string, scope: TrackingScope, path: string): Promise<boolean> {
  const [row] = await db
    .select({ id: obligations.id })
    .from(obligations)
    .innerJoin(units, eq(units.id, obligations.unitId))
    .where(and(eq(obligations.planId, planId), like(units.path, `${escapeLike(path)}%`), scopeCondition(scope)))
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
export async function pathBounds(db: Db, planId: string, scope: TrackingScope): Promise<{ min: string; max: string } | null> {
  const obligated = db.selectDistinct({ unitId: obligations.unitId }).from(obligations).where(eq(obligations.planId, planId));
  const [row] = await db
    .select({ min: sql<string | null>`min(${units.path})`, max: sql<string | null>`max(${units.path})` })
    .from(units)
    .where(and(inArray(units.id, obligated), scopeCondition(scope)));
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
  const perUnit = perUnitCounts(db, planId, now);
  // A literal, not a parameter: the same expression must appear in SELECT and GROUP BY.
  const width = sql.raw(String(parentPath.length + SEGMENT));
  const head = sql<string>`left(${units.path}, ${width})`;
  const sum = (column: SQL.Aliased<number>) => n(sql`sum(${column})::int`);
  return db
    .select({
      headPath: head,
      deeper: sql<boolean>`bool_or(length(${units.path}) > ${width})`,
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
    .innerJoin(units, eq(units.id, perUnit.unitId))
    .where(and(parentPath ? like(units.path, `${escapeLike(parentPath)}%`) : undefined, scopeCondition(scope)))
    .groupBy(head);
}
