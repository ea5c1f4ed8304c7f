import { and, asc, eq, inArray, lt, or } from "drizzle-orm";
import { vietnamTimeText } from "../../../domain/dates/vietnam-time";
import { vietnamToday } from "../../../domain/deadlines/index";
import type { Database, Db } from "../../db/client";
import { invitationBatches } from "../../db/schema/index";
import { fileStoreOf, saveGeneratedFile } from "../../platform/files/store";
import type { Job } from "../../platform/jobs/scheduler";
import { delegateQrTokens } from "../checkin/keys";
import { conferenceFacts } from "../conferences/queries";
import { recordOutgoing } from "../documents/register";
import { queueEmails } from "../notifications/outbox";
import { issuerNames } from "../organisations/queries";
import { findUnitRef } from "../organisations/views";
import { defaultPlace } from "../plans/place";
import { seatOfDelegates } from "../seating/queries";
import { guestFileName, renderInvitations } from "./invitation-render";
import { type BatchRow, layoutOf, tellProgress } from "./invitations";
import { confirmationUrl, issueLinks } from "./links";
import { delegateRows } from "./queries";
import { groupNamesOf } from "./service";

/**
 * The invitation job: claims one queued batch with `FOR UPDATE SKIP LOCKED` (several processes never take the same
 * one; a batch left running by a process that died is taken again after 10 minutes), renders it, stores both files
 * and finishes the row in one transaction, telling `conference:<id>` at every step
 * (`invitations.progress` with the state and the count done, which the organiser's bar follows).
 */

const STALE_MS = 10 * 60 * 1000;

export async function claimBatch(db: Db, now: Date): Promise<BatchRow | undefined> {
  const stale = new Date(now.getTime() - STALE_MS);
  const next = db
    .select({ id: invitationBatches.id })
    .from(invitationBatches)
    .where(or(eq(invitationBatches.state, "queued"), and(eq(invitationBatches.state, "running"), lt(invitationBatches.updatedAt, stale))))
    .orderBy(asc(invitationBatches.createdAt))
    .limit(1)
    .for("update", { skipLocked: true });
  const [row] = await db
    .update(invitationBatches)
    .set({ state: "running", done: 0, updatedAt: now })
    .where(inArray(invitationBatches.id, next))
    .returning();
  return row;
}

