import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("delegates_conference_idx").on(t.conferenceId, t.groupId, t.protocolRank), index("delegates_unit_idx").on(t.unitId)],
);
