import { and, asc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { emailOutbox } from "../../db/schema/index";

/** Anything that can deliver one plain-text e-mail (nodemailer in production, a recorder in tests). */
export interface MailTransport {
  send(mail: { to: string; subject: string; text: string }): Promise<void>;
}

export interface SendEmailsOptions {
  now?: Date;
  /** How long a claimed e-mail stays ours; after that another sender may take it over (the first one died). */
  leaseMs?: number;
  limit?: number;
  maxAttempts?: number;
}

/**
 * Sends pending e-mails. Claiming is one short transaction (`FOR UPDATE SKIP LOCKED`, then status `sending`
 * with a lease), so concurrent senders take disjoint rows; sending happens outside it, and a sender that dies
 * mid-way only delays its rows until the lease ends. Returns how many were sent.
 */
export async function sendPendingEmails(db: Db, transport: MailTransport, options: SendEmailsOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const claimed = await db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(or(eq(emailOutbox.status, "pending"), and(eq(emailOutbox.status, "sending"), lt(emailOutbox.lockedUntil, now))))
      .orderBy(asc(emailOutbox.id))
      .limit(options.limit ?? 50)
      .for("update", { skipLocked: true });
    if (rows.length === 0) return [];
    return tx
      .update(emailOutbox)
      .set({ status: "sending", lockedUntil: new Date(now.getTime() + leaseMs), attempts: sql`${emailOutbox.attempts} + 1` })
      .where(
        inArray(
          emailOutbox.id,
          rows.map((r) => r.id),
        ),
      )
      .returning();
  });
  let sent = 0;
  for (const mail of claimed) {
    try {
      await transport.send({ to: mail.to, subject: mail.subject, text: mail.body });
      await db
        .update(emailOutbox)
        .set({ status: "sent", sentAt: new Date(), lockedUntil: null, lastError: null })
        .where(eq(emailOutbox.id, mail.id));
      sent += 1;
    } catch (error) {
      await db
        .update(emailOutbox)
        .set({ status: mail.attempts >= maxAttempts ? "failed" : "pending", lockedUntil: null, lastError: String(error).slice(0, 500) })
        .where(eq(emailOutbox.id, mail.id));
    }
  }
  return sent;
}

/** An SMTP transport from `SMTP_URL` (`smtp://user:pass@host:587`); the sender address from `SMTP_FROM`. */
export async function smtpTransport(url: string, from = process.env.SMTP_FROM ?? "kehoach <no-reply@localhost>"): Promise<MailTransport> {
  const nodemailer = await import("nodemailer");
  const transporter = nodemailer.createTransport(url);
  return {
    send: async (mail) => {
      await transporter.sendMail({ from, ...mail });
    },
  };
}

/**
 * Queues e-mails to people who may have no account (a conference's delegates), inside the caller's transaction;
 * nothing is queued where SMTP is not set (`SMTP_URL`), as for notifications. Returns how many were queued.
 */
export async function queueEmails(
  tx: Db,
  mails: ReadonlyArray<{ to: string; subject: string; body: string }>,
  now = new Date(),
): Promise<number> {
  if (!process.env.SMTP_URL || mails.length === 0) return 0;
  for (let i = 0; i < mails.length; i += 2000)
    await tx.insert(emailOutbox).values(mails.slice(i, i + 2000).map((m) => ({ ...m, body: `${m.body}\n\n— kehoach`, createdAt: now })));
  return mails.length;
}
