/**
 * Telling people what happened to their work: one function per event, called by the service that made the
 * change, inside its transaction (`await notifyObligationSubmitted(tx, { obligationId, actorId })`). Each writes
 * in-app notifications (one per person, grouped per plan, never to the person who acted), queues an e-mail for
 * those who gave an address when SMTP is configured, and publishes a live event per notification, which
 * reaches open pages only after the transaction commits.
 */
import { formatDeadline } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { emailOutbox, notifications } from "../../db/schema/index";
import type { NotificationKind } from "../../db/schema/notifications";
import { publish } from "../../platform/live/index";
import { type ObligationFacts, obligationFacts } from "../obligations/facts";
import { planManagers, type Recipient, unitPeople } from "./queries";

/** E-mails are queued only where a sender runs (`SMTP_URL`); otherwise they would wait forever. */
const emailEnabled = () => Boolean(process.env.SMTP_URL);

interface Message {
  recipient: Recipient;
  kind: NotificationKind;
  title: string;
  body: string;
  planId: string;
  obligationId: string | null;
}

const planLabel = (f: Pick<ObligationFacts, "planNumber" | "planTitle">) =>
  `${f.planNumber ? `Kế hoạch số ${f.planNumber}` : "Kế hoạch"} “${f.planTitle.replace(/\s+/g, " ").trim()}”`;
const due = (f: Pick<ObligationFacts, "dueDate" | "dueTime">) => formatDeadline(f.dueDate, f.dueTime);
const quote = (what: string) => `«${what.length > 120 ? `${what.slice(0, 117)}…` : what}»`;
const namesOf = (list: string[]) => [...new Set(list)].join(", ");

/** A few items then "và N nhiệm vụ khác", so a plan of 40 tasks stays one readable notification. */
function itemList(facts: ObligationFacts[], show = 3): string {
  const lines = facts.slice(0, show).map((f) => `${quote(f.what)} (hạn ${due(f)})`);
  const rest = facts.length - show;
  return `${lines.join("; ")}${rest > 0 ? `; và ${rest} nhiệm vụ khác` : ""}`;
}

/** Groups obligations by the people of their units: `Map<userId, { recipient, facts }>`, the actor left out. */
async function perPerson(tx: Db, facts: ObligationFacts[], actorId: string | null) {
  const people = await unitPeople(tx, [...new Set(facts.map((f) => f.unitId))]);
  const out = new Map<string, { recipient: Recipient; facts: ObligationFacts[] }>();
  for (const p of people) {
    if (p.userId === actorId) continue;
    const entry = out.get(p.userId) ?? { recipient: p, facts: [] };
    entry.facts.push(...facts.filter((f) => f.unitId === p.unitId && !entry.facts.includes(f)));
    out.set(p.userId, entry);
  }
  return [...out.values()];
}

async function deliver(tx: Db, messages: Message[], now: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = await tx
    .insert(notifications)
    .values(
      messages.map((m) => ({
        userId: m.recipient.userId,
        unitId: m.recipient.unitId,
        planId: m.planId,
        obligationId: m.obligationId,
        kind: m.kind,
        title: m.title,
        body: m.body,
        createdAt: now,
      })),
    )
    .returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind });
  if (emailEnabled()) {
    const mails = messages
      .filter((m) => m.recipient.email)
      .map((m) => ({ to: m.recipient.email as string, subject: `[kehoach] ${m.title}`, body: `${m.body}\n\n— kehoach`, createdAt: now }));
    if (mails.length) await tx.insert(emailOutbox).values(mails);
  }
  await publish(
    tx,
    rows.map((r, i) => ({
      topic: `user:${r.userId}`,
      type: "notification",
      data: { notificationId: r.id, kind: r.kind, planId: messages[i].planId, obligationId: messages[i].obligationId },
    })),
  );
  return rows.length;
}

export interface EventOptions {
  actorId: string | null;
  now?: Date;
}

/**
 * A plan was issued (or a task added to an issued one, with `taskId`): each person of each assigned unit gets
 * one notification for the plan, listing what their units owe, however many obligations that is.
 */
export async function notifyObligationsAssigned(
  tx: Db,
  { planId, taskId, actorId, now = new Date() }: EventOptions & { planId: string; taskId?: string },
) {
  const facts = await obligationFacts(tx, { planId, taskId });
  const messages: Message[] = (await perPerson(tx, facts, actorId)).map(({ recipient, facts: mine }) => {
    const f = mine[0];
    return {
      recipient,
      kind: "obligation.assigned",
      title: `Nhiệm vụ mới: ${planLabel(f)}`,
      body: `${f.issuerName} giao cho ${namesOf(mine.map((m) => m.unitName))} ${mine.length} nhiệm vụ theo ${planLabel(f)}: ${itemList(mine)}.`,
      planId,
      obligationId: mine.length === 1 ? f.obligationId : null,
    };
  });
  return deliver(tx, messages, now);
}

