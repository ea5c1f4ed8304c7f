import { and, eq, sql } from "drizzle-orm";
import type { UnitView } from "../../../contracts/organisations";
import type { Db } from "../../db/client";
import { units } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { conflict, invalidState } from "../../platform/errors";
import { assertCanChange, assertCanMove } from "./policy";
import { countActiveChildren, findActiveSibling, inSubtree, lockUnit } from "./queries";
import { checkVersion, duplicateName, snapshot, viewOf, writing } from "./support";

/** Changes to a unit's place in its tree: move, archive, restore. Each is one transaction. */

export interface MoveUnitOptions {
  actor: Actor;
  id: string;
  /** null: the unit becomes a root of its tree (admins only). */
  parentId: string | null;
  version: number;
}

/** Moves a unit and its whole subtree under a new parent of the same tree, rewriting path and level. */
export async function moveUnit(db: Db, { actor, id, parentId, version }: MoveUnitOptions): Promise<UnitView> {
  await writing(undefined, () =>
    db.transaction(async (tx) => {
      const before = await lockUnit(tx, id);
      const parent = parentId ? await lockUnit(tx, parentId) : null;
      assertCanMove(actor, before, parent);
      checkVersion(before, version);
      if (before.archived) throw invalidState("Đơn vị đã được lưu trữ. Hãy khôi phục nó trước khi chuyển.");
      if (parent) {
        if (parent.path.startsWith(before.path))
          throw conflict(
            `Không thể chuyển "${before.name}" vào chính nó hoặc một đơn vị cấp dưới của nó. Hãy chọn một đơn vị cấp trên khác.`,
          );
        if (parent.tree !== before.tree)
          throw conflict(
            `Không thể chuyển đơn vị sang khối khác (từ "${before.tree}" sang "${parent.tree}"). Hãy tạo đơn vị mới trong khối đó.`,
          );
        if (parent.archived) throw invalidState(`Đơn vị cấp trên "${parent.name}" đã được lưu trữ. Hãy chọn đơn vị khác.`);
      }
      if ((parent?.id ?? null) === before.parentId) return;
      if (await findActiveSibling(tx, { tree: before.tree, parentId: parent?.id ?? null, nameKey: before.nameKey, exceptId: id }))
        throw duplicateName(before.name);

      const newPath = `${parent?.path ?? ""}${before.id}/`;
      const levelShift = (parent ? parent.level + 1 : 0) - before.level;
      // One statement rewrites the prefix of every path in the subtree, so the tree is never half moved.
      await tx
        .update(units)
        .set({
          path: sql`${newPath} || substr(${units.path}, ${before.path.length + 1})`,
          level: sql`${units.level} + ${levelShift}`,
          updatedAt: new Date(),
        })
        .where(inSubtree(before.path));
      const [after] = await tx
        .update(units)
        .set({ parentId: parent?.id ?? null, version: before.version + 1 })
        .where(eq(units.id, id))
        .returning();
      await recordAudit(tx, {
        actor,
        action: "unit.move",
        entityType: "unit",
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
    }),
  );
  return viewOf(db, id);
}

export interface ArchiveUnitOptions {
  actor: Actor;
  id: string;
  version: number;
  /** Archive the active descendants too; without it a unit with active children is refused. */
  cascade?: boolean;
}

/** Archives a unit (and with `cascade` its whole active subtree); archived units keep their history. */
export async function archiveUnit(db: Db, { actor, id, version, cascade = false }: ArchiveUnitOptions): Promise<UnitView> {
  await db.transaction(async (tx) => {
    const before = await lockUnit(tx, id);
    assertCanChange(actor, before);
    checkVersion(before, version);
    if (before.archived) throw invalidState("Đơn vị này đã được lưu trữ từ trước.");
    const children = await countActiveChildren(tx, id);
    if (children > 0 && !cascade)
      throw invalidState(
        `Đơn vị "${before.name}" còn ${children} đơn vị cấp dưới đang hoạt động. Hãy chuyển hoặc lưu trữ chúng trước, hoặc chọn lưu trữ cả đơn vị cấp dưới.`,
      );
    const archived = await tx
      .update(units)
      .set({ archived: true, version: sql`${units.version} + 1`, updatedAt: new Date() })
      .where(and(inSubtree(before.path), eq(units.archived, false)))
      .returning({ id: units.id, name: units.name });
    await recordAudit(tx, {
      actor,
      action: "unit.archive",
      entityType: "unit",
      entityId: id,
      before: snapshot(before),
      after: { ...snapshot(before), archived: true, version: before.version + 1, archivedUnits: archived },
    });
  });
  return viewOf(db, id);
}

export interface RestoreUnitOptions {
  actor: Actor;
  id: string;
  version: number;
}

/** Restores one archived unit (not its descendants); its parent must be active and its name free. */
export async function restoreUnit(db: Db, { actor, id, version }: RestoreUnitOptions): Promise<UnitView> {
  await writing(undefined, () =>
    db.transaction(async (tx) => {
      const before = await lockUnit(tx, id);
      assertCanChange(actor, before);
      checkVersion(before, version);
      if (!before.archived) throw invalidState("Đơn vị này đang hoạt động, không cần khôi phục.");
      if (before.parentId) {
        const parent = await lockUnit(tx, before.parentId);
        if (parent.archived)
          throw invalidState(`Đơn vị cấp trên "${parent.name}" cũng đã được lưu trữ. Hãy khôi phục đơn vị cấp trên trước.`);
      }
      if (await findActiveSibling(tx, { tree: before.tree, parentId: before.parentId, nameKey: before.nameKey, exceptId: id }))
        throw duplicateName(before.name);
      const [after] = await tx
        .update(units)
        .set({ archived: false, version: before.version + 1, updatedAt: new Date() })
        .where(eq(units.id, id))
        .returning();
      await recordAudit(tx, {
        actor,
        action: "unit.restore",
        entityType: "unit",
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
    }),
  );
  return viewOf(db, id);
}
