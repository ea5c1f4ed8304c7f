import type { Db } from "../../db/client";
import { type MailTransport, sendPendingEmails, smtpTransport } from "../../modules/notifications/outbox";
import { runReminders } from "../../modules/notifications/reminders";

export interface JobsOptions {
  db: Db;
  log: (message: string, error?: unknown) => void;
  /** `SMTP_URL`; without it reminders are in-app only and no e-mail is queued. */
  smtpUrl?: string;
  intervalMs?: number;
}

export interface RunningJobs {
  /** Stops the timer and waits for a tick in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs the reminder runner and the e-mail sender every minute. Ticks never overlap in one process; several
 * processes may tick at once, which the runner and the sender are built for.
 */
export function startJobs({ db, log, smtpUrl, intervalMs = 60_000 }: JobsOptions): RunningJobs {
  let transport: Promise<MailTransport> | undefined;
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = async () => {
    try {
      const result = await runReminders(db, new Date(), { email: Boolean(smtpUrl) });
      if (result.delivered > 0)
        log(`nhắc hạn: đã gửi ${result.delivered} lời nhắc (${result.notifications} thông báo, ${result.emails} e-mail)`);
      if (smtpUrl) await sendPendingEmails(db, await (transport ??= smtpTransport(smtpUrl)));
    } catch (error) {
      log("nhắc hạn: lỗi khi chạy, sẽ thử lại ở lượt sau", error);
    }
  };
  const trigger = () => {
    if (stopped || running !== null) return;
    running = tick().finally(() => {
      running = null;
    });
  };
  const first = setTimeout(trigger, 1_000);
  const timer = setInterval(trigger, intervalMs);
  timer.unref();
  first.unref();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      if (await running) await running;
    },
  };
}
