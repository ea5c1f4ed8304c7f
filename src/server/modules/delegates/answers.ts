import { and, desc, eq } from "drizzle-orm";
import type { AnswerRequest, ConfirmationPage, ConfirmationTally, RemindReport } from "../../../contracts/delegate-answers";
import { AnswerRequest as AnswerSchema } from "../../../contracts/delegate-answers";
import { vietnamShort } from "../../../domain/dates/vietnam-time";
import { compareVi } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { delegateAnswers, delegateSettings } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { AppError, invalidState } from "../../platform/errors";
import { publish } from "../../platform/live";
import { conferenceFacts } from "../conferences/queries";
import { queueEmails } from "../notifications/outbox";
import { confirmationUrl, delegateOfToken, issueLinks } from "./links";
import { confirmBy, delegateRows, lockDelegate, standingAnswers } from "./queries";
import { asOrganiser, groupNamesOf } from "./service";

/**
 * Confirmation (xác báo): every answer is kept; the latest given before the deadline stands. The deadline is the
 * organiser's (before the conference's start, or refused), else the conference's start; after it the page shows the
 * answer and refuses a change (409).
 */

async function deadlineOf(db: Db, conferenceId: string): Promise<Date | null> {
  return (await confirmBy(db, conferenceId)) ?? (await conferenceFacts(db, conferenceId))?.startsAt ?? null;
}

async function pageOf(db: Db, delegateId: string, conferenceId: string, now: Date): Promise<ConfirmationPage> {
  const facts = await conferenceFacts(db, conferenceId);
  const deadline = await deadlineOf(db, conferenceId);
  const [delegate] = await delegateRows(db, conferenceId, {}).then((rows) => rows.filter((r) => r.id === delegateId));
  const [answer] = await db
    .select()
    .from(delegateAnswers)
    .where(and(eq(delegateAnswers.delegateId, delegateId)))
    .orderBy(desc(delegateAnswers.answeredAt), desc(delegateAnswers.id))
    .limit(1);
  return {
    fullName: delegate.fullName,
    title: delegate.title,
    unitName: delegate.unitName,
    conference: {
      title: facts?.title ?? "",
      startsAt: facts?.startsAt?.toISOString() ?? null,
      endsAt: facts?.endsAt?.toISOString() ?? null,
      venue: facts?.venue ?? "",
    },
    answer: answer
      ? {
          answer: answer.answer,
          reason: answer.reason,
          substituteName: answer.substituteName,
          substituteTitle: answer.substituteTitle,
          answeredAt: answer.answeredAt.toISOString(),
        }
      : null,
    confirmBy: deadline?.toISOString() ?? null,
    open: !deadline || now <= deadline,
  };
}

export async function confirmationPage(db: Db, { token, now = new Date() }: { token: string; now?: Date }): Promise<ConfirmationPage> {
  const delegate = await delegateOfToken(db, token);
  return pageOf(db, delegate.id, delegate.conferenceId, now);
}

export async function answerConfirmation(db: Db, { token, input, now = new Date() }: { token: string; input: AnswerRequest; now?: Date }) {
  const delegate = await delegateOfToken(db, token);
  const parsed = AnswerSchema.parse(input);
  const deadline = await deadlineOf(db, delegate.conferenceId);
  await db.transaction(async (tx) => {
    // Two answers at once from the same delegate are taken one after the other; the later one stands.
    await lockDelegate(tx, delegate.conferenceId, delegate.id);
    if (deadline && now > deadline)
      throw invalidState(
        `Đã hết hạn xác báo (${vietnamShort(deadline)}); câu trả lời đã ghi được giữ nguyên. Nếu cần thay đổi, hãy liên hệ trực tiếp ban tổ chức hội nghị.`,
      );
    await tx.insert(delegateAnswers).values({
      delegateId: delegate.id,
      answer: parsed.answer,
      reason: parsed.answer === "absent" ? parsed.reason : "",
      substituteName: parsed.answer === "substitute" ? parsed.substituteName : "",
      substituteTitle: parsed.answer === "substitute" ? parsed.substituteTitle : "",
      answeredAt: now,
    });
    await publish(tx, { topic: `conference:${delegate.conferenceId}`, type: "delegate.answered", data: { delegateId: delegate.id } });
  });
  return pageOf(db, delegate.id, delegate.conferenceId, now);
}

type Counts = { attending: number; absent: number; substitute: number; none: number; total: number };
const zero = (): Counts => ({ attending: 0, absent: 0, substitute: 0, none: 0, total: 0 });

