import { eq } from "drizzle-orm";
import type { UnitView } from "../../../contracts/organisations";
import { standardTrees } from "../../../contracts/organisations";
import { compareVi } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { units } from "../../db/schema/index";
import { duplicate, notFound, versionConflict } from "../../platform/errors";
import { presentUnit } from "./presenter";
import { isUniqueViolation, selectUnitsWithChildCount, type UnitRow } from "./queries";

/** Helpers shared by the unit services (create/update, tree changes, import). */

const treeRank = (tree: string) => {
  const i = standardTrees.indexOf(tree as (typeof standardTrees)[number]);
  return i === -1 ? standardTrees.length : i;
};

/** Tree (state, party, military, then custom ones by name) → sortOrder → Vietnamese name. */
export function compareUnits(a: Pick<UnitRow, "tree" | "sortOrder" | "name">, b: Pick<UnitRow, "tree" | "sortOrder" | "name">): number {
  return treeRank(a.tree) - treeRank(b.tree) || a.tree.localeCompare(b.tree) || a.sortOrder - b.sortOrder || compareVi(a.name, b.name);
}

/** What the audit log keeps of a unit. */
export const snapshot = (u: UnitRow) => ({
  name: u.name,
  shortName: u.shortName,
  kind: u.kind,
  tree: u.tree,
  parentId: u.parentId,
  path: u.path,
  level: u.level,
  sortOrder: u.sortOrder,
  archived: u.archived,
  version: u.version,
});

export const duplicateName = (name?: string) =>
  duplicate(
    `Đã có đơn vị ${name ? `"${name}" ` : "cùng tên "}(đang hoạt động) trong cùng đơn vị cấp trên. Hãy đặt tên khác hoặc dùng đơn vị đã có.`,
  );

/** Runs a write, turning a unique-index refusal (two writers racing to one name) into the same 409. */
export async function writing<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  }
}

export function checkVersion(row: UnitRow, version: number): void {
  if (row.version !== version) throw versionConflict("Đơn vị");
}

export async function viewOf(db: Db, id: string): Promise<UnitView> {
  const [row] = await selectUnitsWithChildCount(db, eq(units.id, id));
  if (!row) throw notFound("Không tìm thấy đơn vị.");
  return presentUnit(row.unit, row.childCount);
}
