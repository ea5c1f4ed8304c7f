import { and, eq, sql } from "drizzle-orm";
import type { ObligationDetail, ObligationView } from "../../../contracts/obligations";
import { isLateSubmission } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { obligationEvents, obligations, submissions } from "../../db/schema/index";
import type { ObligationAction } from "../../db/schema/obligations";
import { type Actor, canManage } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { AppError, versionConflict } from "../../platform/errors";
import { type FileStore, saveFiles } from "../../platform/files/store";
import { notifyObligationAccepted, notifyObligationReturned, notifyObligationSubmitted } from "../notifications/notify";
import { tasksWithReportForm } from "../reports/queries";
import type { CheckedFile } from "./files";
import { assertCanReview, assertCanSubmit, canReadObligation, canReview, canSubmit } from "./policy";
import { presentObligation, presentObligationDetail } from "./presenter";
import * as q from "./queries";

const hidden = () => new AppError("NOT_FOUND", "Không tìm thấy việc cần làm hoặc bạn không có quyền xem.");

/** An obligation with its history and submissions, for the unit's users and the plan's managers. */
export async function getObligation(db: Db, actor: Actor, id: string): Promise<ObligationDetail> {
  const o = await q.loadObligation(db, id).catch(() => null);
  if (!o || !canReadObligation(actor, o)) throw hidden();
  const [events, subs, forms] = await Promise.all([q.listEvents(db, id), q.listSubmissions(db, id), tasksWithReportForm(db, [o.taskId])]);
  return presentObligationDetail(o, events, subs, {
    canSubmit: canSubmit(actor, o),
    canReview: canReview(actor, o),
    canPlan: canManage(actor, o.unitPath),
    hasReportForm: forms.has(o.taskId),
  });
}

/** Locks the obligation for the transition; the caller's rule then answers 403 for a unit not one's own. */
async function lockForChange(tx: Db, id: string): Promise<q.ObligationContext> {
  return q.loadObligation(tx, id, true);
}

/** Moves the obligation when its version still matches and appends the event, in the caller's transaction. */
async function transition(
  tx: Db,
  o: q.ObligationContext,
  change: Partial<typeof obligations.$inferInsert>,
  event: { actorId: string; action: ObligationAction; note?: string | null; at: Date },
  version = o.version,
): Promise<void> {
  const [row] = await tx
    .update(obligations)
    .set({ ...change, updatedAt: event.at, version: sql`${obligations.version} + 1` })
    .where(and(eq(obligations.id, o.id), eq(obligations.version, version)))
    .returning({ id: obligations.id });
  if (!row) throw versionConflict("Việc cần làm");
  await tx
    .insert(obligationEvents)
    .values({ obligationId: o.id, at: event.at, actorId: event.actorId, action: event.action, note: event.note ?? null });
}

export interface SubmitOptions {
  actor: Actor;
  obligationId: string;
  text: string;
  files: CheckedFile[];
  /** Where the files' bytes go; needed when there are files. */
  store?: FileStore;
  now?: Date;
}

/**
 * A unit hands in its work: text and files commit together with the status change, or not at all.
 * A returned obligation becomes "resubmitted"; a submission after the deadline marks it late for good.
 */
export async function submit(
  db: Db,
  { actor, obligationId, text, files, store, now = new Date() }: SubmitOptions,
): Promise<ObligationView> {
  if (!text.trim() && files.length === 0)
    throw new AppError("VALIDATION", "Hãy nhập nội dung hoặc đính kèm ít nhất một tệp trước khi nộp.");
  return db.transaction(async (tx) => {
    const o = await lockForChange(tx, obligationId);
    assertCanSubmit(actor, o);
    const late = isLateSubmission(now, o.dueAt);
    const [sub] = await tx
      .insert(submissions)
      .values({ obligationId, text: text.trim(), submittedBy: actor.userId, submittedAt: now, late })
      .returning();
    if (files.length) {
      if (!store) throw new Error("submit: files without a store");
      await saveFiles(
        tx,
        store,
        files.map((f) => ({ ...f, submissionId: sub.id, createdAt: now })),
      );
    }
    const action = o.status === "returned" ? "resubmitted" : "submitted";
    await transition(
      tx,
      o,
      { status: "submitted", submittedAt: now, lateSubmission: o.lateSubmission || late, returnedReason: null },
      { actorId: actor.userId, action, note: late ? "Nộp sau hạn" : null, at: now },
    );
    await recordAudit(tx, {
      actor,
      action: `obligation.${action}`,
      entityType: "obligation",
      entityId: o.id,
      after: { submissionId: sub.id, files: files.length, late },
    });
    await notifyObligationSubmitted(tx, { obligationId: o.id, actorId: actor.userId, now });
    return presentObligation(await q.loadObligation(tx, o.id), now);
  });
}

export interface ReviewOptions {
  actor: Actor;
  obligationId: string;
  version: number;
  now?: Date;
}

/** Sends a submission back with a reason; the unit then owes it again (and it can become overdue). */
export async function returnObligation(
  db: Db,
  { actor, obligationId, version, reason, now = new Date() }: ReviewOptions & { reason: string },
): Promise<ObligationView> {
  return db.transaction(async (tx) => {
    const o = await lockForChange(tx, obligationId);
    assertCanReview(actor, o, await q.latestSubmitter(tx, o.id), "trả lại");
    await transition(
      tx,
      o,
      { status: "returned", returnedReason: reason },
      { actorId: actor.userId, action: "returned", note: reason, at: now },
      version,
    );
    await recordAudit(tx, { actor, action: "obligation.return", entityType: "obligation", entityId: o.id, after: { reason } });
    await notifyObligationReturned(tx, { obligationId: o.id, actorId: actor.userId, now });
    return presentObligation(await q.loadObligation(tx, o.id), now);
  });
}

/** Accepts a submission; a late one stays marked late. */
export async function acceptObligation(db: Db, { actor, obligationId, version, now = new Date() }: ReviewOptions): Promise<ObligationView> {
  return db.transaction(async (tx) => {
    const o = await lockForChange(tx, obligationId);
    assertCanReview(actor, o, await q.latestSubmitter(tx, o.id), "tiếp nhận");
    await transition(tx, o, { status: "accepted", acceptedAt: now }, { actorId: actor.userId, action: "accepted", at: now }, version);
    await recordAudit(tx, { actor, action: "obligation.accept", entityType: "obligation", entityId: o.id });
    await notifyObligationAccepted(tx, { obligationId: o.id, actorId: actor.userId, now });
    return presentObligation(await q.loadObligation(tx, o.id), now);
  });
}

/** A stored file, for whoever may read the obligation it was submitted to. */
export async function downloadFile(db: Db, actor: Actor, fileId: string) {
  const row = await q.findStoredFile(db, fileId);
  const o = row ? await q.loadObligation(db, row.obligationId).catch(() => null) : null;
  if (!row || !o || !canReadObligation(actor, o))
    throw new AppError("NOT_FOUND", "Không tìm thấy tệp hoặc bạn không có quyền tải tệp này.");
  return row.file;
}

/** What the units of a plan owe and should be urged for (overdue, or returned): `await listObligationsToUrge(db, planId)`. */
export async function listObligationsToUrge(db: Db, planId: string, now: Date = new Date()) {
  return q.owedLateOrReturned(db, planId, now);
}
