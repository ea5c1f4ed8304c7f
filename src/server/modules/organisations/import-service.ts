import { eq } from "drizzle-orm";
import type { ImportReport } from "../../../contracts/organisations";
import { TreeName, type UnitKind, unitKindLabels, unitKinds, unitTreeLabels } from "../../../contracts/organisations";
import { nameKey, searchKey } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { units } from "../../db/schema/index";
import { type Actor, canManage, isAdmin } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { conflict } from "../../platform/errors";
import { isUniqueViolation } from "./queries";
import { unitRow } from "./rows";
import { listUnits } from "./service";
import { compareUnits } from "./support";
import { readUnitSheet, type SheetOutRow, type SheetRow, writeUnitSheet } from "./xlsx-file";

/** Excel import and export of units: every data row is accepted or refused with a reason, none dropped. */

const INSERT_BATCH = 1000;

/** Codes, labels (any tone placement) and labels typed without accents all name the same kind. */
const kindByText = new Map<string, UnitKind>();
for (const kind of unitKinds)
  for (const text of [kind, unitKindLabels[kind]]) {
    kindByText.set(nameKey(text), kind);
    kindByText.set(searchKey(text), kind);
  }
const treeByText = new Map<string, string>();
for (const [tree, label] of Object.entries(unitTreeLabels))
  for (const text of [tree, label, label.replace(/^Khối /, "")]) {
    treeByText.set(nameKey(text), tree);
    treeByText.set(searchKey(text), tree);
  }

const kindOf = (text: string) => kindByText.get(nameKey(text)) ?? kindByText.get(searchKey(text));
function treeOf(text: string): string | undefined {
  const known = treeByText.get(nameKey(text)) ?? treeByText.get(searchKey(text));
  if (known) return known;
  const custom = TreeName.safeParse(text);
  return custom.success ? custom.data : undefined;
}

type Placed = { id: string; path: string; level: number };
type Accepted = ImportReport["accepted"][number];
type Insert = ReturnType<typeof unitRow>;

export interface ImportUnitsOptions {
  actor: Actor;
  file: Buffer;
  filename: string;
  dryRun: boolean;
}

/**
 * Reads the sheet, decides row by row against the database and the earlier rows, then writes every
 * accepted row in one transaction (or none). A parent named in the sheet is the nearest earlier row of
 * that name in the same tree, else the one active unit of that name in the tree.
 */
