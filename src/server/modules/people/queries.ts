import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { roleGrants, users } from "../../db/schema/index";
import { type Actor, type Role, scopeToActor } from "../../platform/access";
import { underUnitPath, unitView } from "../organisations/views";

export type UserRow = typeof users.$inferSelect;

/** Full names of users by id, for records that name who did something (a plan's amendments). */
export async function userFullNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/** A unit as people needs it: for names on the wire and paths for scoping. Read only. */
export interface UnitRef {
  id: string;
  name: string;
  path: string;
  archived: boolean;
}

export interface GrantRef {
  id: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  role: Role;
}

/** A user with what every rule and presenter needs: its unit and its grants. */
export interface UserRecord {
  user: UserRow;
  unit: UnitRef;
  grants: GrantRef[];
}

// Units come from the view organisations exports (people does not read the units table).
const unit = unitView("unit");
const unitColumns = { id: unit.id, name: unit.name, path: unit.path, archived: unit.archived };

export async function findUnit(db: Db, unitId: string): Promise<UnitRef | undefined> {
  const [row] = await db.select(unitColumns).from(unit).where(eq(unit.id, unitId));
  return row;
}

async function grantsOf(db: Db, userIds: string[]): Promise<Map<string, GrantRef[]>> {
  const byUser = new Map<string, GrantRef[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      unitId: roleGrants.unitId,
      role: roleGrants.role,
      unitName: unit.name,
      unitPath: unit.path,
    })
    .from(roleGrants)
    .innerJoin(unit, eq(unit.id, roleGrants.unitId))
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(asc(unit.path), asc(roleGrants.role));
  for (const r of rows) {
    const list = byUser.get(r.userId) ?? [];
    list.push({ id: r.id, unitId: r.unitId, unitName: r.unitName, unitPath: r.unitPath, role: r.role as Role });
    byUser.set(r.userId, list);
  }
  return byUser;
}

async function withUnitsAndGrants(db: Db, where: SQL | undefined): Promise<UserRecord[]> {
  const rows = await db.select({ user: users, unit: unitColumns }).from(users).innerJoin(unit, eq(unit.id, users.unitId)).where(where);
  const grants = await grantsOf(
    db,
    rows.map((r) => r.user.id),
  );
  return rows.map((r) => ({ user: r.user, unit: r.unit, grants: grants.get(r.user.id) ?? [] }));
}

export async function findUserRecord(db: Db, userId: string): Promise<UserRecord | undefined> {
  const [record] = await withUnitsAndGrants(db, eq(users.id, userId));
  return record;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export interface UserFilter {
  actor: Actor;
  /** Only users of this unit's subtree. */
  underPath?: string;
  includeInactive: boolean;
}

/** Users whose unit lies in the actor's readable subtrees (all for an admin), narrowed by the filter. */
export async function listUserRecords(db: Db, { actor, underPath, includeInactive }: UserFilter): Promise<UserRecord[]> {
  const where = and(
    scopeToActor(actor, unit.path),
    underPath ? underUnitPath(unit, underPath) : undefined,
    includeInactive ? undefined : eq(users.active, true),
  );
  return withUnitsAndGrants(db, where);
}