export async function confirmationTally(
  db: Db,
  { actor, conferenceId }: { actor: Actor; conferenceId: string },
): Promise<ConfirmationTally> {
  await asOrganiser(db, actor, conferenceId);
  const deadline = await deadlineOf(db, conferenceId);
  const { groups, groupNames } = await groupNamesOf(db, conferenceId);
  const answers = await standingAnswers(db, conferenceId, deadline);
  const totals = zero();
  const byGroup = new Map<string, { label: string; counts: Counts }>();
  const byUnit = new Map<string, { label: string; counts: Counts }>();
  for (const g of groups) byGroup.set(g.id, { label: g.name, counts: zero() });
  for (const d of await delegateRows(db, conferenceId)) {
    const kind = answers.get(d.id)?.answer ?? "none";
    const groupKey = d.groupId ?? "";
    const unitKey = d.unitId ?? `name:${d.unitName}`;
    if (!byGroup.has(groupKey))
      byGroup.set(groupKey, { label: (d.groupId && groupNames.get(d.groupId)) || "Chưa xếp nhóm", counts: zero() });
    if (!byUnit.has(unitKey)) byUnit.set(unitKey, { label: d.unitName || "Chưa ghi đơn vị", counts: zero() });
    for (const c of [totals, byGroup.get(groupKey)?.counts, byUnit.get(unitKey)?.counts])
      if (c) {
        c[kind] += 1;
        c.total += 1;
      }
  }
  const rows = (m: Map<string, { label: string; counts: Counts }>) => [...m].map(([key, v]) => ({ key, label: v.label, ...v.counts }));
  return {
    confirmBy: (await confirmBy(db, conferenceId))?.toISOString() ?? null,
    open: !deadline || new Date() <= deadline,
    totals,
    byGroup: rows(byGroup).filter((r) => r.total > 0 || r.key !== ""),
    byUnit: rows(byUnit).sort((a, b) => compareVi(a.label, b.label)),
  };
}

export async function setConfirmationDeadline(
  db: Db,
  { actor, conferenceId, at }: { actor: Actor; conferenceId: string; at: string | null },
) {
  await asOrganiser(db, actor, conferenceId);
  const value = at ? new Date(at) : null;
  // A deadline in the past is allowed (it closes the answers); one after the opening would take answers mid-conference.
  const startsAt = (await conferenceFacts(db, conferenceId))?.startsAt ?? null;
  if (value && startsAt && value > startsAt)
    throw new AppError(
      "VALIDATION",
      `Hạn xác báo phải trước giờ khai mạc hội nghị (${vietnamShort(startsAt)}). Hãy chọn một thời điểm sớm hơn.`,
    );
  await db.transaction(async (tx) => {
    await tx
      .insert(delegateSettings)
      .values({ conferenceId, confirmBy: value })
      .onConflictDoUpdate({ target: delegateSettings.conferenceId, set: { confirmBy: value, updatedAt: new Date() } });
    await recordAudit(tx, {
      actor,
      action: "delegate.confirm-by",
      entityType: "conference",
      entityId: conferenceId,
      after: { confirmBy: at },
    });
  });
  return confirmationTally(db, { actor, conferenceId });
}

/**
 * Reminds every delegate without an answer who has an e-mail address: a new personal link each (the old ones stay
 * valid), queued in the outbox. Delegates without an address are counted, for the office to phone.
 */
export async function remindUnanswered(db: Db, { actor, conferenceId }: { actor: Actor; conferenceId: string }): Promise<RemindReport> {
  await asOrganiser(db, actor, conferenceId);
  const facts = await conferenceFacts(db, conferenceId);
  const deadline = await deadlineOf(db, conferenceId);
  if (deadline && new Date() > deadline)
    throw invalidState("Đã hết hạn xác báo nên không gửi nhắc nữa. Hãy gia hạn xác báo nếu vẫn cần nhắc.");
  const answers = await standingAnswers(db, conferenceId, deadline);
  const silent = (await delegateRows(db, conferenceId)).filter((d) => !answers.has(d.id));
  const withEmail = silent.filter((d) => d.email);
  const emailDisabled = !process.env.SMTP_URL;
  let emailed = 0;
  if (!emailDisabled && withEmail.length)
    await db.transaction(async (tx) => {
      const tokens = await issueLinks(
        tx,
        withEmail.map((d) => d.id),
      );
      emailed = await queueEmails(
        tx,
        withEmail.map((d) => ({
          to: d.email,
          subject: `Đề nghị xác báo dự ${facts?.title ?? "hội nghị"}`,
          body: `Kính gửi ${d.title ? `${d.title} ` : ""}${d.fullName},\n\nBan tổ chức chưa nhận được xác báo của đồng chí về việc dự ${facts?.title ?? "hội nghị"}${deadline ? ` (hạn xác báo ${vietnamShort(deadline)})` : ""}.\nĐề nghị đồng chí xác báo tại: ${confirmationUrl(tokens.get(d.id) ?? "")}`,
        })),
      );
      await recordAudit(tx, { actor, action: "delegate.remind", entityType: "conference", entityId: conferenceId, after: { emailed } });
    });
  return { emailed, withoutEmail: silent.length - withEmail.length, emailDisabled };
}

/** A new personal link for one delegate (the office sends it by SMS or Zalo); only its hash is kept. */
export async function newPersonalLink(
  db: Db,
  { actor, conferenceId, delegateId }: { actor: Actor; conferenceId: string; delegateId: string },
) {
  await asOrganiser(db, actor, conferenceId);
  return db.transaction(async (tx) => {
    await lockDelegate(tx, conferenceId, delegateId);
    const tokens = await issueLinks(tx, [delegateId]);
    await recordAudit(tx, { actor, action: "delegate.link", entityType: "delegate", entityId: delegateId });
    return { path: `/xac-bao/${tokens.get(delegateId)}` };
  });
}
