import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { CheckinMethod } from "../../../contracts/checkin";
import { conferences } from "./conferences";
import { delegates } from "./delegates";
import { users } from "./people";

/**
 * The Ed25519 key pair that signs a conference's QR codes. The private key (PKCS#8, base64) never leaves the
 * server; the public key (raw 32 bytes, base64url) goes to the door devices, which verify codes offline.
 */
export const conferenceKeys = pgTable("conference_keys", {
  conferenceId: uuid("conference_id")
    .primaryKey()
    .references(() => conferences.id, { onDelete: "cascade" }),
  publicKey: text("public_key").notNull(),
  privateKey: text("private_key").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every check-in a door sent, by the id the device made: a sync replayed, or the same scan sent by two doors, finds
 * its row here and is never recorded twice. Whether it counted is `attendance.checkin_id`.
 */
export const checkins = pgTable(
  "checkins",
  {
    id: uuid("id").primaryKey(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    delegateId: uuid("delegate_id")
      .notNull()
      .references(() => delegates.id, { onDelete: "cascade" }),
    door: text("door").notNull(),
    method: text("method").$type<CheckinMethod>().notNull(),
    scannedAt: timestamp("scanned_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
  },
  (t) => [index("checkins_delegate_idx").on(t.delegateId)],
);

/** One row per delegate present: the first check-in to arrive wins (primary key), later ones are repeats. */
export const attendance = pgTable(
  "attendance",
  {
    delegateId: uuid("delegate_id")
      .primaryKey()
      .references(() => delegates.id, { onDelete: "cascade" }),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    checkinId: uuid("checkin_id")
      .notNull()
      .references(() => checkins.id, { onDelete: "cascade" }),
    door: text("door").notNull(),
    scannedAt: timestamp("scanned_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("attendance_conference_idx").on(t.conferenceId)],
);
