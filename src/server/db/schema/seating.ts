import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { HallLayoutInput, SeatSection } from "../../../contracts/seating";
import { conferences } from "./conferences";
import { delegates } from "./delegates";

/**
 * The hall of a conference as defined by counts (presidium rows on stage, blocks of rows × seats), kept as given;
 * `version` grows with every change of the layout or of the whole assignment (auto-assign, clear).
 */
export const hallLayouts = pgTable("hall_layouts", {
  conferenceId: uuid("conference_id")
    .primaryKey()
    .references(() => conferences.id, { onDelete: "cascade" }),
  layout: jsonb("layout").$type<HallLayoutInput>().notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One seat of the hall: on the presidium (block 0) or in a block, by row and number (from 1, left to right). */
export const seats = pgTable(
  "seats",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    section: text("section").$type<SeatSection>().notNull(),
    blockIndex: integer("block_index").notNull(),
    blockName: text("block_name").notNull(),
    rowNumber: integer("row_number").notNull(),
    seatNumber: integer("seat_number").notNull(),
    /** The order protocol fills seats in (presidium from the centre out, then the hall row by row). */
    protocolOrder: integer("protocol_order").notNull(),
  },
  (t) => [
    uniqueIndex("seats_place_uq").on(t.conferenceId, t.blockIndex, t.rowNumber, t.seatNumber),
    check("seats_section_ck", sql`${t.section} in ('presidium', 'hall')`),
  ],
);

/**
 * Who sits where. The seat is the primary key and the delegate is unique: no two delegates ever share a seat and
 * nobody holds two, whatever two organisers do at the same moment (the second insert fails on the key).
 */
export const seatAssignments = pgTable(
  "seat_assignments",
  {
    seatId: uuid("seat_id")
      .primaryKey()
      .references(() => seats.id, { onDelete: "cascade" }),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    delegateId: uuid("delegate_id")
      .notNull()
      .references(() => delegates.id, { onDelete: "cascade" }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("seat_assignments_delegate_uq").on(t.delegateId), index("seat_assignments_conference_idx").on(t.conferenceId)],
);
