import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { roleGrants, units, users } from "../db/schema/index";
import { type NewUnit, unitRow } from "../modules/organisations/rows";
import type { Role } from "../platform/access";
import { hashPassword } from "../platform/passwords";

let counter = 0;
/** A value no other test (or parallel test file) will pick: `unique("Phường")` → "Phường 3-k9x2". */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix} ${counter}-${Math.random().toString(36).slice(2, 7)}`;
}

export type UnitRow = typeof units.$inferSelect;
export type UserRow = typeof users.$inferSelect;

/** Inserts a unit (a root unless `parent` is given) with unique name by default. */
export async function makeUnit(db: Db, overrides: Partial<NewUnit> & { parent?: UnitRow | null } = {}): Promise<UnitRow> {
  const { parent = null, ...rest } = overrides;
  const row = unitRow(
    { name: unique("Đơn vị"), kind: "other", tree: parent?.tree ?? "state", ...rest },
    parent ? { id: parent.id, path: parent.path, level: parent.level } : null,
  );
  const [inserted] = await db.insert(units).values(row).returning();
  return inserted;
}

export const TEST_PASSWORD = "mat-khau-thu-nghiem";
let testHash: Promise<string> | undefined;

/** Inserts an active user of `unit` holding `grants` (role on a unit); password TEST_PASSWORD unless given. */
export async function makeUser(
  db: Db,
  options: { unit: UnitRow; grants?: Array<{ unit: UnitRow; role: Role }>; username?: string; fullName?: string; password?: string },
): Promise<UserRow> {
  const passwordHash = options.password ? await hashPassword(options.password) : await (testHash ??= hashPassword(TEST_PASSWORD));
  const username = options.username ?? unique("nguoidung").replace(/\s+/g, "-").toLowerCase();
  const [user] = await db
    .insert(users)
    .values({ username, fullName: options.fullName ?? "Người dùng thử nghiệm", unitId: options.unit.id, passwordHash })
    .returning();
  for (const g of options.grants ?? []) {
    await db.insert(roleGrants).values({ userId: user.id, unitId: g.unit.id, role: g.role });
  }
  return user;
}

export async function reloadUnit(db: Db, id: string): Promise<UnitRow> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row;
}
