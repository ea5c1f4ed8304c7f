import {
  type AnyPgColumn,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { units } from "./organisations";
import { users } from "./people";
import { plans, tasks } from "./plans";

export type ObligationStatus = "open" | "submitted" | "returned" | "accepted";
export type ObligationAction = "created" | "submitted" | "returned" | "resubmitted" | "accepted" | "reopened";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/** One unit's duty under one task, tracked on its own. */
export const obligations = pgTable(
  "obligations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    status: text("status").$type<ObligationStatus>().notNull().default("open"),
    dueDate: date("due_date").notNull(),
    dueTime: text("due_time"),
    /** The instant from which it is overdue; for a date-only deadline, the start of the next Vietnam day. */
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** True once any submission came after dueAt; stays true after acceptance. */
    lateSubmission: boolean("late_submission").notNull().default(false),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    returnedReason: text("returned_reason"),
    childPlanId: uuid("child_plan_id").references((): AnyPgColumn => plans.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("obligations_task_unit_uq").on(t.taskId, t.unitId),
    index("obligations_plan_status_idx").on(t.planId, t.status),
    index("obligations_unit_due_idx").on(t.unitId, t.dueAt),
  ],
);

/** The history of an obligation: every transition, who and when. Append only. */
export const obligationEvents = pgTable(
  "obligation_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    obligationId: uuid("obligation_id")
      .notNull()
      .references(() => obligations.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").$type<ObligationAction>().notNull(),
    note: text("note"),
  },
  (t) => [index("obligation_events_obligation_idx").on(t.obligationId, t.at)],
);

export const submissions = pgTable(
  "submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    obligationId: uuid("obligation_id")
      .notNull()
      .references(() => obligations.id, { onDelete: "cascade" }),
    text: text("text").notNull().default(""),
    submittedBy: uuid("submitted_by")
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    late: boolean("late").notNull().default(false),
  },
  (t) => [index("submissions_obligation_idx").on(t.obligationId, t.submittedAt)],
);

/**
 * A submitted file. Its bytes live where `storage` says: `database` in `stored_file_chunks` (PostgreSQL, so
 * every server process reaches them, and files moved in from older releases), `directory` in the
 * content-addressed store under the PGlite data directory (`files/ab/cd/<sha256>`), written and fsynced before
 * this row commits. See src/server/platform/files.
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    submissionId: uuid("submission_id").references(() => submissions.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storage: text("storage").$type<"database" | "directory">().notNull().default("database"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stored_files_submission_idx").on(t.submissionId), index("stored_files_sha256_idx").on(t.sha256)],
);

/** A file's bytes in order, at most 1 MB a row, written in the submission's transaction and read back one row at a time. */
export const storedFileChunks = pgTable(
  "stored_file_chunks",
  {
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);
