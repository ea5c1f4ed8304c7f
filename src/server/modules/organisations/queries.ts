import { and, eq, inArray, like, ne, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { type unitGroups, units } from "../../db/schema/index";
import { type Actor, escapeLike, isAdmin, scopeToActor } from "../../platform/access";
import { notFound } from "../../platform/errors";
import { ancestorIdsOfGrants } from "./policy";

export type UnitRow = typeof units.$inferSelect;
export type GroupRow = typeof unitGroups.$inferSelect;

/** `path LIKE '<path>%'`: the unit at `path` and everything below it. */
export const inSubtree = (path: string): SQL => like(units.path, `${escapeLike(path)}%`);

/** Active direct children, counted where the row is loaded so lists need one query. */
// Written out in full: drizzle renders a lone column unqualified, which inside the subquery would mean c.id.
export const activeChildCount =
  sql<number>`(select count(*)::int from units c where c.parent_id = "units"."id" and c.archived = false)`.mapWith(Number);

/** Readable units: the actor's subtrees plus their ancestors; undefined (no filter) for admins. */
export function readableCondition(actor: Actor): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  const ancestors = ancestorIdsOfGrants(actor);
  return or(scopeToActor(actor, units.path), ancestors.length ? inArray(units.id, ancestors) : undefined);
}

export async function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row;
}

/**
 * Names of units by id, for presenters of records that refer to units (a task's lead and supporting units):
 * the page shows names, never an id. Unknown ids are left out.
 */
export async function unitNames(db: Db, ids: readonly string[]): Promise<Record<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return {};
  const rows = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unique));
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** A unit's name and its parent's (the two lines of an official document's header). */
export async function issuerNames(db: Db, unitId: string): Promise<{ name: string; parentName: string | null } | undefined> {
  const parent = alias(units, "parent_unit");
  const [row] = await db
    .select({ name: units.name, parentName: parent.name })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(eq(units.id, unitId));
  return row;
}

export async function requireUnit(db: Db, id: string, what = "Không tìm thấy đơn vị."): Promise<UnitRow> {
  const row = await findUnit(db, id);
  if (!row) throw notFound(what);
  return row;
}

/** Locks the row for the rest of the transaction so two writers of one unit queue up. */
export async function lockUnit(tx: Db, id: string): Promise<UnitRow> {
  const [row] = await tx.select().from(units).where(eq(units.id, id)).for("update");
  if (!row) throw notFound("Không tìm thấy đơn vị.");
  return row;
}

/** The active sibling already holding `nameKey` under `parentId` in `tree`, other than `exceptId`. */
export async function findActiveSibling(
  db: Db,
  options: { tree: string; parentId: string | null; nameKey: string; exceptId?: string },
): Promise<UnitRow | undefined> {
  const [row] = await db
    .select()
    .from(units)
    .where(
      and(
        eq(units.tree, options.tree),
        options.parentId ? eq(units.parentId, options.parentId) : sql`${units.parentId} is null`,
        eq(units.nameKey, options.nameKey),
        eq(units.archived, false),
        options.exceptId ? ne(units.id, options.exceptId) : undefined,
      ),
    )
    .limit(1);
  return row;
}

export async function countActiveChildren(db: Db, id: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(units)
    .where(and(eq(units.parentId, id), eq(units.archived, false)));
  return row?.n ?? 0;
}

export async function selectUnitsWithChildCount(db: Db, where: SQL | undefined, limit?: number) {
  const query = db.select({ unit: units, childCount: activeChildCount }).from(units).where(where).orderBy(units.name);
  return limit ? query.limit(limit) : query;
}

/** True when a database error is the sibling-name unique index refusing a duplicate. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