/** A unit handed in its work: the plan's managers are told, with the unit's name and whether it was late. */
export async function notifyObligationSubmitted(
  tx: Db,
  { obligationId, actorId, now = new Date() }: EventOptions & { obligationId: string },
) {
  const [f] = await obligationFacts(tx, { obligationIds: [obligationId] });
  if (!f) return 0;
  const managers = (await planManagers(tx, f.issuerUnitId, f.planCreatedBy)).filter((m) => m.userId !== actorId);
  const late = f.lateSubmission ? " Bài nộp sau hạn." : "";
  return deliver(
    tx,
    managers.map((recipient) => ({
      recipient,
      kind: "obligation.submitted",
      title: `${f.unitName} đã nộp: ${f.what}`,
      body: `${f.unitName} đã nộp ${quote(f.what)} (hạn ${due(f)}) theo ${planLabel(f)}.${late} Hãy xem xét để tiếp nhận hoặc trả lại.`,
      planId: f.planId,
      obligationId,
    })),
    now,
  );
}

async function toUnit(
  tx: Db,
  obligationId: string,
  actorId: string | null,
  now: Date,
  compose: (f: ObligationFacts) => Pick<Message, "kind" | "title" | "body">,
) {
  const [f] = await obligationFacts(tx, { obligationIds: [obligationId] });
  if (!f) return 0;
  const people = (await unitPeople(tx, [f.unitId])).filter((p) => p.userId !== actorId);
  const message = compose(f);
  return deliver(
    tx,
    people.map((recipient) => ({ recipient, ...message, planId: f.planId, obligationId })),
    now,
  );
}

/** The submission was sent back: the unit's people are told why and by when to send it again. */
export async function notifyObligationReturned(
  tx: Db,
  { obligationId, actorId, now = new Date() }: EventOptions & { obligationId: string },
) {
  return toUnit(tx, obligationId, actorId, now, (f) => ({
    kind: "obligation.returned",
    title: `Bị trả lại: ${f.what}`,
    body: `${f.issuerName} trả lại bài nộp của ${f.unitName} cho ${quote(f.what)} theo ${planLabel(f)}. Lý do: ${f.returnedReason ?? "không ghi"}. Hãy sửa và nộp lại (hạn ${due(f)}).`,
  }));
}

/** The submission was accepted: the unit's people are told the work is done. */
export async function notifyObligationAccepted(
  tx: Db,
  { obligationId, actorId, now = new Date() }: EventOptions & { obligationId: string },
) {
  return toUnit(tx, obligationId, actorId, now, (f) => ({
    kind: "obligation.accepted",
    title: `Đã tiếp nhận: ${f.what}`,
    body: `${f.issuerName} đã tiếp nhận bài nộp của ${f.unitName} cho ${quote(f.what)} theo ${planLabel(f)}. Nhiệm vụ đã hoàn thành.`,
  }));
}

/**
 * A task's deadline moved on an issued plan (call after the obligations carry the new one): the people of
 * every unit still owing it are told the old and the new deadline.
 */
export async function notifyDeadlineChanged(
  tx: Db,
  { taskId, before, actorId, now = new Date() }: EventOptions & { taskId: string; before: { dueDate: string; dueTime: string | null } },
) {
  const facts = (await obligationFacts(tx, { taskId })).filter((f) => f.status !== "accepted");
  const messages: Message[] = (await perPerson(tx, facts, actorId)).map(({ recipient, facts: mine }) => {
    const f = mine[0];
    return {
      recipient,
      kind: "obligation.deadline",
      title: `Đổi hạn: ${f.what}`,
      body: `Hạn của ${quote(f.what)} theo ${planLabel(f)} (${namesOf(mine.map((m) => m.unitName))}) đổi từ ${due(before)} thành ${due(f)}.`,
      planId: f.planId,
      obligationId: mine.length === 1 ? f.obligationId : null,
    };
  });
  return deliver(tx, messages, now);
}

/** An urging letter was made: the people of each late unit are told what they still owe and by when. */
export async function notifyUnitsUrged(tx: Db, { obligationIds, actorId, now = new Date() }: EventOptions & { obligationIds: string[] }) {
  if (obligationIds.length === 0) return 0;
  const facts = await obligationFacts(tx, { obligationIds });
  const messages: Message[] = (await perPerson(tx, facts, actorId)).map(({ recipient, facts: mine }) => {
    const f = mine[0];
    return {
      recipient,
      kind: "obligation.urged",
      title: `Đôn đốc: ${planLabel(f)}`,
      body: `${f.issuerName} đôn đốc ${namesOf(mine.map((m) => m.unitName))} thực hiện ${planLabel(f)}; còn ${mine.length} nhiệm vụ chưa xong: ${itemList(mine)}. Hãy gửi kết quả ngay.`,
      planId: f.planId,
      obligationId: mine.length === 1 ? f.obligationId : null,
    };
  });
  return deliver(tx, messages, now);
}
