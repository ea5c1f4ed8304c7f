import { and, eq, sql } from "drizzle-orm";
import type { CreateDelegateRequest, DelegateList, DelegateView, UpdateDelegateRequest } from "../../../contracts/delegates";
import { CreateDelegateRequest as CreateSchema } from "../../../contracts/delegates";
import { checkPhone } from "../../../domain/text/phone";
import { nameKey, squeeze } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { delegates } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { AppError, versionConflict } from "../../platform/errors";
import { assertOrganiser, conferenceAccess } from "../conferences/policy";
import { delegateGroupsOf } from "../conferences/queries";
import { unitsByNameKeys } from "../organisations/unit-lookup";
import { presentDelegate } from "./presenter";
import { confirmBy, type DelegateFilter, delegateRows, delegateSearchKey, lockDelegate, standingAnswers } from "./queries";

/** The organisers' delegate list: add, edit (version checked), delete; every write audited. */

interface Ctx {
  actor: Actor;
  conferenceId: string;
}

/** Unit names as written → the one active unit of that name (tone placement and case ignored); ambiguous names match none. */
export async function matchUnits(db: Db, names: readonly string[]): Promise<Map<string, string>> {
  const keys = [...new Set(names.filter(Boolean).map(nameKey))];
  const found = await unitsByNameKeys(db, keys);
  const byKey = new Map<string, string[]>();
  for (const u of found) byKey.set(u.nameKey, [...(byKey.get(u.nameKey) ?? []), u.id]);
  return new Map([...byKey].filter(([, ids]) => ids.length === 1).map(([key, ids]) => [key, ids[0]]));
}

export async function groupNamesOf(db: Db, conferenceId: string) {
  const groups = await delegateGroupsOf(db, conferenceId);
  return { groups, groupNames: new Map(groups.map((g) => [g.id, g.name])) };
}

export async function presentRows(db: Db, conferenceId: string, rows: Awaited<ReturnType<typeof delegateRows>>) {
  const { groupNames } = await groupNamesOf(db, conferenceId);
  const answers = await standingAnswers(db, conferenceId, await confirmBy(db, conferenceId));
  return rows.map((r) => presentDelegate(r, { groupNames, answers }));
}

export async function listDelegates(db: Db, { actor, conferenceId, filter }: Ctx & { filter: DelegateFilter }): Promise<DelegateList> {
  const access = await conferenceAccess(db, actor, conferenceId);
  assertOrganiser(access);
  const { groups, groupNames } = await groupNamesOf(db, conferenceId);
  const answers = await standingAnswers(db, conferenceId, await confirmBy(db, conferenceId));
  const rows = await delegateRows(db, conferenceId, filter);
  return {
    delegates: rows.map((r) => presentDelegate(r, { groupNames, answers })),
    groups: groups.map(({ id, name, dressCode }) => ({ id, name, dressCode })),
    canOrganise: access.canOrganise,
  };
}

export async function delegateById(db: Db, conferenceId: string, delegateId: string): Promise<DelegateView> {
  const [row] = await db
    .select()
    .from(delegates)
    .where(and(eq(delegates.id, delegateId), eq(delegates.conferenceId, conferenceId)));
  const [view] = await presentRows(db, conferenceId, [row]);
  return view;
}

/** Checks what a person typed for a delegate: the phone by the numbering plan, the group of this conference. */
export async function checkDelegateInput(db: Db, conferenceId: string, input: { phone?: string; groupId?: string | null }) {
  let phone = input.phone;
  if (phone !== undefined) {
    const checked = checkPhone(phone);
    if (!checked.ok) throw new AppError("VALIDATION", checked.reason);
    phone = checked.phone;
  }
  if (input.groupId) {
    const { groupNames } = await groupNamesOf(db, conferenceId);
    if (!groupNames.has(input.groupId)) throw new AppError("VALIDATION", "Nhóm đại biểu không thuộc hội nghị này. Hãy chọn lại nhóm.");
  }
  return phone;
}

export async function createDelegate(
  db: Db,
  { actor, conferenceId, input, quotaId, unitId }: Ctx & { input: CreateDelegateRequest; quotaId?: string; unitId?: string },
): Promise<DelegateView> {
  const parsed = CreateSchema.parse(input);
  const phone = (await checkDelegateInput(db, conferenceId, parsed)) ?? "";
  const matched = unitId ?? (await matchUnits(db, [parsed.unitName])).get(nameKey(parsed.unitName)) ?? null;
  const row = await db.transaction(async (tx) => {
    const values = { ...parsed, unitName: squeeze(parsed.unitName), fullName: squeeze(parsed.fullName), phone };
    const [inserted] = await tx
      .insert(delegates)
      .values({
        ...values,
        conferenceId,
        groupId: parsed.groupId ?? null,
        unitId: matched,
        quotaId: quotaId ?? null,
        searchKey: delegateSearchKey(values),
      })
      .returning();
    await recordAudit(tx, { actor, action: "delegate.create", entityType: "delegate", entityId: inserted.id, after: values });
    return inserted;
  });
  return delegateById(db, conferenceId, row.id);
}

export async function updateDelegate(
  db: Db,
  {
    actor,
    conferenceId,
    delegateId,
    input,
    allowed,
  }: Ctx & { delegateId: string; input: UpdateDelegateRequest; allowed?: (row: { unitId: string | null; quotaId: string | null }) => void },
): Promise<DelegateView> {
  const { version, ...changes } = input;
  const phone = await checkDelegateInput(db, conferenceId, changes);
  const unitId =
    changes.unitName !== undefined ? ((await matchUnits(db, [changes.unitName])).get(nameKey(changes.unitName)) ?? null) : undefined;
  await db.transaction(async (tx) => {
    const current = await lockDelegate(tx, conferenceId, delegateId);
    allowed?.(current);
    if (current.version !== version) throw versionConflict("Đại biểu");
    const next = { ...current, ...changes, ...(phone !== undefined ? { phone } : {}) };
    await tx
      .update(delegates)
      .set({
        ...changes,
        ...(phone !== undefined ? { phone } : {}),
        ...(unitId !== undefined ? { unitId } : {}),
        searchKey: delegateSearchKey(next),
        version: sql`${delegates.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(delegates.id, delegateId));
    await recordAudit(tx, {
      actor,
      action: "delegate.update",
      entityType: "delegate",
      entityId: delegateId,
      before: current,
      after: changes,
    });
  });
  return delegateById(db, conferenceId, delegateId);
}

export async function deleteDelegate(
  db: Db,
  {
    actor,
    conferenceId,
    delegateId,
    version,
    allowed,
  }: Ctx & { delegateId: string; version: number; allowed?: (row: { unitId: string | null; quotaId: string | null }) => void },
): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await lockDelegate(tx, conferenceId, delegateId);
    allowed?.(current);
    if (current.version !== version) throw versionConflict("Đại biểu");
    await tx.delete(delegates).where(eq(delegates.id, delegateId));
    await recordAudit(tx, { actor, action: "delegate.delete", entityType: "delegate", entityId: delegateId, before: current });
  });
}

/** For the organisers' routes: the conference exists for the actor (404 otherwise) and they organise it (403). */
export async function asOrganiser(db: Db, actor: Actor, conferenceId: string) {
  const access = await conferenceAccess(db, actor, conferenceId);
  assertOrganiser(access);
  return access;
}
