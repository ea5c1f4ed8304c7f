import { asc, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { units } from "../../db/schema/index";
import { containsEveryWord, escapeLike } from "../../platform/access";

/**
 * What other modules may join of units, without importing the table: a derived table over `units` with the
 * columns they read. PostgreSQL pulls such a plain subquery up into the outer query, so a join on it is planned
 * exactly like a join on `units` (same indexes, no extra pass).
 */
export function unitView(name = "unit_view") {
  return new QueryBuilder()
    .select({
      id: units.id,
      name: units.name,
      shortName: units.shortName,
      path: units.path,
      level: units.level,
      tree: units.tree,
      searchKey: units.searchKey,
      archived: units.archived,
    })
    .from(units)
    .as(name);
}

export type UnitView = ReturnType<typeof unitView>;

/** Which units someone reaches: every one, or named units plus whole subtrees (by path prefix). */
export type UnitScope = { all: true } | { all: false; unitIds: string[]; pathPrefixes: string[] };

/** The units a scope reaches, as a condition on a unit view; undefined when it reaches all. */
export function inUnitScope(unit: UnitView, scope: UnitScope): SQL | undefined {
  if (scope.all) return undefined;
  const parts = [
    ...(scope.unitIds.length > 0 ? [inArray(unit.id, scope.unitIds)] : []),
    ...scope.pathPrefixes.map((p) => like(unit.path, `${escapeLike(p)}%`)),
  ];
  // No grant at all: a condition nothing satisfies, never "no condition".
  return parts.length > 0 ? or(...parts) : sql`false`;
}

/** The unit at `path` and every unit below it. */
export function underUnitPath(unit: UnitView, path: string): SQL {
  return like(unit.path, `${escapeLike(path)}%`);
}

/** Units whose search key (no diacritics, lower case) contains every word of `key` (folded the same way), in any order. */
export function unitNameContains(unit: UnitView, key: string): SQL {
  return containsEveryWord(unit.searchKey, key) ?? sql`true`;
}

export interface UnitRef {
  id: string;
  name: string;
  shortName: string | null;
  path: string;
  level: number;
  tree: string;
}

const refColumns = {
  id: units.id,
  name: units.name,
  shortName: units.shortName,
  path: units.path,
  level: units.level,
  tree: units.tree,
};

/** The columns of a `UnitRef` on a unit view, for a select. */
export function unitRefColumns(unit: UnitView) {
  return { id: unit.id, name: unit.name, shortName: unit.shortName, path: unit.path, level: unit.level, tree: unit.tree };
}

export async function findUnitRef(db: Db, unitId: string): Promise<UnitRef | undefined> {
  const [row] = await db.select(refColumns).from(units).where(eq(units.id, unitId));
  return row;
}

/** The units named, shallowest first. */
export async function findUnitRefs(db: Db, unitIds: string[]): Promise<UnitRef[]> {
  if (unitIds.length === 0) return [];
  return db.select(refColumns).from(units).where(inArray(units.id, unitIds)).orderBy(asc(units.level));
}
