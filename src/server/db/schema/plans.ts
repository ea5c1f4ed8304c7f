import { sql } from "drizzle-orm";
import { type AnyPgColumn, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { PlanSection } from "../../../contracts/importer";
import type { UnitSelector } from "../../../contracts/organisations";
import type { Deliverable, LegalBasis, PlanLayout, PlanStatus, ReminderSchedule, Signer, Speech } from "../../../contracts/plans";
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
  Speech,
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
    sections: jsonb("sections").$type<PlanSection[]>().notNull().default([]),
    budget: text("budget").notNull().default(""),
    recipients: jsonb("recipients").$type<string[]>().notNull().default([]),
    signer: jsonb("signer").$type<Signer>(),
    conferences: jsonb("conferences").$type<unknown[]>().notNull().default([]),
    speeches: jsonb("speeches").$type<Speech[]>().notNull().default([]),
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
  ],
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
    dueDate: date("due_date").notNull(),
    /** "HH:MM" in Vietnam time, or null: the deadline is the whole day. */
    dueTime: text("due_time"),
    sortOrder: integer("sort_order").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tasks_plan_idx").on(t.planId, t.sortOrder)],
);
