import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { UnitSelector } from "../../../contracts/organisations";
import type { Deliverable, LegalBasis, PlanLayout, PlanStatus, ReminderSchedule, Signer } from "../../../contracts/plans";
import { units } from "./organisations";
import { users } from "./people";

export type { PlanSection } from "../../../contracts/importer";
// The JSON parts' types are the zod schemas' (src/contracts), never written again here.
export type {
  Deliverable,
  LegalBasis,
  PlanLayout,
  PlanStatus,
  ReminderSchedule,
  Signer,
} from "../../../contracts/plans";

/** A selector (the organisations UnitSelector), resolved when the task is issued. */
export type TaskTarget = UnitSelector & {
  /** Names from an import that matched no unit; the task cannot be issued while any remain. */
  unmatchedNames?: string[];
};

/**
 * An official plan (Kế hoạch). Issued plans are frozen: later changes go through plan_amendments.
 * Children are found by the reverse query on parentPlanId.
 */
export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    issuerUnitId: uuid("issuer_unit_id")
      .notNull()
      .references(() => units.id),
    number: text("number"),
    typeCode: text("type_code").notNull().default("KH"),
    layout: text("layout").$type<PlanLayout>().notNull(),
    place: text("place").notNull().default(""),
    issuedOn: date("issued_on"),
    title: text("title").notNull(),
    legalBases: jsonb("legal_bases").$type<LegalBasis[]>().notNull().default([]),
    purpose: text("purpose").notNull().default(""),
    requirements: text("requirements").notNull().default(""),
    budget: text("budget").notNull().default(""),
    recipients: jsonb("recipients").$type<string[]>().notNull().default([]),
    signer: jsonb("signer").$type<Signer>(),
    status: text("status").$type<PlanStatus>().notNull().default("draft"),
    parentPlanId: uuid("parent_plan_id").references((): AnyPgColumn => plans.id),
    reminderSchedule: jsonb("reminder_schedule")
      .$type<ReminderSchedule>()
      .notNull()
      .default(sql`'{"beforeDays":[3,1],"overdueDaily":true}'::jsonb`),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    index("plans_issuer_idx").on(t.issuerUnitId),
    index("plans_parent_idx").on(t.parentPlanId),
    index("plans_status_idx").on(t.status),
    // One number per issuer and year among issued and closed plans (modules/plans/numbers.ts compares the same way).
    uniqueIndex("plans_issuer_year_number_uq")
      .on(t.issuerUnitId, sql`extract(year from "issued_on")`, sql`upper(regexp_replace("number", '[[:space:]]+', '', 'g'))`)
      .where(sql`"status" <> 'draft' and "number" is not null and btrim("number") <> ''`),
  ],
);

/**
 * One numbered heading of a plan's outline (Mục I, 1, a…) with its text, under its parent section (null at the
 * top), in `sortOrder` among its siblings. The id stays while the plan is edited, so a report form, a comment or
 * a compiled passage can point at the section. Deleting a section deletes the sections under it.
 */
export const planSections = pgTable(
  "plan_sections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => planSections.id, { onDelete: "cascade" }),
    sortOrder: integer("sort_order").notNull(),
    number: text("number").notNull().default(""),
    heading: text("heading").notNull().default(""),
    text: text("text").notNull().default(""),
  },
  (t) => [index("plan_sections_plan_idx").on(t.planId, t.parentId, t.sortOrder)],
);

/**
 * An annex of a plan as the importer read it (Phụ lục, Đề cương báo cáo…): its title, its "(Kèm theo Kế hoạch số …)"
 * reference and, in planAnnexSections, its outline, so a report form can be made from it. Kept from the import;
 * deleting the plan deletes its annexes.
 */
export const planAnnexes = pgTable(
  "plan_annexes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    sortOrder: integer("sort_order").notNull(),
    title: text("title").notNull().default(""),
    reference: text("reference"),
  },
  (t) => [index("plan_annexes_plan_idx").on(t.planId, t.sortOrder)],
);

/** One numbered heading of an annex's outline, as planSections is of the plan's own (stable id, parent, order). */
export const planAnnexSections = pgTable(
  "plan_annex_sections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    annexId: uuid("annex_id")
      .notNull()
      .references(() => planAnnexes.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => planAnnexSections.id, { onDelete: "cascade" }),
    sortOrder: integer("sort_order").notNull(),
    number: text("number").notNull().default(""),
    heading: text("heading").notNull().default(""),
    text: text("text").notNull().default(""),
  },
  (t) => [index("plan_annex_sections_annex_idx").on(t.annexId, t.parentId, t.sortOrder)],
);

/** Every change to an issued plan, with the fields before and after. Append only. */
export const planAmendments = pgTable(
  "plan_amendments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    note: text("note").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("plan_amendments_plan_idx").on(t.planId, t.at)],
);

/** What must be done by when; on issue it becomes one obligation per target unit. */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    what: text("what").notNull(),
    deliverable: text("deliverable").$type<Deliverable>().notNull(),
    target: jsonb("target").$type<TaskTarget>().notNull().default({}),
    supportUnitIds: jsonb("support_unit_ids").$type<string[]>().notNull().default([]),
    /** Null when the text gave no deadline and none could be proposed: the plan cannot be issued until it is set. */
    dueDate: date("due_date"),
    /** "HH:MM" in Vietnam time, or null: the deadline is the whole day. */
    dueTime: text("due_time"),
    /**
     * The deadline was proposed, not read from the text (an imported task without one takes the start of the
     * conference it serves): the clerk must check it. Cleared when the deadline is set or confirmed.
     */
    dueToCheck: boolean("due_to_check").notNull().default(false),
    sortOrder: integer("sort_order").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tasks_plan_idx").on(t.planId, t.sortOrder)],
);

/**
 * The register of outgoing documents (sổ văn bản đi): one counter per issuing unit, calendar year and document
 * type code ("" for a state công văn, which has no code). Taking a number is one `UPDATE … RETURNING` on this row,
 * so two requests never get the same number; numbers are never reused.
 */
export const outgoingDocumentSequences = pgTable(
  "outgoing_document_sequences",
  {
    issuerUnitId: uuid("issuer_unit_id")
      .notNull()
      .references(() => units.id),
    year: integer("year").notNull(),
    typeCode: text("type_code").notNull(),
    lastNumber: integer("last_number").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.issuerUnitId, t.year, t.typeCode] })],
);

/** One numbered document sent out: its number as printed, type, date, subject, the plan it concerns and its file. */
export const outgoingDocuments = pgTable(
  "outgoing_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    issuerUnitId: uuid("issuer_unit_id")
      .notNull()
      .references(() => units.id),
    year: integer("year").notNull(),
    typeCode: text("type_code").notNull(),
    sequence: integer("sequence").notNull(),
    /** As printed after `Số`: `15/UBND-VP`, `15-CV/TU`. */
    number: text("number").notNull(),
    /** What the system made: "urging_letter". */
    kind: text("kind").notNull(),
    issuedOn: date("issued_on").notNull(),
    subject: text("subject").notNull(),
    planId: uuid("plan_id").references(() => plans.id),
    fileName: text("file_name").notNull(),
    /** SHA-256 of the file as it was handed out. */
    fileSha256: text("file_sha256").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("outgoing_documents_number_uq").on(t.issuerUnitId, t.year, t.typeCode, t.sequence),
    index("outgoing_documents_plan_idx").on(t.planId),
  ],
);
