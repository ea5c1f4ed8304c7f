import { and, eq } from "drizzle-orm";
import type { CreateUnitRequest, UnitView, UpdateUnitRequest } from "../../../contracts/organisations";
import { nameKey, searchKey, squeeze } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { units } from "../../db/schema/index";
import { type Actor, containsEveryWord } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { AppError, forbidden, invalidState } from "../../platform/errors";
import { assertCanChange, assertCanCreateUnder, canReadUnit } from "./policy";
import { presentUnit } from "./presenter";
import { findActiveSibling, lockUnit, readableCondition, requireUnit, selectUnitsWithChildCount, type UnitRow } from "./queries";
import { unitRow } from "./rows";
import { checkVersion, compareUnits, duplicateName, snapshot, viewOf, writing } from "./support";

export { type ResolvedUnit, resolveGroup, resolveSelector } from "./groups";

export interface ListUnitsOptions {
  actor: Actor;
  tree?: string;
  includeArchived?: boolean;
}

/** Readable units (granted subtrees and their ancestors), sorted for drawing the trees. */
export async function listUnits(db: Db, { actor, tree, includeArchived = false }: ListUnitsOptions): Promise<UnitView[]> {
  const rows = await selectUnitsWithChildCount(
    db,
    and(readableCondition(actor), tree ? eq(units.tree, tree) : undefined, includeArchived ? undefined : eq(units.archived, false)),
  );
  return rows.map((r) => presentUnit(r.unit, r.childCount)).sort(compareUnits);
}

export interface SearchUnitsOptions {
  actor: Actor;
  q: string;
  tree?: string;
  limit?: number;
}

/** Candidates read before ranking; a query this broad is refined by typing more, not by paging. */
const SEARCH_CANDIDATES = 500;

/**
 * Active readable units whose name or short name contains every word of the query, in any order, diacritics
 * ignored. The words only ever reach SQL as escaped LIKE parameters. Names starting with the query come first.
 */
export async function searchUnits(db: Db, { actor, q, tree, limit = 20 }: SearchUnitsOptions): Promise<UnitView[]> {
  const key = searchKey(q);
  if (!key) return [];
  const rows = await selectUnitsWithChildCount(
    db,
    and(
      readableCondition(actor),
      eq(units.archived, false),
      tree ? eq(units.tree, tree) : undefined,
      containsEveryWord(units.searchKey, key),
    ),
    SEARCH_CANDIDATES,
  );
  const starts = (u: UnitRow) => (u.searchKey.startsWith(key) || u.searchKey.includes(`| ${key}`) ? 0 : 1);
  return rows
    .sort((a, b) => starts(a.unit) - starts(b.unit) || compareUnits(a.unit, b.unit))
    .slice(0, limit)
    .map((r) => presentUnit(r.unit, r.childCount));
}

export async function getUnit(db: Db, { actor, id }: { actor: Actor; id: string }): Promise<UnitView> {
  const unit = await requireUnit(db, id);
  if (!canReadUnit(actor, unit)) throw forbidden("Bạn không có quyền xem đơn vị này.");
  return viewOf(db, id);
}

export interface CreateUnitOptions {
  actor: Actor;
  input: CreateUnitRequest;
}

/** Creates a unit under `parentId` (in the parent's tree) or, for admins, a root of `tree`. */
export async function createUnit(db: Db, { actor, input }: CreateUnitOptions): Promise<UnitView> {
  const id = await writing(input.name, () =>
    db.transaction(async (tx) => {
      const parent = input.parentId ? await lockUnit(tx, input.parentId) : null;
      assertCanCreateUnder(actor, parent);
      if (parent?.archived)
        throw invalidState(`Đơn vị cấp trên "${parent.name}" đã được lưu trữ. Hãy khôi phục nó trước hoặc chọn đơn vị khác.`);
      const tree = parent?.tree ?? input.tree;
      if (!tree) throw new AppError("VALIDATION", "Đơn vị gốc cần ghi rõ khối (tree): state, party, military hoặc tên khối riêng.");
      if (parent && input.tree && input.tree !== parent.tree)
        throw new AppError(
          "VALIDATION",
          `Đơn vị con phải cùng khối với đơn vị cấp trên (${parent.tree}). Hãy bỏ trường tree hoặc chọn đúng khối.`,
        );
      const row = unitRow({ name: input.name, shortName: input.shortName, kind: input.kind, tree, sortOrder: input.sortOrder }, parent);
      if (await findActiveSibling(tx, { tree, parentId: parent?.id ?? null, nameKey: row.nameKey })) throw duplicateName(row.name);
      const [created] = await tx.insert(units).values(row).returning();
      await recordAudit(tx, { actor, action: "unit.create", entityType: "unit", entityId: created.id, after: snapshot(created) });
      return created.id;
    }),
  );
  return viewOf(db, id);
}

export interface UpdateUnitOptions {
  actor: Actor;
  id: string;
  input: UpdateUnitRequest;
}

/** Renames or re-kinds a unit, or changes its order among siblings. */
export async function updateUnit(db: Db, { actor, id, input }: UpdateUnitOptions): Promise<UnitView> {
  await writing(input.name ?? "", () =>
    db.transaction(async (tx) => {
      const before = await lockUnit(tx, id);
      assertCanChange(actor, before);
      checkVersion(before, input.version);
      const name = input.name !== undefined ? squeeze(input.name) : before.name;
      const shortName = input.shortName !== undefined ? (input.shortName ? squeeze(input.shortName) : null) : before.shortName;
      const key = nameKey(name);
      if (!before.archived && key !== before.nameKey) {
        const clash = await findActiveSibling(tx, { tree: before.tree, parentId: before.parentId, nameKey: key, exceptId: id });
        if (clash) throw duplicateName(name);
      }
      const [after] = await tx
        .update(units)
        .set({
          name,
          shortName,
          nameKey: key,
          searchKey: [searchKey(name), shortName ? searchKey(shortName) : ""].filter(Boolean).join(" | "),
          kind: input.kind ?? before.kind,
          sortOrder: input.sortOrder ?? before.sortOrder,
          version: before.version + 1,
          updatedAt: new Date(),
        })
        .where(eq(units.id, id))
        .returning();
      await recordAudit(tx, {
        actor,
        action: "unit.update",
        entityType: "unit",
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
    }),
  );
  return viewOf(db, id);
}

export { archiveUnit, moveUnit, restoreUnit } from "./tree-changes";
