import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { ImportResult, PlanSection } from "../../../contracts/importer";
import { planSections } from "../../db/schema/index";
import { migrationTags, openScratchDatabase } from "../../testing/migrations";
import { outlineTree } from "./outline";

const seed = (file: string): ImportResult =>
  JSON.parse(readFileSync(new URL(`../../../../test/fixtures/seeds/${file}.expected.json`, import.meta.url), "utf8"));

const UNIT = "11111111-1111-1111-1111-111111111111";
const USER = "22222222-2222-2222-2222-222222222222";
const SEEDS = ["000_558bad5328212af2", "001_f9655c538364916e", "002_7b647e67f44d3843"];
const planId = (i: number) => `33333333-3333-3333-3333-33333333300${i}`;
/** The release before plan_sections: plans kept their outline as a JSON array. */
const PREVIOUS = migrationTags()[migrationTags().indexOf("0013_plan_sections") - 1];

const count = (sections: readonly PlanSection[]): number => sections.reduce((n, s) => n + 1 + count(s.children), 0);

it.each(["pglite", "postgres"] as const)(
  "moves every plan's JSON outline into plan_sections with its numbers, headings, texts, order and nesting (%s)",
  async (kind) => {
    if (kind === "postgres" && !process.env.TEST_DATABASE_URL) return;
    const scratch = await openScratchDatabase(kind);
    try {
      await scratch.migrate(PREVIOUS);
      const db = scratch.db;
      await db.execute(sql`insert into units (id, name, kind, tree, path, level, name_key, search_key) values
        (${UNIT}, 'Ban Thường vụ Thành ủy', 'btv', 'party', ${`${UNIT}/`}, 0, 'ban thuong vu thanh uy', 'ban thuong vu thanh uy')`);
      await db.execute(sql`insert into users (id, username, full_name, unit_id, password_hash) values (${USER}, 'u', 'U', ${UNIT}, 'x')`);
      // As the previous release stored the imported seed plans, plus one without an outline.
      const outlines = [...SEEDS.map((file) => seed(file).sections), []];
      for (const [i, sections] of outlines.entries())
        await db.execute(sql`insert into plans (id, issuer_unit_id, layout, title, sections, created_by)
          values (${planId(i)}, ${UNIT}, 'party', ${`Kế hoạch ${i}`}, ${JSON.stringify(sections)}::jsonb, ${USER})`);
      expect(count(outlines[0])).toBeGreaterThan(10);

      await scratch.migrate();

      const rows = await db.select().from(planSections);
      expect(rows).toHaveLength(outlines.reduce((n, o) => n + count(o), 0));
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      const strip = (sections: readonly PlanSection[]): PlanSection[] =>
        sections.map((s) => ({ number: s.number, heading: s.heading, text: s.text, children: strip(s.children) }));
      for (const [i, sections] of outlines.entries()) {
        const own = rows.filter((r) => r.planId === planId(i));
        // A parent is a section of the same plan; siblings are numbered 0, 1, 2… in the order of the JSON array.
        const ids = new Set(own.map((r) => r.id));
        for (const r of own) if (r.parentId) expect(ids.has(r.parentId)).toBe(true);
        for (const parent of new Set(own.map((r) => r.parentId))) {
          const group = own.filter((r) => r.parentId === parent);
          expect(group.map((r) => r.sortOrder).sort((a, b) => a - b)).toEqual(group.map((_, at) => at));
        }
        expect(strip(outlineTree(own))).toEqual(strip(sections));
      }
      const columns = (await db.execute(
        sql`select column_name from information_schema.columns where table_name = 'plans' and column_name = 'sections'`,
      )) as unknown as { rows: unknown[] };
      expect(columns.rows).toEqual([]);
    } finally {
      await scratch.close();
    }
  },
  60_000,
);
