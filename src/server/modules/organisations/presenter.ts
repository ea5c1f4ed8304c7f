import type { GroupRule, UnitGroupView, UnitRef, UnitView } from "../../../contracts/organisations";
import type { GroupRow, UnitRow } from "./queries";

/** The wire shape of a unit; `childCount` comes from the query that loaded it. */
export function presentUnit(row: UnitRow, childCount: number): UnitView {
  return {
    id: row.id,
    name: row.name,
    shortName: row.shortName,
    kind: row.kind,
    tree: row.tree,
    parentId: row.parentId,
    path: row.path,
    level: row.level,
    sortOrder: row.sortOrder,
    archived: row.archived,
    version: row.version,
    childCount,
  };
}

export function presentUnitRef(row: Pick<UnitRow, "id" | "name" | "shortName" | "kind" | "tree">): UnitRef {
  return { id: row.id, name: row.name, shortName: row.shortName, kind: row.kind, tree: row.tree };
}

export function presentGroup(row: GroupRow, unitIds: string[]): UnitGroupView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    mode: row.mode === "rule" ? "rule" : "static",
    rule: row.mode === "rule" ? (row.rule as GroupRule) : null,
    unitIds,
    ownerUnitId: row.ownerUnitId,
    version: row.version,
  };
}
