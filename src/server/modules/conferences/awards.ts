import { and, eq, sql } from "drizzle-orm";
import type { AwardList, AwardView, CreateAwardRequest, ReorderRequest, UpdateAwardRequest } from "../../../contracts/conference-program";
import type { Db } from "../../db/client";
import { conferenceAwards } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { AppError, versionConflict } from "../../platform/errors";
import { findUnitRef } from "../organisations/views";
import { assertOrganiser, conferenceAccess } from "./policy";
import { presentAward } from "./program-presenter";
import { listAwardRows, lockAward, lockConference } from "./program-queries";
import { assertSameSet } from "./speeches";

/** Awards (khen thưởng) presented on stage: collective or individual recipients, in stage order. */

interface Ctx {
  actor: Actor;
  conferenceId: string;
}

export async function listAwards(db: Db, { actor, conferenceId }: Ctx): Promise<AwardList> {
  const access = await conferenceAccess(db, actor, conferenceId);
  const rows = await listAwardRows(db, conferenceId);
  return { awards: rows.map(presentAward), canOrganise: access.canOrganise };
}

async function checkRecipientUnit(db: Db, unitId: string | null | undefined): Promise<void> {
  if (unitId && !(await findUnitRef(db, unitId)))
    throw new AppError("VALIDATION", "Không tìm thấy đơn vị được khen thưởng. Hãy chọn lại đơn vị hoặc để trống.");
}

/** Adds an award at the end of the stage order. */
export async function createAward(db: Db, { actor, conferenceId, input }: Ctx & { input: CreateAwardRequest }): Promise<AwardView> {
  assertOrganiser(await conferenceAccess(db, actor, conferenceId));
  await checkRecipientUnit(db, input.recipientUnitId);
  return db.transaction(async (tx) => {
    await lockConference(tx, conferenceId);
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${conferenceAwards.stageOrder}), 0)::int + 1`.mapWith(Number) })
      .from(conferenceAwards)
      .where(eq(conferenceAwards.conferenceId, conferenceId));
    const [row] = await tx
      .insert(conferenceAwards)
      .values({ conferenceId, ...input, recipientUnitId: input.recipientUnitId ?? null, stageOrder: next })
      .returning();
    await recordAudit(tx, { actor, action: "conference.award.create", entityType: "conference_award", entityId: row.id, after: input });
    return presentAward(row);
  });
}

export async function updateAward(
  db: Db,
  { actor, conferenceId, awardId, input }: Ctx & { awardId: string; input: UpdateAwardRequest },
): Promise<AwardView> {
  assertOrganiser(await conferenceAccess(db, actor, conferenceId));
  const { version, ...changes } = input;
  await checkRecipientUnit(db, changes.recipientUnitId);
  return db.transaction(async (tx) => {
    const current = await lockAward(tx, conferenceId, awardId);
    const [row] = await tx
      .update(conferenceAwards)
      .set({ ...changes, version: sql`${conferenceAwards.version} + 1` })
      .where(and(eq(conferenceAwards.id, awardId), eq(conferenceAwards.version, version)))
      .returning();
    if (!row) throw versionConflict("Khen thưởng");
    await recordAudit(tx, {
      actor,
      action: "conference.award.update",
      entityType: "conference_award",
      entityId: awardId,
      before: current,
      after: changes,
    });
    return presentAward(row);
  });
}

export async function deleteAward(db: Db, { actor, conferenceId, awardId, version }: Ctx & { awardId: string; version: number }) {
  assertOrganiser(await conferenceAccess(db, actor, conferenceId));
  await db.transaction(async (tx) => {
    await lockConference(tx, conferenceId);
    const current = await lockAward(tx, conferenceId, awardId);
    if (current.version !== version) throw versionConflict("Khen thưởng");
    await tx.delete(conferenceAwards).where(eq(conferenceAwards.id, awardId));
    await tx
      .update(conferenceAwards)
      .set({ stageOrder: sql`${conferenceAwards.stageOrder} - 1` })
      .where(and(eq(conferenceAwards.conferenceId, conferenceId), sql`${conferenceAwards.stageOrder} > ${current.stageOrder}`));
    await recordAudit(tx, { actor, action: "conference.award.delete", entityType: "conference_award", entityId: awardId, before: current });
  });
}

/** Sets the stage order; every award once, at the version the page saw. */
export async function reorderAwards(db: Db, { actor, conferenceId, input }: Ctx & { input: ReorderRequest }): Promise<AwardList> {
  assertOrganiser(await conferenceAccess(db, actor, conferenceId));
  await db.transaction(async (tx) => {
    await lockConference(tx, conferenceId);
    assertSameSet(await listAwardRows(tx, conferenceId), input, "khen thưởng");
    for (const [i, item] of input.items.entries())
      await tx
        .update(conferenceAwards)
        .set({ stageOrder: i + 1, version: sql`${conferenceAwards.version} + 1` })
        .where(eq(conferenceAwards.id, item.id));
    await recordAudit(tx, {
      actor,
      action: "conference.award.reorder",
      entityType: "conference",
      entityId: conferenceId,
      after: input.items.map((i) => i.id),
    });
  });
  return listAwards(db, { actor, conferenceId });
}
