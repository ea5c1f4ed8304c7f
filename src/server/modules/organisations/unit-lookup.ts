import { and, eq, inArray, isNotNull, like, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { nameKey, searchKey, sortVi } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { units } from "../../db/schema/index";
import { escapeLike } from "../../platform/access";
import type { UnitRow } from "./queries";

export interface UnitCandidate {
  id: string;
  name: string;
  shortName: string | null;
  tree: string;
  parentName: string | null;
}

export type UnitLookup =
  | { kind: "found"; unit: UnitCandidate }
  | { kind: "ambiguous"; candidates: UnitCandidate[] }
  | { kind: "missing"; candidates: UnitCandidate[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SUGGESTIONS = 10;

/**
 * Finds the one active unit an operator means: its id, or its exact name or short name with tone
 * placement and case set aside ("Thành uỷ" = "thành ủy"). Otherwise the near candidates, to list.
 */
export async function lookUpUnit(db: Db, text: string): Promise<UnitLookup> {
  const parent = alias(units, "parent");
  const select = () =>
    db
      .select({ id: units.id, name: units.name, shortName: units.shortName, tree: units.tree, parentName: parent.name })
      .from(units)
      .leftJoin(parent, eq(parent.id, units.parentId));
  const wanted = text.trim();
  if (UUID.test(wanted)) {
    const [byId] = await select().where(and(eq(units.id, wanted.toLowerCase()), eq(units.archived, false)));
    if (byId) return { kind: "found", unit: byId };
  }
  const key = nameKey(wanted);
  // Short names have no key column, so those with one are compared here; unit counts are in the thousands.
  const named = await select().where(and(eq(units.archived, false), or(eq(units.nameKey, key), isNotNull(units.shortName))));
  const exact = named.filter((u) => nameKey(u.name) === key || (u.shortName !== null && nameKey(u.shortName) === key));
  if (exact.length === 1) return { kind: "found", unit: exact[0] };
  if (exact.length > 1) return { kind: "ambiguous", candidates: sortVi(exact, (u) => u.name) };
  const loose = searchKey(wanted);
  const near = loose
    ? await select()
        .where(and(eq(units.archived, false), like(units.searchKey, `%${escapeLike(loose)}%`)))
        .limit(SUGGESTIONS)
    : [];
  return { kind: "missing", candidates: sortVi(near, (u) => u.name) };
}

/** One line per candidate, enough to tell namesakes apart and to copy the id. */
export function describeCandidate(u: UnitCandidate): string {
  const short = u.shortName ? ` (${u.shortName})` : "";
  const under = u.parentName ? `, thuộc ${u.parentName}` : "";
  return `  - ${u.name}${short}${under} [${u.tree}] — mã ${u.id}`;
}

/** Active units whose name key is one of `keys` (tone placement and case ignored): the importer's unit names. */
export async function unitsByNameKeys(db: Db, keys: string[]): Promise<UnitRow[]> {
  if (keys.length === 0) return [];
  return db
    .select()
    .from(units)
    .where(and(inArray(units.nameKey, keys), eq(units.archived, false)));
}

/** Active units with a short name, for matching the abbreviations plans use ("UBND xã", "Ban CHQS"). */
export async function unitsWithShortName(db: Db): Promise<UnitRow[]> {
  return db
    .select()
    .from(units)
    .where(and(isNotNull(units.shortName), eq(units.archived, false)));
}
