import { and, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { CreateGroupRequest, GroupRule, UnitGroupView, UnitSelector, UpdateGroupRequest } from "../../../contracts/organisations";
import { sortVi } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { unitGroupMembers, unitGroups, units } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { AppError, duplicate, forbidden, notFound, versionConflict } from "../../platform/errors";
import { assertCanManageGroup, canReadGroup } from "./policy";
import { presentGroup } from "./presenter";
import { findUnit, type GroupRow, inSubtree, isUniqueViolation } from "./queries";

/** A unit picked by a group, rule or list: what a caller needs to address one obligation to it. */
export interface ResolvedUnit {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  tree: string;
  parentId: string | null;
  path: string;
  level: number;
}

const resolvedColumns = {
  id: units.id,
  name: units.name,
  shortName: units.shortName,
  kind: units.kind,
  tree: units.tree,
  parentId: units.parentId,
  path: units.path,
  level: units.level,
};

/** The SQL for a rule, or null when it can match nothing (its `underUnitId` no longer exists). */
async function ruleCondition(db: Db, rule: GroupRule): Promise<SQL | null> {
  let under: SQL | undefined;
  if (rule.underUnitId) {
    const anchor = await findUnit(db, rule.underUnitId);
    if (!anchor) return null;
    under = and(inSubtree(anchor.path), ne(units.id, anchor.id));
  }
  return and(
    eq(units.archived, false),
    under,
    rule.kinds ? inArray(units.kind, rule.kinds) : undefined,
    rule.tree ? eq(units.tree, rule.tree) : undefined,
    rule.levels ? inArray(units.level, rule.levels) : undefined,
  ) as SQL;
}

/** Active units matching a rule, evaluated now (units added later join the group by themselves). */
export async function resolveRule(db: Db, rule: GroupRule): Promise<ResolvedUnit[]> {
  const where = await ruleCondition(db, rule);
  if (!where) return [];
  return sortVi(await db.select(resolvedColumns).from(units).where(where), (u) => u.name);
}

/** Active members of a group in Vietnamese order: `await resolveGroup(db, groupId)`. Unknown group: 404. */
export async function resolveGroup(db: Db, groupId: string): Promise<ResolvedUnit[]> {
  const [group] = await db.select().from(unitGroups).where(eq(unitGroups.id, groupId));
  if (!group) throw notFound("Không tìm thấy nhóm đơn vị.");
  if (group.mode === "rule") return resolveRule(db, group.rule as GroupRule);
  const rows = await db
    .select(resolvedColumns)
    .from(unitGroupMembers)
    .innerJoin(units, eq(units.id, unitGroupMembers.unitId))
    .where(and(eq(unitGroupMembers.groupId, groupId), eq(units.archived, false)));
  return sortVi(rows, (u) => u.name);
}

/**
 * The union of listed units, a group and a rule: active units only, each once, in Vietnamese order.
 * Listed ids that are unknown or archived are left out; compare lengths to detect them.
 */
export async function resolveSelector(db: Db, selector: UnitSelector): Promise<ResolvedUnit[]> {
  const found = new Map<string, ResolvedUnit>();
  const add = (list: ResolvedUnit[]) => list.forEach((u) => found.set(u.id, u));
  if (selector.unitIds?.length) {
    for (let i = 0; i < selector.unitIds.length; i += 1000) {
      const ids = selector.unitIds.slice(i, i + 1000);
      add(
        await db
          .select(resolvedColumns)
          .from(units)
          .where(and(inArray(units.id, ids), eq(units.archived, false))),
      );
    }
  }
  if (selector.groupId) add(await resolveGroup(db, selector.groupId));
  if (selector.rule) add(await resolveRule(db, selector.rule));
  return sortVi([...found.values()], (u) => u.name);
}

async function ownerOf(db: Db, ownerUnitId: string | null) {
  if (!ownerUnitId) return null;
  const owner = await findUnit(db, ownerUnitId);
  if (!owner) throw notFound("Không tìm thấy đơn vị sở hữu nhóm.");
  return owner;
}

async function memberIds(db: Db, groupId: string): Promise<string[]> {
  const rows = await db.select({ id: unitGroupMembers.unitId }).from(unitGroupMembers).where(eq(unitGroupMembers.groupId, groupId));
  return rows.map((r) => r.id);
}

/** Refuses a rule pointing at a unit that does not exist, and static members that are unknown or archived. */
async function checkContents(db: Db, rule: GroupRule | undefined, unitIds: string[] | undefined): Promise<void> {
  if (rule?.underUnitId && !(await findUnit(db, rule.underUnitId)))
    throw new AppError("VALIDATION", "Quy tắc chỉ tới một đơn vị cấp trên không tồn tại. Hãy chọn lại đơn vị.");
  if (!unitIds?.length) return;
  const wanted = [...new Set(unitIds)];
  const found = await resolveSelector(db, { unitIds: wanted });
  if (found.length !== wanted.length)
    throw new AppError(
      "VALIDATION",
      `Có ${wanted.length - found.length} đơn vị trong danh sách không tồn tại hoặc đã lưu trữ. Hãy chọn lại.`,
    );
}

async function writeMembers(tx: Db, groupId: string, unitIds: string[]): Promise<void> {
  await tx.delete(unitGroupMembers).where(eq(unitGroupMembers.groupId, groupId));
  const ids = [...new Set(unitIds)];
  for (let i = 0; i < ids.length; i += 1000)
    await tx.insert(unitGroupMembers).values(ids.slice(i, i + 1000).map((unitId) => ({ groupId, unitId })));
}

const duplicateGroup = (name: string) => duplicate(`Đã có nhóm đơn vị tên "${name}". Hãy đặt tên khác.`);

async function guarded<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateGroup(name);
    throw error;
  }
}

