import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { units } from "../../db/schema/index";

const parent = alias(units, "parent_unit");

/** The issuing unit's name and its parent's (the two lines of the header). */
export async function issuerNames(db: Db, unitId: string): Promise<{ name: string; kind: string; parentName: string | null } | undefined> {
  const [row] = await db
    .select({ name: units.name, kind: units.kind, parentName: parent.name })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(eq(units.id, unitId));
  return row;
}
