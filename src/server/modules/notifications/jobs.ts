import type { Job } from "../../platform/jobs/scheduler";
import { type MailTransport, sendPendingEmails, smtpTransport } from "./outbox";
import { runReminders } from "./reminders";

/**
 * The notifications module's background work: deadline reminders every minute, and, where `SMTP_URL` is set,
 * the e-mail outbox. Both are safe with several processes on one PostgreSQL (reminders claim by primary key,
 * the outbox with `SKIP LOCKED`).
 */
export function notificationJobs({ smtpUrl, intervalMs = 60_000 }: { smtpUrl?: string; intervalMs?: number }): Job[] {
  const reminders: Job = {
    name: "nhắc hạn",
    intervalMs,
    run: async ({ db, now, log }) => {
      const result = await runReminders(db, now, { email: Boolean(smtpUrl) });
      if (result.delivered > 0)
        log(`nhắc hạn: đã gửi ${result.delivered} lời nhắc (${result.notifications} thông báo, ${result.emails} e-mail)`);
    },
  };
  if (!smtpUrl) return [reminders];
  let transport: Promise<MailTransport> | undefined;
  const email: Job = {
    name: "gửi e-mail",
    intervalMs,
    run: async ({ db }) => {
      await sendPendingEmails(db, await (transport ??= smtpTransport(smtpUrl)));
    },
  };
  return [reminders, email];
}
