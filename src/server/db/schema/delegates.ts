import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { conferenceDelegateGroups, conferences } from "./conferences";
import { units } from "./organisations";

/**
 * A person invited to a conference (đại biểu), in a delegate group, with a protocol rank that orders seating
 * (lower comes first). `unitName` keeps the unit as written (an imported sheet, a guest from outside the tree);
 * `unitId` is set when it matches a unit. Seats, invitations, confirmations and check-ins hang on this id.
 */
export const delegates = pgTable(
  "delegates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => conferenceDelegateGroups.id, { onDelete: "set null" }),
    fullName: text("full_name").notNull(),
    title: text("title").notNull().default(""),
    unitName: text("unit_name").notNull().default(""),
    unitId: uuid("unit_id").references(() => units.id),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    protocolRank: integer("protocol_rank").notNull().default(1000),
    /** The folded name, unit and title, for finding a delegate typed without diacritics (domain/text searchKey). */
    searchKey: text("search_key").notNull().default(""),
    /** The quota request this delegate was nominated under (by their unit), if any. */
    quotaId: uuid("quota_id"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("delegates_conference_idx").on(t.conferenceId, t.groupId, t.protocolRank), index("delegates_unit_idx").on(t.unitId)],
);

/**
 * A quota request (đề nghị cử đại biểu): the organiser asks units to nominate `count` delegates with given titles
 * by a deadline. The work is a plan task with deliverable `delegates` (`taskId`), so each unit's obligation is on
 * the board; the unit fills its list here (delegates with this `quotaId`) and submits the obligation.
 */
export const delegateQuotas = pgTable(
  "delegate_quotas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => conferenceDelegateGroups.id, { onDelete: "set null" }),
    taskId: uuid("task_id").notNull(),
    count: integer("count").notNull(),
    /** The titles wanted, one entry per seat ("Bí thư Đảng ủy", "Chủ tịch UBND"…); may be shorter than count. */
    titles: jsonb("titles").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("delegate_quotas_conference_idx").on(t.conferenceId)],
);

/** When a conference's confirmations close (xác báo trước …); without a row, answers are taken until the start. */
export const delegateSettings = pgTable("delegate_settings", {
  conferenceId: uuid("conference_id")
    .primaryKey()
    .references(() => conferences.id, { onDelete: "cascade" }),
  confirmBy: timestamp("confirm_by", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A delegate's personal confirmation link: only the SHA-256 of the token is kept, so the database never holds a
 * usable link. A delegate may have several (each invitation batch, each reminder gives a new one); all stay valid.
 */
export const delegateLinks = pgTable(
  "delegate_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    delegateId: uuid("delegate_id")
      .notNull()
      .references(() => delegates.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("delegate_links_hash_idx").on(t.tokenHash), index("delegate_links_delegate_idx").on(t.delegateId)],
);

/** Every answer a delegate gave (the history); the latest one before the deadline stands. */
export const delegateAnswers = pgTable(
  "delegate_answers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    delegateId: uuid("delegate_id")
      .notNull()
      .references(() => delegates.id, { onDelete: "cascade" }),
    answer: text("answer").$type<"attending" | "absent" | "substitute">().notNull(),
    reason: text("reason").notNull().default(""),
    substituteName: text("substitute_name").notNull().default(""),
    substituteTitle: text("substitute_title").notNull().default(""),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("delegate_answers_delegate_idx").on(t.delegateId, t.answeredAt),
    check("delegate_answers_kind", sql`${t.answer} in ('attending', 'absent', 'substitute')`),
  ],
);

/**
 * A batch of invitations (Giấy mời) made in the background: the organiser's request, claimed by the job runner with
 * `SKIP LOCKED`, its progress (done of total) kept here so a reloaded page finds it, and the two files it made.
 */
export const invitationBatches = pgTable(
  "invitation_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    /** Only this unit's delegates; null for all. */
    unitId: uuid("unit_id").references(() => units.id),
    state: text("state").$type<"queued" | "running" | "done" | "failed">().notNull().default("queued"),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    /** `Số: 12/GM-UBND`: one register number for the batch (one act of the office, as a mass letter is). */
    documentNumber: text("document_number").notNull().default(""),
    sendEmail: boolean("send_email").notNull().default(false),
    /** One letter per delegate, or one per unit (its delegates listed, each with an entry card). */
    addressedTo: text("addressed_to").$type<"delegate" | "unit">().notNull().default("delegate"),
    zipFileId: uuid("zip_file_id"),
    pdfFileId: uuid("pdf_file_id"),
    error: text("error"),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("invitation_batches_conference_idx").on(t.conferenceId, t.createdAt), index("invitation_batches_state_idx").on(t.state)],
);