export async function importUnits(db: Db, { actor, file, filename, dryRun }: ImportUnitsOptions): Promise<ImportReport> {
  const sheet = await readUnitSheet(file, filename);
  const existing = await db
    .select({ id: units.id, tree: units.tree, parentId: units.parentId, nameKey: units.nameKey, path: units.path, level: units.level })
    .from(units)
    .where(eq(units.archived, false));
  const byName = new Map<string, Placed[]>();
  const takenNames = new Set<string>();
  for (const u of existing) {
    const key = `${u.tree}|${u.nameKey}`;
    byName.set(key, [...(byName.get(key) ?? []), u]);
    takenNames.add(`${u.tree}|${u.parentId ?? ""}|${u.nameKey}`);
  }
  const earlier = new Map<string, { row: number; placed: Placed } | { row: number; refused: true }>();
  const accepted: Accepted[] = [];
  const refused: ImportReport["refused"] = [];
  const inserts: Insert[] = [];

  const decide = (r: SheetRow): string | Insert => {
    if (!r.name) return "Thiếu tên đơn vị.";
    if (r.name.length > 300) return "Tên đơn vị dài quá 300 ký tự.";
    if (r.shortName.length > 100) return "Tên viết tắt dài quá 100 ký tự.";
    const kind = kindOf(r.kind);
    if (!kind)
      return r.kind
        ? `Loại "${r.kind}" không hợp lệ; hãy dùng mã hoặc tên loại trong danh mục (ví dụ: so hoặc "Sở").`
        : "Thiếu loại đơn vị.";
    const tree = treeOf(r.tree);
    if (!tree)
      return r.tree ? `Khối "${r.tree}" không hợp lệ; hãy dùng state, party, military hoặc tên khối như "Khối Đảng".` : "Thiếu khối.";
    const sortOrder = r.sortOrder === "" ? 0 : Number(r.sortOrder);
    if (!Number.isInteger(sortOrder) || Math.abs(sortOrder) > 1_000_000) return `Thứ tự "${r.sortOrder}" phải là số nguyên.`;
    let parent: Placed | null = null;
    if (!r.parentName) {
      if (!isAdmin(actor)) return "Chỉ quản trị viên được tạo đơn vị gốc; hãy ghi đơn vị cấp trên.";
    } else {
      const key = `${tree}|${nameKey(r.parentName)}`;
      const inFile = earlier.get(key);
      if (inFile && "refused" in inFile)
        return `Đơn vị cấp trên "${r.parentName}" (dòng ${inFile.row}) bị từ chối nên dòng này cũng không nhập được.`;
      if (inFile) parent = inFile.placed;
      else {
        const found = byName.get(key) ?? [];
        if (found.length === 0) return `Không tìm thấy đơn vị cấp trên "${r.parentName}" trong khối ${tree} (kể cả ở các dòng phía trên).`;
        if (found.length > 1)
          return `Có ${found.length} đơn vị cùng tên "${r.parentName}" trong khối ${tree}; không biết chọn đơn vị nào. Hãy tạo đơn vị này trên giao diện.`;
        parent = found[0];
        if (!canManage(actor, parent.path)) return `Bạn không quản lý đơn vị cấp trên "${r.parentName}".`;
      }
    }
    const row = unitRow({ name: r.name, shortName: r.shortName || null, kind, tree, sortOrder }, parent);
    if (takenNames.has(`${tree}|${parent?.id ?? ""}|${row.nameKey}`))
      return `Đã có đơn vị "${row.name}" trong cùng đơn vị cấp trên (trong hệ thống hoặc ở dòng phía trên).`;
    return row;
  };

  for (const r of sheet) {
    const outcome = decide(r);
    const treeKey = (tree: string) => `${tree}|${nameKey(r.name)}`;
    if (typeof outcome === "string") {
      refused.push({ row: r.row, reason: outcome });
      const tree = treeOf(r.tree);
      // Children of a refused row are refused with a pointer to it, unless that name means an existing unit.
      if (r.name && tree && !earlier.has(treeKey(tree)) && !byName.has(treeKey(tree)))
        earlier.set(treeKey(tree), { row: r.row, refused: true });
      continue;
    }
    takenNames.add(`${outcome.tree}|${outcome.parentId ?? ""}|${outcome.nameKey}`);
    earlier.set(treeKey(outcome.tree), { row: r.row, placed: outcome });
    inserts.push(outcome);
    accepted.push({
      row: r.row,
      name: outcome.name,
      shortName: outcome.shortName ?? null,
      kind: outcome.kind,
      tree: outcome.tree,
      parentName: r.parentName || null,
      sortOrder: outcome.sortOrder ?? 0,
    });
  }

  if (!dryRun && inserts.length > 0) {
    try {
      await db.transaction(async (tx) => {
        for (let i = 0; i < inserts.length; i += INSERT_BATCH) await tx.insert(units).values(inserts.slice(i, i + INSERT_BATCH));
        await recordAudit(tx, {
          actor,
          action: "unit.import",
          entityType: "unit",
          after: {
            filename,
            created: inserts.length,
            refused: refused.length,
            units: inserts.map((u) => ({ id: u.id, name: u.name, parentId: u.parentId })),
          },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict("Trong lúc nhập, một đơn vị trùng tên vừa được tạo ở nơi khác; chưa có dòng nào được ghi. Hãy nhập lại tệp.");
      throw error;
    }
  }
  return { dryRun, accepted, refused, created: dryRun ? 0 : inserts.length };
}

/** The readable active units, parents before children, in the import's columns. */
export async function exportUnits(db: Db, { actor }: { actor: Actor }): Promise<Buffer> {
  const list = await listUnits(db, { actor });
  const byId = new Map(list.map((u) => [u.id, u]));
  const children = new Map<string, typeof list>();
  const roots: typeof list = [];
  for (const u of list) {
    if (u.parentId && byId.has(u.parentId)) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
    else roots.push(u);
  }
  const out: SheetOutRow[] = [];
  const walk = (nodes: typeof list) => {
    for (const u of [...nodes].sort(compareUnits)) {
      out.push({
        name: u.name,
        shortName: u.shortName,
        kind: unitKindLabels[u.kind as UnitKind] ?? u.kind,
        tree: unitTreeLabels[u.tree as keyof typeof unitTreeLabels] ?? u.tree,
        parentName: u.parentId ? (byId.get(u.parentId)?.name ?? null) : null,
        sortOrder: u.sortOrder,
      });
      walk(children.get(u.id) ?? []);
    }
  };
  walk(roots);
  return writeUnitSheet(out);
}
