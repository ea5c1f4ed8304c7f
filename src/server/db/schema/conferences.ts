import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { AwardKind, ConferenceFormat, ConferenceRole, LogisticsKind, TimerSubjectKind } from "../../../contracts/conferences";
import { obligations } from "./obligations";
import { units } from "./organisations";
import { users } from "./people";
import { plans, tasks } from "./plans";

export type { AwardKind, ConferenceFormat, LogisticsKind, TimerSubjectKind } from "../../../contracts/conferences";

/**
 * A conference a plan holds (Hội nghị): several per plan, one per level, lower levels first. When every unit below
 * holds its own ("each commune by date X"), `perUnitTaskId` names the plan task whose obligations are the units'
 * "conference held" (evidence: minutes, attendance, photos, through the obligation's submission).
 * Times are instants; `durationLabel` keeps the words of the text (`½ ngày`, `01 buổi`).
 */
export const conferences = pgTable(
  "conferences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    hostUnitId: uuid("host_unit_id")
      .notNull()
      .references(() => units.id),
    /** "Thành phố", "Xã"… as the plan writes it; null when the plan names none. */
    level: text("level"),
    title: text("title").notNull(),
    /** The banner over the stage, line by line (body, `HỘI NGHỊ`, title, place and date). */
    bannerText: text("banner_text").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    durationLabel: text("duration_label"),
    venue: text("venue").notNull().default(""),
    format: text("format").$type<ConferenceFormat>().notNull().default("in_person"),
    chair: text("chair").notNull().default(""),
    expectedAttendance: integer("expected_attendance"),
    perUnitTaskId: uuid("per_unit_task_id").references(() => tasks.id, { onDelete: "set null" }),
    sortOrder: integer("sort_order").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conferences_plan_idx").on(t.planId, t.sortOrder), index("conferences_host_idx").on(t.hostUnitId)],
);

/** Who attends, by group (central guests, city leaders, commune leaders, award recipients, press), each with its dress code. */
export const conferenceDelegateGroups = pgTable(
  "conference_delegate_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Who belongs, as the plan lists them. */
    members: text("members").notNull().default(""),
    dressCode: text("dress_code").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("conference_delegate_groups_conf_idx").on(t.conferenceId, t.sortOrder)],
);

/**
 * One timed item of the agenda (Chương trình). `kind` marks the items the stage runs from other records: the
 * "Tham luận" item holds the speeches in their running order, the "Khen thưởng" item the awards.
 */
export const conferenceAgendaItems = pgTable(
  "conference_agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    content: text("content").notNull(),
    /** The person or unit responsible, as written (`Đồng chí Phó Bí thư Thường trực Thành ủy điều hành`). */
    responsible: text("responsible").notNull().default(""),
    responsibleUnitId: uuid("responsible_unit_id").references(() => units.id),
    kind: text("kind").$type<"item" | "speeches" | "awards">().notNull().default("item"),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("conference_agenda_items_conf_idx").on(t.conferenceId, t.sortOrder)],
);

/**
 * An assigned speech (tham luận). Its submission deadline is an obligation of the unit: `taskId` is the plan task
 * whose obligation carries the draft, the review (accept / return) and the board. Null when the plan has no
 * deadline for it yet (a speech carried over from an older database).
 */
export const conferenceSpeeches = pgTable(
  "conference_speeches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    topic: text("topic").notNull(),
    unitId: uuid("unit_id").references(() => units.id),
    /** The unit as the plan names it: kept when no unit matched, shown until one is chosen. */
    unitName: text("unit_name").notNull().default(""),
    taskId: uuid("task_id").references(() => tasks.id, { onDelete: "set null" }),
    timeLimitSeconds: integer("time_limit_seconds").notNull().default(420),
    /** Running order within the "Tham luận" item, from 1. */
    runningOrder: integer("running_order").notNull().default(0),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("conference_speeches_conf_idx").on(t.conferenceId, t.runningOrder), index("conference_speeches_task_idx").on(t.taskId)],
);

