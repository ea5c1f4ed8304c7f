import {
  type AnyPgColumn,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { IndicatorKind } from "../../../domain/reports/rules";
import { obligations } from "./obligations";
import { units } from "./organisations";
import { users } from "./people";
import { outgoingDocuments, tasks } from "./plans";

/** A task's report form (đề cương + biểu mẫu): one per task whose deliverable is a report. */
export const reportForms = pgTable(
  "report_forms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("report_forms_task_uq").on(t.taskId)],
);

/** A numbered heading of a form (`I`, `1`, `1.1`), with its own id so sections, comments and passages can point at it. */
export const reportHeadings = pgTable(
  "report_headings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    formId: uuid("form_id")
      .notNull()
      .references(() => reportForms.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => reportHeadings.id, { onDelete: "cascade" }),
    sortOrder: integer("sort_order").notNull(),
    number: text("number").notNull(),
    heading: text("heading").notNull(),
    guidance: text("guidance").notNull().default(""),
  },
  (t) => [index("report_headings_form_idx").on(t.formId, t.parentId, t.sortOrder)],
);

/** A numeric indicator under a heading, with its rules (`≥ min`, `≤ another`, `= A ÷ B × 100` computed). */
export const reportIndicators = pgTable(
  "report_indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    formId: uuid("form_id")
      .notNull()
      .references(() => reportForms.id, { onDelete: "cascade" }),
    headingId: uuid("heading_id")
      .notNull()
      .references(() => reportHeadings.id, { onDelete: "cascade" }),
    sortOrder: integer("sort_order").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    unitOfMeasure: text("unit_of_measure").notNull().default(""),
    kind: text("kind").$type<IndicatorKind>().notNull(),
    min: numeric("min", { mode: "number" }),
    notAboveId: uuid("not_above_id").references((): AnyPgColumn => reportIndicators.id),
    numeratorId: uuid("numerator_id").references((): AnyPgColumn => reportIndicators.id),
    denominatorId: uuid("denominator_id").references((): AnyPgColumn => reportIndicators.id),
  },
  (t) => [uniqueIndex("report_indicators_form_code_uq").on(t.formId, t.code), index("report_indicators_heading_idx").on(t.headingId)],
);

/**
 * A unit's report under a form: one per obligation of the form's task. `unit_id` repeats the obligation's unit
 * (which never changes) so the roll-up groups values by unit path without reaching into obligations.
 */
export const unitReports = pgTable(
  "unit_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    formId: uuid("form_id")
      .notNull()
      .references(() => reportForms.id, { onDelete: "cascade" }),
    obligationId: uuid("obligation_id")
      .notNull()
      .references(() => obligations.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("unit_reports_obligation_uq").on(t.obligationId), index("unit_reports_form_unit_idx").on(t.formId, t.unitId)],
);

/** One entered value of one indicator in one unit's report (computed ratios are never stored). */
export const reportValues = pgTable(
  "report_values",
  {
    reportId: uuid("report_id")
      .notNull()
      .references(() => unitReports.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => reportIndicators.id, { onDelete: "cascade" }),
    value: numeric("value", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.indicatorId] }), index("report_values_indicator_idx").on(t.indicatorId)],
);

/**
 * A unit's text under one heading of its report: the rich-text editor's document (ProseMirror JSON), validated on
 * the server against the allowed schema before it is stored. `version` guards autosave from two tabs.
 */
export const reportSections = pgTable(
  "report_sections",
  {
    reportId: uuid("report_id")
      .notNull()
      .references(() => unitReports.id, { onDelete: "cascade" }),
    headingId: uuid("heading_id")
      .notNull()
      .references(() => reportHeadings.id, { onDelete: "cascade" }),
    doc: jsonb("doc").$type<Record<string, unknown>>().notNull(),
    /** The document's plain text, folded for search without diacritics (see domain/text searchKey). */
    searchText: text("search_text").notNull().default(""),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.headingId] }), index("report_sections_heading_idx").on(t.headingId)],
);

/**
 * The compiled report (báo cáo tổng hợp) of one level of the tree under a form: the compiling unit's draft, then
 * final. Final takes a number from the outgoing register (`document_number`, the register row in `document_id`)
 * and is that level's own submission upward when it owes one.
 */
export const compiledReports = pgTable(
  "compiled_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    formId: uuid("form_id")
      .notNull()
      .references(() => reportForms.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    status: text("status").$type<"draft" | "final">().notNull().default("draft"),
    version: integer("version").notNull().default(1),
    documentNumber: text("document_number"),
    documentId: uuid("document_id").references(() => outgoingDocuments.id),
    issuedOn: text("issued_on"),
    finalizedBy: uuid("finalized_by").references(() => users.id),
    finalizedAt: timestamp("finalized_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("compiled_reports_form_unit_uq").on(t.formId, t.unitId)],
);

/** The compiled text under one heading: passages picked from the units' sections, then edited (ProseMirror JSON). */
export const compiledSections = pgTable(
  "compiled_sections",
  {
    compiledReportId: uuid("compiled_report_id")
      .notNull()
      .references(() => compiledReports.id, { onDelete: "cascade" }),
    headingId: uuid("heading_id")
      .notNull()
      .references(() => reportHeadings.id, { onDelete: "cascade" }),
    doc: jsonb("doc").$type<Record<string, unknown>>().notNull(),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.compiledReportId, t.headingId] })],
);

/** A reviewer's comment on a unit's report, anchored to a heading (null: the report as a whole); the return's reasons. */
export const reportComments = pgTable(
  "report_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    obligationId: uuid("obligation_id")
      .notNull()
      .references(() => obligations.id, { onDelete: "cascade" }),
    headingId: uuid("heading_id").references(() => reportHeadings.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("report_comments_obligation_idx").on(t.obligationId, t.createdAt)],
);

/** An expected unit the compiling level excuses from its report (with the reason), so the level can be final without it. */
export const reportExcuses = pgTable("report_excuses", {
  obligationId: uuid("obligation_id")
    .primaryKey()
    .references(() => obligations.id, { onDelete: "cascade" }),
  note: text("note").notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