export async function runBatch(database: Database, batch: BatchRow, now: Date): Promise<void> {
  const db = database.db;
  const facts = await conferenceFacts(db, batch.conferenceId);
  const host = facts ? await issuerNames(db, facts.hostUnitId) : undefined;
  const hostRef = facts ? await findUnitRef(db, facts.hostUnitId) : undefined;
  if (!facts || !host || !hostRef) throw new Error("conference or host unit gone");
  const { groups } = await groupNamesOf(db, batch.conferenceId);
  const dress = new Map(groups.map((g) => [g.id, g.dressCode]));
  const list = await delegateRows(db, batch.conferenceId, batch.unitId ? { unitId: batch.unitId } : {});
  const total = list.length;
  await tellProgress(db, batch, { state: "running", done: 0, total });
  // New personal links for this batch (earlier ones stay valid); the tokens live only in the letters.
  const tokens = await db.transaction((tx) =>
    issueLinks(
      tx,
      list.map((d) => d.id),
    ),
  );
  // The seat seating assigned, and the signed entry token the door verifies offline (check-in's key).
  const ids = list.map((d) => d.id);
  const [seats, entryTokens] = await Promise.all([
    seatOfDelegates(db, batch.conferenceId, ids),
    delegateQrTokens(db, batch.conferenceId, ids, now),
  ]);
  const date = vietnamToday(now);
  const letter = {
    layout: layoutOf(hostRef.tree),
    parentBody: host.parentName,
    issuer: host.name,
    number: batch.documentNumber,
    place: await defaultPlace(db, facts.hostUnitId),
    date,
    signer: { authority: `TM. ${host.name}`, title: "", rank: null, name: "" },
    conferenceTitle: facts.title,
    time: facts.startsAt ? vietnamTimeText(facts.startsAt) : "Ban tổ chức sẽ thông báo sau",
    venue: facts.venue || "Ban tổ chức sẽ thông báo sau",
  };
  const guests = list.map((d, i) => ({
    addressee: `Đồng chí ${d.fullName}`,
    position: [d.title, d.unitName].filter(Boolean).join(", "),
    dressCode: (d.groupId && dress.get(d.groupId)) || "",
    seat: seats.get(d.id)?.label ?? "",
    entryToken: entryTokens.get(d.id) ?? null,
    confirmUrl: confirmationUrl(tokens.get(d.id) ?? ""),
    fileName: guestFileName(i, d.fullName),
  }));
  const { zip, pdf } = await renderInvitations(letter, guests, async (done) => {
    await db.update(invitationBatches).set({ done, total, updatedAt: new Date() }).where(eq(invitationBatches.id, batch.id));
    await tellProgress(db, batch, { state: "running", done, total });
  });
  const store = await fileStoreOf(database);
  const safe = batch.documentNumber.replace(/[^A-Za-z0-9-]+/g, "-");
  await db.transaction(async (tx) => {
    const zipFileId = await saveGeneratedFile(tx, store, { fileName: `giay-moi-${safe}.zip`, mimeType: "application/zip", content: zip });
    const pdfFileId = await saveGeneratedFile(tx, store, { fileName: `giay-moi-${safe}.pdf`, mimeType: "application/pdf", content: pdf });
    await tx
      .update(invitationBatches)
      .set({ state: "done", done: list.length, total: list.length, zipFileId, pdfFileId, updatedAt: new Date() })
      .where(and(eq(invitationBatches.id, batch.id), eq(invitationBatches.state, "running")));
    await recordOutgoing(tx, {
      issuerUnitId: facts.hostUnitId,
      year: Number(date.slice(0, 4)),
      typeCode: "GM",
      sequence: Number.parseInt(batch.documentNumber, 10) || 0,
      number: batch.documentNumber,
      kind: "invitation",
      issuedOn: date,
      subject: `Giấy mời dự ${facts.title}`,
      planId: facts.planId,
      fileName: `giay-moi-${safe}.pdf`,
      file: pdf,
      createdBy: batch.createdBy,
    });
    if (batch.sendEmail)
      await queueEmails(
        tx,
        list
          .filter((d) => d.email)
          .map((d) => ({
            to: d.email,
            subject: `Giấy mời dự ${facts.title}`,
            body: `Kính gửi đồng chí ${d.fullName},\n\n${host.name} trân trọng kính mời đồng chí đến dự ${facts.title}.\nThời gian: ${letter.time}\nĐịa điểm: ${letter.venue}\n\nĐề nghị đồng chí xác báo tham dự tại: ${confirmationUrl(tokens.get(d.id) ?? "")}`,
          })),
      );
    await tellProgress(tx, batch, { state: "done", done: total, total });
  });
}

/** Runs queued batches one after another until none is left. */
export async function runInvitationBatches(
  database: Database,
  now: Date,
  log: (message: string, error?: unknown) => void,
): Promise<number> {
  let count = 0;
  for (let batch = await claimBatch(database.db, now); batch; batch = await claimBatch(database.db, new Date())) {
    try {
      await runBatch(database, batch, now);
      count += 1;
    } catch (error) {
      log(`giấy mời: đợt ${batch.id} lỗi`, error);
      await database.db
        .update(invitationBatches)
        .set({
          state: "failed",
          error: "Không tạo được giấy mời; hãy thử tạo lại. Nếu vẫn lỗi, báo quản trị hệ thống.",
          updatedAt: new Date(),
        })
        .where(eq(invitationBatches.id, batch.id));
      await tellProgress(database.db, batch, { state: "failed", done: 0, total: batch.total });
    }
  }
  return count;
}

export function invitationJobs({ database, intervalMs = 2000 }: { database: Database; intervalMs?: number }): Job[] {
  return [{ name: "giấy mời", intervalMs, run: async ({ now, log }) => void (await runInvitationBatches(database, now, log)) }];
}
