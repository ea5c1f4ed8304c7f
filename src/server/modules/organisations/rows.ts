import { randomUUID } from "node:crypto";
import { nameKey, searchKey, squeeze } from "../../../domain/text/vietnamese";
import type { units } from "../../db/schema/index";

export interface NewUnit {
  name: string;
  shortName?: string | null;
  kind: string;
  tree: string;
  sortOrder?: number;
}

type UnitInsert = typeof units.$inferInsert & { id: string; path: string; level: number };

/**
 * The full row for a new unit under `parent` (or a root): id, path, level and the search keys.
 * Used by the organisations service, the seeds and the test factories so the derived columns never disagree.
 */
export function unitRow(input: NewUnit, parent: { id: string; path: string; level: number } | null): UnitInsert {
  const id = randomUUID();
  const name = squeeze(input.name);
  const shortName = input.shortName ? squeeze(input.shortName) : null;
  return {
    id,
    name,
    shortName,
    kind: input.kind,
    tree: input.tree,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? ""}${id}/`,
    level: parent ? parent.level + 1 : 0,
    sortOrder: input.sortOrder ?? 0,
    nameKey: nameKey(name),
    searchKey: [searchKey(name), shortName ? searchKey(shortName) : ""].filter(Boolean).join(" | "),
  };
}