/** Groups the actor may see: city-wide ones and those owned by a unit it can read. */
export async function listGroups(db: Db, { actor }: { actor: Actor }): Promise<UnitGroupView[]> {
  const rows = await db
    .select({ group: unitGroups, ownerPath: units.path })
    .from(unitGroups)
    .leftJoin(units, eq(units.id, unitGroups.ownerUnitId));
  const visible = rows.filter((r) =>
    canReadGroup(actor, r.group.ownerUnitId && r.ownerPath ? { id: r.group.ownerUnitId, path: r.ownerPath } : null),
  );
  const out: UnitGroupView[] = [];
  for (const r of sortVi(visible, (v) => v.group.name))
    out.push(presentGroup(r.group, r.group.mode === "static" ? await memberIds(db, r.group.id) : []));
  return out;
}

async function readableGroup(db: Db, actor: Actor, id: string): Promise<GroupRow> {
  const [group] = await db.select().from(unitGroups).where(eq(unitGroups.id, id));
  if (!group) throw notFound("Không tìm thấy nhóm đơn vị.");
  if (!canReadGroup(actor, await ownerOf(db, group.ownerUnitId))) throw forbidden("Bạn không có quyền xem nhóm đơn vị này.");
  return group;
}

export async function getGroup(db: Db, { actor, id }: { actor: Actor; id: string }): Promise<UnitGroupView> {
  const group = await readableGroup(db, actor, id);
  return presentGroup(group, group.mode === "static" ? await memberIds(db, id) : []);
}

/** The resolved members of a group the actor can see. */
export async function groupUnits(db: Db, { actor, id }: { actor: Actor; id: string }): Promise<ResolvedUnit[]> {
  await readableGroup(db, actor, id);
  return resolveGroup(db, id);
}

export async function createGroup(db: Db, { actor, input }: { actor: Actor; input: CreateGroupRequest }): Promise<UnitGroupView> {
  assertCanManageGroup(actor, await ownerOf(db, input.ownerUnitId ?? null));
  await checkContents(db, input.rule, input.unitIds);
  const id = await guarded(input.name, () =>
    db.transaction(async (tx) => {
      const [group] = await tx
        .insert(unitGroups)
        .values({
          name: input.name,
          description: input.description ?? null,
          mode: input.mode,
          rule: input.mode === "rule" ? input.rule : null,
          ownerUnitId: input.ownerUnitId ?? null,
        })
        .returning();
      if (input.mode === "static") await writeMembers(tx, group.id, input.unitIds ?? []);
      await recordAudit(tx, {
        actor,
        action: "unit_group.create",
        entityType: "unit_group",
        entityId: group.id,
        after: { ...group, unitIds: input.unitIds ?? [] },
      });
      return group.id;
    }),
  );
  return getGroup(db, { actor, id });
}

export async function updateGroup(
  db: Db,
  { actor, id, input }: { actor: Actor; id: string; input: UpdateGroupRequest },
): Promise<UnitGroupView> {
  await guarded(input.name ?? "", () =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(unitGroups).where(eq(unitGroups.id, id)).for("update");
      if (!before) throw notFound("Không tìm thấy nhóm đơn vị.");
      assertCanManageGroup(actor, await ownerOf(tx, before.ownerUnitId));
      if (before.version !== input.version) throw versionConflict("Nhóm đơn vị");
      if (before.mode === "static" && input.rule)
        throw new AppError("VALIDATION", "Nhóm danh sách không có quy tắc; hãy sửa danh sách đơn vị (unitIds).");
      if (before.mode === "rule" && input.unitIds)
        throw new AppError("VALIDATION", "Nhóm theo quy tắc không có danh sách; hãy sửa quy tắc (rule).");
      await checkContents(tx, input.rule, input.unitIds);
      const beforeIds = before.mode === "static" ? await memberIds(tx, id) : [];
      const [after] = await tx
        .update(unitGroups)
        .set({
          name: input.name ?? before.name,
          description: input.description !== undefined ? input.description : before.description,
          rule: input.rule ?? before.rule,
          version: sql`${unitGroups.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(unitGroups.id, id))
        .returning();
      if (input.unitIds) await writeMembers(tx, id, input.unitIds);
      await recordAudit(tx, {
        actor,
        action: "unit_group.update",
        entityType: "unit_group",
        entityId: id,
        before: { ...before, unitIds: beforeIds },
        after: { ...after, unitIds: input.unitIds ?? beforeIds },
      });
    }),
  );
  return getGroup(db, { actor, id });
}

export async function deleteGroup(db: Db, { actor, id, version }: { actor: Actor; id: string; version: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(unitGroups).where(eq(unitGroups.id, id)).for("update");
    if (!before) throw notFound("Không tìm thấy nhóm đơn vị.");
    assertCanManageGroup(actor, await ownerOf(tx, before.ownerUnitId));
    if (before.version !== version) throw versionConflict("Nhóm đơn vị");
    const unitIds = before.mode === "static" ? await memberIds(tx, id) : [];
    await tx.delete(unitGroups).where(eq(unitGroups.id, id));
    await recordAudit(tx, { actor, action: "unit_group.delete", entityType: "unit_group", entityId: id, before: { ...before, unitIds } });
  });
}
