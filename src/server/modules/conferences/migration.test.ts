import { readFileSync } from "node:fs";
import { asc, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { ImportResult } from "../../../contracts/importer";
import { conferenceAgendaItems, conferenceDelegateGroups, conferenceSpeeches, conferences } from "../../db/schema/index";
import { openScratchDatabase } from "../../testing/migrations";

const seed = (file: string): ImportResult =>
  JSON.parse(readFileSync(new URL(`../../../../test/fixtures/seeds/${file}.expected.json`, import.meta.url), "utf8"));

const UNIT = "11111111-1111-1111-1111-111111111111";
const SPEAKER = "44444444-4444-4444-4444-444444444444";
const USER = "22222222-2222-2222-2222-222222222222";
const PLAN_000 = "33333333-3333-3333-3333-333333333000";
const PLAN_001 = "33333333-3333-3333-3333-333333333001";
const PLAN_SPEECHES_ONLY = "33333333-3333-3333-3333-333333333002";

it.each(["pglite", "postgres"] as const)(
  "moves every conference, agenda item and speech of the previous release's plans into the new tables (%s)",
  async (kind) => {
    if (kind === "postgres" && !process.env.TEST_DATABASE_URL) return;
    const scratch = await openScratchDatabase(kind);
    try {
      await scratch.migrate("0003_rails_plan_number_unique");
      const db = scratch.db;
      await db.execute(sql`insert into units (id, name, kind, tree, path, level, name_key, search_key) values
        (${UNIT}, 'Ban Thường vụ Thành ủy', 'btv', 'party', ${`${UNIT}/`}, 0, 'ban thuong vu thanh uy', 'ban thuong vu thanh uy'),
        (${SPEAKER}, 'Ủy ban nhân dân thành phố', 'ubnd', 'state', ${`${SPEAKER}/`}, 0, 'uy ban nhan dan thanh pho', 'uy ban nhan dan thanh pho')`);
      await db.execute(sql`insert into users (id, username, full_name, unit_id, password_hash) values (${USER}, 'u', 'U', ${UNIT}, 'x')`);
      // As the previous release stored an imported and issued plan: the importer's conferences and speeches as JSON.
      const s000 = seed("000_558bad5328212af2");
      const s001 = seed("001_f9655c538364916e");
      const speeches001 = s001.speeches.map((s) => ({ ...s, unitId: s.no === 1 ? SPEAKER : null }));
      const insertPlan = (id: string, r: ImportResult, conferencesJson: unknown[], speechesJson: unknown[], number: string) =>
        db.execute(sql`insert into plans (id, issuer_unit_id, layout, title, number, issued_on, sections, conferences, speeches, status, created_by, issued_at)
          values (${id}, ${UNIT}, 'party', ${r.title}, ${number}, ${r.issuedOn ?? "2026-01-01"}, ${JSON.stringify(r.sections)}::jsonb,
            ${JSON.stringify(conferencesJson)}::jsonb, ${JSON.stringify(speechesJson)}::jsonb, 'issued', ${USER}, now())`);
      await insertPlan(PLAN_000, s000, s000.conferences, [], "1-KH/TU");
      // The previous importer filled a missing end with the agenda's last end (11:00): the migration reads it as unwritten.
      const conferences001 = s001.conferences.map((c) => ({ ...c, end: c.agenda.at(-1)?.end ?? c.end }));
      await insertPlan(PLAN_001, s001, conferences001, speeches001, "2-KH/TU");
      await insertPlan(PLAN_SPEECHES_ONLY, s001, [], [{ no: 1, topic: "Kinh nghiệm", unit: "Xã An Lão", unitId: null }], "3-KH/TU");

      await scratch.migrate();

      const confs = await db.select().from(conferences).orderBy(asc(conferences.planId), asc(conferences.sortOrder));
      expect(confs.map((c) => c.planId)).toEqual([PLAN_000, PLAN_000, PLAN_001, PLAN_SPEECHES_ONLY]);
      // A conference without a title takes the plan's.
      expect(confs.map((c) => c.title)).toEqual([s000.title, s000.title, s001.conferences[0].title, s001.title]);
      const city = confs[2];
      expect(city).toMatchObject({
        hostUnitId: UNIT,
        level: "thành phố",
        durationLabel: "1/2 ngày",
        venue: s001.conferences[0].venue,
        chair: s001.conferences[0].chair,
        expectedAttendance: 1086,
        startsAt: new Date("2026-06-02T01:00:00Z"),
        // "1/2 ngày" from 08:00: 12:00, after the agenda's last end (11:00), as the import sets it.
        endsAt: new Date("2026-06-02T05:00:00Z"),
      });
      expect(city.bannerText).toContain("HỘI NGHỊ");
      expect(city.bannerText).toContain("Hải Phòng, ngày 02 tháng 6 năm 2026");

      const groups = await db.select().from(conferenceDelegateGroups).orderBy(asc(conferenceDelegateGroups.sortOrder));
      const cityGroups = groups.filter((g) => g.conferenceId === city.id);
      expect(cityGroups.map((g) => g.name)).toEqual(s001.conferences[0].participants);
      for (const g of cityGroups) expect(g.dressCode).toContain("áo dài");

      const agenda = await db.select().from(conferenceAgendaItems).orderBy(asc(conferenceAgendaItems.sortOrder));
      for (const [i, c] of confs.entries()) {
        const items = agenda.filter((a) => a.conferenceId === c.id);
        const source = [...s000.conferences, ...s001.conferences][i]?.agenda ?? [];
        expect(items.map((a) => [a.content, a.responsible])).toEqual(source.map((a) => [a.item, a.by ?? ""]));
      }
      const cityAgenda = agenda.filter((a) => a.conferenceId === city.id);
      expect(cityAgenda.map((a) => a.kind)).toEqual(["item", "item", "item", "speeches", "awards", "item", "item"]);
      expect(cityAgenda[3]).toMatchObject({ startsAt: new Date("2026-06-02T01:35:00Z"), endsAt: new Date("2026-06-02T03:00:00Z") });
      // Seed 000's conferences have no date: their agenda keeps its content, without instants.
      expect(agenda.filter((a) => a.conferenceId === confs[0].id).every((a) => a.startsAt === null)).toBe(true);

      const speeches = await db.select().from(conferenceSpeeches).orderBy(asc(conferenceSpeeches.runningOrder));
      const citySpeeches = speeches.filter((s) => s.conferenceId === city.id);
      expect(citySpeeches.map((s) => [s.runningOrder, s.topic, s.unitName])).toEqual(s001.speeches.map((s) => [s.no, s.topic, s.unit]));
      expect(citySpeeches[0].unitId).toBe(SPEAKER);
      expect(citySpeeches.slice(1).every((s) => s.unitId === null)).toBe(true);
      expect(speeches.filter((s) => s.conferenceId === confs[3].id).map((s) => s.topic)).toEqual(["Kinh nghiệm"]);

      const columns = (await db.execute(
        sql`select column_name from information_schema.columns where table_name = 'plans' and column_name in ('conferences', 'speeches')`,
      )) as unknown as { rows: unknown[] };
      expect(columns.rows).toEqual([]);
    } finally {
      await scratch.close();
    }
  },
);
