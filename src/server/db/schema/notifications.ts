import { bigserial, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { obligations } from "./obligations";
import { units } from "./organisations";
import { users } from "./people";
import { plans } from "./plans";

export type NotificationKind =
  | "reminder.before"
  | "reminder.overdue"
  | "obligation.assigned"
  | "obligation.submitted"
  | "obligation.returned"
  | "obligation.accepted"
  | "obligation.deadline"
  | "obligation.urged";
export type EmailStatus = "pending" | "sending" | "sent" | "failed";

/** An in-app message, addressed to one user or to every user acting for a unit. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id").references(() => units.id),
    obligationId: uuid("obligation_id").references(() => obligations.id, { onDelete: "cascade" }),
    planId: uuid("plan_id").references(() => plans.id, { onDelete: "cascade" }),
    kind: text("kind").$type<NotificationKind>().notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt), index("notifications_unit_idx").on(t.unitId, t.createdAt)],
);

/**
 * One row per reminder ever sent. Inserting the key is the claim: the primary key lets exactly one runner
 * win, and the row commits together with the notifications it caused, so a crash loses or repeats nothing.
 */
export const reminderDeliveries = pgTable(
  "reminder_deliveries",
  {
    obligationId: uuid("obligation_id")
      .notNull()
      .references(() => obligations.id, { onDelete: "cascade" }),
    /** `before-3d`, `before-1d`, `overdue-2026-06-03` */
    key: text("key").notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.obligationId, t.key] })],
);

/** E-mails waiting to be sent; a sender leases rows (`locked_until`) so two processes never send one twice. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status").$type<EmailStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("email_outbox_status_idx").on(t.status, t.lockedUntil)],
);

/** Where a user wants reminder e-mails; users without a row get in-app notifications only. */
export const notificationEmails = pgTable("notification_emails", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  email: text("email").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A secret calendar feed of one unit; only the SHA-256 of the token is kept. */
export const calendarTokens = pgTable(
  "calendar_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("calendar_tokens_unit_idx").on(t.unitId)],
);
