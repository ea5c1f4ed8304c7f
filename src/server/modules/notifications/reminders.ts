import { asc, eq } from "drizzle-orm";
import { timeLeft } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { emailOutbox, notifications, reminderDeliveries } from "../../db/schema/index";
import { deadlineText } from "../../platform/documents/format";
import { publish } from "../../platform/live/index";
import { type ReminderCandidate, reminderCandidates } from "../obligations/facts";
import { unitPeople } from "./queries";
import { DEFAULT_SCHEDULE, type DueReminder, dueReminder, HORIZON_DAYS } from "./schedule";

export interface RunRemindersOptions {
  /** Queue e-mails too (only when SMTP is configured). */
  email?: boolean;
  /** Obligations per transaction; each batch commits on its own so a crash loses at most one batch of work, never a delivery. */
  batchSize?: number;
  /** Called after each batch commits with the running total delivered (progress logs; the crash test). */
  onBatch?: (delivered: number) => void;
}

export interface RunRemindersResult {
  /** Reminders claimed and delivered by this run. */
  delivered: number;
  notifications: number;
  emails: number;
}

/**
 * Sends every reminder due at `now`: for each still-owed obligation of an issued plan, the key of the reminder due
 * (see `dueReminder`) is inserted into reminder_deliveries with ON CONFLICT DO NOTHING, and only the rows this run
 * inserted get notifications (and e-mails), in the same transaction. So several runners on one PostgreSQL deliver
 * each reminder once (the primary key decides), and a run killed mid-way leaves only whole batches behind.
 */
export async function runReminders(db: Db, now: Date, options: RunRemindersOptions = {}): Promise<RunRemindersResult> {
  const batchSize = options.batchSize ?? 500;
  const horizon = new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
  const result: RunRemindersResult = { delivered: 0, notifications: 0, emails: 0 };
  let afterId: string | null = null;
  for (;;) {
    const page = await reminderCandidates(db, { horizon, afterId, limit: batchSize });
    if (page.length === 0) break;
    afterId = page[page.length - 1].obligationId;
    const due = page.flatMap((c) => {
      const reminder = dueReminder(c.dueAt, c.schedule ?? DEFAULT_SCHEDULE, now);
      return reminder ? [{ candidate: c, reminder }] : [];
    });
    if (due.length > 0) {
      const done = await deliverBatch(db, due, now, options.email ?? false);
      result.delivered += done.delivered;
      result.notifications += done.notifications;
      result.emails += done.emails;
      options.onBatch?.(result.delivered);
    }
    if (page.length < batchSize) break;
  }
  return result;
}

interface Due {
  candidate: ReminderCandidate;
  reminder: DueReminder;
}

async function deliverBatch(db: Db, due: Due[], now: Date, email: boolean): Promise<RunRemindersResult> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(reminderDeliveries)
      .values(due.map((d) => ({ obligationId: d.candidate.obligationId, key: d.reminder.key, deliveredAt: now })))
      .onConflictDoNothing()
      .returning({ obligationId: reminderDeliveries.obligationId, key: reminderDeliveries.key });
    if (claimed.length === 0) return { delivered: 0, notifications: 0, emails: 0 };
    const won = new Set(claimed.map((c) => `${c.obligationId}|${c.key}`));
    const mine = due.filter((d) => won.has(`${d.candidate.obligationId}|${d.reminder.key}`));
    const recipients = await unitPeople(tx, [...new Set(mine.map((d) => d.candidate.unitId))]);
    const byUnit = new Map<string, typeof recipients>();
    for (const r of recipients) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
    const notes: Array<typeof notifications.$inferInsert> = [];
    const mails: Array<typeof emailOutbox.$inferInsert> = [];
    for (const { candidate: c, reminder } of mine) {
      const message = reminderMessage(c, reminder, now);
      for (const r of byUnit.get(c.unitId) ?? []) {
        notes.push({
          userId: r.userId,
          unitId: c.unitId,
          obligationId: c.obligationId,
          planId: c.planId,
          kind: reminder.kind,
          ...message,
          createdAt: now,
        });
        if (email && r.email) mails.push({ to: r.email, subject: `[kehoach] ${message.title}`, body: message.body, createdAt: now });
      }
    }
    // Chunks keep each statement under PostgreSQL's 65,535 bind parameters.
    for (let i = 0; i < notes.length; i += 2000) {
      const rows = await tx
        .insert(notifications)
        .values(notes.slice(i, i + 2000))
        .returning({
          id: notifications.id,
          userId: notifications.userId,
          kind: notifications.kind,
          obligationId: notifications.obligationId,
        });
      // Open pages hear of each reminder once this batch commits.
      await publish(
        tx,
        rows.map((r) => ({
          topic: `user:${r.userId}`,
          type: "notification",
          data: { notificationId: r.id, kind: r.kind, obligationId: r.obligationId },
        })),
      );
    }
    for (let i = 0; i < mails.length; i += 2000) await tx.insert(emailOutbox).values(mails.slice(i, i + 2000));
    return { delivered: claimed.length, notifications: notes.length, emails: mails.length };
  });
}

/** The Vietnamese title and body of one reminder. */
export function reminderMessage(c: ReminderCandidate, reminder: DueReminder, now: Date): { title: string; body: string } {
  const plan = c.planNumber ? `Kế hoạch số ${c.planNumber}` : "Kế hoạch";
  const deadline = deadlineText(c.dueDate, c.dueTime);
  const left = timeLeft(c.dueAt, now).label;
  if (reminder.kind === "reminder.before") {
    return {
      title: `Sắp đến hạn: ${c.what}`,
      body: `${c.unitName}: hạn ${deadline} (${left}) theo ${plan} "${c.planTitle}". Hãy gửi kết quả trước hạn.`,
    };
  }
  return {
    title: `Quá hạn: ${c.what}`,
    body: `${c.unitName}: đã quá hạn ${deadline} (${left}) theo ${plan} "${c.planTitle}". Hãy gửi kết quả ngay hoặc báo cáo lý do chậm.`,
  };
}

/** Reminders already delivered for an obligation, oldest first (for tests and the history view). */
export async function deliveredKeys(db: Db, obligationId: string): Promise<string[]> {
  const rows = await db
    .select({ key: reminderDeliveries.key })
    .from(reminderDeliveries)
    .where(eq(reminderDeliveries.obligationId, obligationId))
    .orderBy(asc(reminderDeliveries.deliveredAt), asc(reminderDeliveries.key));
  return rows.map((r) => r.key);
}
