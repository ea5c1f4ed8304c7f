import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * One body in one of the trees (state, Party, military, or a custom tree).
 * `path` is the chain of ancestor ids ending with this unit's own id, each followed by "/",
 * so "is X inside Y's subtree" is `x.path LIKE y.path || '%'` and needs no recursion.
 */
export const units = pgTable(
  "units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    kind: text("kind").notNull(),
    tree: text("tree").notNull(),
    parentId: uuid("parent_id").references((): import("drizzle-orm/pg-core").AnyPgColumn => units.id),
    path: text("path").notNull(),
    level: integer("level").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    archived: boolean("archived").notNull().default(false),
    /** Name with tone marks normalised (old/new placement equal), lower case: used for uniqueness. */
    nameKey: text("name_key").notNull(),
    /** Name and short name without diacritics, lower case: used for search. */
    searchKey: text("search_key").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("units_parent_idx").on(t.parentId),
    index("units_path_idx").on(t.path),
    index("units_tree_idx").on(t.tree),
    // Siblings may not share a name; archived units keep their name free for reuse.
    uniqueIndex("units_sibling_name_uq")
      .on(t.tree, sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.nameKey)
      .where(sql`${t.archived} = false`),
  ],
);

/** A named set of units: static (members listed) or a rule resolved when used. */
export const unitGroups = pgTable("unit_groups", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  description: text("description"),
  /** "static" | "rule" */
  mode: text("mode").notNull(),
  /** For mode "rule": { kinds?: string[], underUnitId?: string, tree?: string, levels?: number[] } */
  rule: jsonb("rule"),
  /** Unit that owns the group; managers of that unit's subtree may edit it. Null: city-wide (admin). */
  ownerUnitId: uuid("owner_unit_id").references(() => units.id),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const unitGroupMembers = pgTable(
  "unit_group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => unitGroups.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.unitId] }), index("unit_group_members_unit_idx").on(t.unitId)],
);