/** An award presented on stage (khen thưởng): a collective (a unit) or an individual. */
export const conferenceAwards = pgTable(
  "conference_awards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    kind: text("kind").$type<AwardKind>().notNull(),
    recipient: text("recipient").notNull(),
    recipientUnitId: uuid("recipient_unit_id").references(() => units.id),
    /** An individual's position and unit (`Bí thư Đảng ủy xã …`). */
    recipientTitle: text("recipient_title").notNull().default(""),
    /** Form of award (`Bằng khen của Ban Thường vụ Thành ủy`). */
    form: text("form").notNull().default(""),
    /** The achievement read out on stage. */
    citation: text("citation").notNull().default(""),
    presenter: text("presenter").notNull().default(""),
    stageOrder: integer("stage_order").notNull().default(0),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("conference_awards_conf_idx").on(t.conferenceId, t.stageOrder)],
);

/** A logistics task (hall, decoration, security, medical standby…): a plan task, so its owner unit and deadline sit on the board. */
export const conferenceLogistics = pgTable(
  "conference_logistics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    kind: text("kind").$type<LogisticsKind>().notNull(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
  },
  (t) => [uniqueIndex("conference_logistics_task_uq").on(t.conferenceId, t.taskId)],
);

/**
 * The stage timer of a conference, stored as instants so a reload or a server restart loses nothing: running
 * when `startedAt` is set and `pausedAt` is null; elapsed = accumulated + (now or pausedAt − startedAt).
 * `seq` grows with every applied command (the screens' order and the operator's version check).
 */
export const conferenceTimers = pgTable(
  "conference_timers",
  {
    conferenceId: uuid("conference_id")
      .primaryKey()
      .references(() => conferences.id, { onDelete: "cascade" }),
    subjectKind: text("subject_kind").$type<TimerSubjectKind>().notNull().default("none"),
    subjectId: uuid("subject_id"),
    /** What the hall screen shows (the item's content, or the speaker's unit and topic). */
    label: text("label").notNull().default(""),
    limitMs: bigint("limit_ms", { mode: "number" }).notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }),
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    accumulatedMs: bigint("accumulated_ms", { mode: "number" }).notNull().default(0),
    seq: integer("seq").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("conference_timers_accumulated_ck", sql`${t.accumulatedMs} >= 0`)],
);

/** Every timer command applied, by the id its operator page made: a command replayed is found here and applied once. */
export const conferenceTimerCommands = pgTable(
  "conference_timer_commands",
  {
    id: uuid("id").primaryKey(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    command: text("command").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** The timer's seq after this command. */
    seq: integer("seq").notNull(),
  },
  (t) => [index("conference_timer_commands_conf_idx").on(t.conferenceId, t.at)],
);

/**
 * A role on one conference, given by its organisers to anyone (a unit of the tree holds no such role): `organiser`
 * acts as a manager of the host unit does for this conference only; `door` sees the roster and checks delegates in,
 * nothing else (not the plan, not the seating plan).
 */
export const conferenceRoleGrants = pgTable(
  "conference_role_grants",
  {
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<ConferenceRole>().notNull(),
    grantedBy: uuid("granted_by").references(() => users.id),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.conferenceId, t.userId, t.role] }),
    index("conference_role_grants_user_idx").on(t.userId),
    check("conference_role_grants_role_ck", sql`${t.role} in ('organiser', 'door')`),
  ],
);

/**
 * What a unit reports of the conference it held when a per-unit conference's obligation ("conference held") is
 * submitted: when, how many attended, where. The minutes and photos are the obligation's submission files.
 */
export const conferenceHeldReports = pgTable(
  "conference_held_reports",
  {
    obligationId: uuid("obligation_id")
      .primaryKey()
      .references(() => obligations.id, { onDelete: "cascade" }),
    heldAt: timestamp("held_at", { withTimezone: true }).notNull(),
    attendance: integer("attendance").notNull(),
    venue: text("venue").notNull().default(""),
    reportedBy: uuid("reported_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("conference_held_reports_attendance_ck", sql`${t.attendance} >= 0`)],
);
