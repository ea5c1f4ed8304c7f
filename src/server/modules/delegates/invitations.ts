import { and, desc, eq, sql } from "drizzle-orm";
import type { InvitationBatchView, InvitationProgress } from "../../../contracts/delegate-answers";
import { vietnamToday } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { delegates, invitationBatches } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { notFound, nothingToDo } from "../../platform/errors";
import { publish } from "../../platform/live";
import { formatDocumentNumber, issuerAbbreviation, takeNumber } from "../documents/register";
import { issuerNames } from "../organisations/queries";
import { findUnitRef } from "../organisations/views";
import { asOrganiser } from "./service";

/**
 * Invitation batches (Giấy mời hàng loạt): the organiser's request takes one number of the host's outgoing register
 * for the batch (the office issues one mass invitation, as on paper, `Số: 12/GM-UBND` on every copy), and queues a
 * row the job runner claims (`invitation-job.ts`). Its progress is kept on the row, so a reloaded page finds it,
 * and told on `conference:<id>` (`tellProgress`).
 */

export type BatchRow = typeof invitationBatches.$inferSelect;

export function presentBatch(b: BatchRow): InvitationBatchView {
  return {
    id: b.id,
    state: b.state,
    done: b.done,
    total: b.total,
    documentNumber: b.documentNumber,
    unitId: b.unitId,
    error: b.error,
    zipReady: b.zipFileId !== null,
    pdfReady: b.pdfFileId !== null,
    createdAt: b.createdAt.toISOString(),
  };
}

/** Tells the conference's open pages where a batch stands (`InvitationProgress`), as the caller's transaction commits. */
export const tellProgress = (db: Db, batch: Pick<BatchRow, "id" | "conferenceId">, progress: Omit<InvitationProgress, "batchId">) =>
  publish(db, { topic: `conference:${batch.conferenceId}`, type: "invitations.progress", data: { batchId: batch.id, ...progress } });

/** State layout for a host of the state tree, Party layout for one of the Party tree. */
export const layoutOf = (tree: string) => (tree === "party" ? ("party" as const) : ("state" as const));

export async function createInvitationBatch(
  db: Db,
  {
    actor,
    conferenceId,
    unitId,
    sendEmail,
    now = new Date(),
  }: { actor: Actor; conferenceId: string; unitId?: string | null; sendEmail: boolean; now?: Date },
): Promise<InvitationBatchView> {
  const access = await asOrganiser(db, actor, conferenceId);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int`.mapWith(Number) })
    .from(delegates)
    .where(and(eq(delegates.conferenceId, conferenceId), unitId ? eq(delegates.unitId, unitId) : undefined));
  if (total === 0)
    throw nothingToDo(
      unitId
        ? "Đơn vị này chưa có đại biểu nào trong danh sách; hãy thêm đại biểu trước khi in giấy mời."
        : "Hội nghị chưa có đại biểu nào; hãy nhập danh sách đại biểu trước khi in giấy mời.",
    );
  const host = await issuerNames(db, access.hostUnitId);
  const hostRef = await findUnitRef(db, access.hostUnitId);
  if (!host || !hostRef) throw notFound("Không tìm thấy đơn vị tổ chức hội nghị.");
  const date = vietnamToday(now);
  const row = await db.transaction(async (tx) => {
    const sequence = await takeNumber(tx, { issuerUnitId: access.hostUnitId, year: Number(date.slice(0, 4)), typeCode: "GM" });
    const documentNumber = formatDocumentNumber({
      layout: layoutOf(hostRef.tree),
      sequence,
      typeCode: "GM",
      issuer: issuerAbbreviation(host),
      office: "VP",
    });
    const [inserted] = await tx
      .insert(invitationBatches)
      .values({
        conferenceId,
        unitId: unitId ?? null,
        total,
        documentNumber,
        sendEmail,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "delegate.invitations",
      entityType: "conference",
      entityId: conferenceId,
      after: { documentNumber, total, unitId },
    });
    await tellProgress(tx, inserted, { state: "queued", done: 0, total });
    return inserted;
  });
  return presentBatch(row);
}

export async function listInvitationBatches(db: Db, { actor, conferenceId }: { actor: Actor; conferenceId: string }) {
  await asOrganiser(db, actor, conferenceId);
  const rows = await db
    .select()
    .from(invitationBatches)
    .where(eq(invitationBatches.conferenceId, conferenceId))
    .orderBy(desc(invitationBatches.createdAt))
    .limit(10);
  return { batches: rows.map(presentBatch) };
}

/** The stored file of a finished batch, for download (organisers only). */
export async function batchFileId(
  db: Db,
  { actor, conferenceId, batchId, kind }: { actor: Actor; conferenceId: string; batchId: string; kind: "zip" | "pdf" },
) {
  await asOrganiser(db, actor, conferenceId);
  const [row] = await db
    .select()
    .from(invitationBatches)
    .where(and(eq(invitationBatches.id, batchId), eq(invitationBatches.conferenceId, conferenceId)));
  const id = row ? (kind === "zip" ? row.zipFileId : row.pdfFileId) : null;
  if (!id) throw notFound("Giấy mời của đợt này chưa làm xong hoặc không có; hãy chờ thanh tiến độ đầy rồi tải lại.");
  return id;
}
