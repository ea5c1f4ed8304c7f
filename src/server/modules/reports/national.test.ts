import { expect, it } from "vitest";
import type { ReportTotals } from "../../../contracts/reports";
import type { Db } from "../../db/client";
import { seedSynthetic } from "../../db/seed/synthetic";
import { makeUser, reloadUnit } from "../../testing/factories";
import { describeOnDatabases } from "../../testing/harness";
import { actorFor } from "../tracking/fixtures";
import { getTotals } from "./rollup";
import { fillValues, makeForm, makeReportPlan, obligate } from "./testing";

/**
 * The roll-up on the synthetic national tree (34 provinces, 3,321 communes): every commune fills two numbers and sends its report,
 * and the totals at each province and at the top are their sums, the ratio recomputed from the sums. The whole
 * country is written and read inside one transaction that is rolled back, so the shared PostgreSQL test
 * database keeps none of its 13,000 units.
 */
class RolledBack extends Error {}

async function rolledBack(db: Db, body: (tx: Db) => Promise<void>): Promise<void> {
  await db
    .transaction(async (tx) => {
      await body(tx);
      throw new RolledBack();
    })
    .catch((error) => {
      if (!(error instanceof RolledBack)) throw error;
    });
}

describeOnDatabases("report totals on the national tree", (ctx) => {
  it("sums an indicator filled by 3,321 communes at each of the 34 provinces and at the top, the ratio from the sums", async () => {
    await rolledBack(ctx().db, async (tx) => {
      const country = await seedSynthetic(tx, { provinces: 34, communes: 3321, label: "Báo cáo số" });
      const top = country.provinces[0].stateRootId;
      const topUnit = await reloadUnit(tx, top);
      const admin = await makeUser(tx, { unit: topUnit, grants: [{ unit: topUnit, role: "admin" }] });
      const actor = await actorFor(tx, admin);
      const { task } = await makeReportPlan(tx, { issuerUnitId: top, createdBy: admin.id });
      const { form, ids } = await makeForm(tx, task.id, [
        { code: "CB", name: "Tổng số chi bộ", kind: "integer", min: 0 },
        { code: "CBD", name: "Số chi bộ đạt", kind: "integer", min: 0, notAbove: "CB" },
        { code: "TL", name: "Tỷ lệ chi bộ đạt", kind: "percentage", ratio: ["CBD", "CB"] },
      ]);
      const owed = await obligate(tx, task, country.communeIds, { status: "submitted", submittedAt: new Date() });
      const cells = (i: number) => 5 + (i % 7);
      const passed = (i: number) => i % 5;
      await fillValues(
        tx,
        form.id,
        owed.map((obligation, i) => ({ obligation, values: { [ids.CB]: cells(i), [ids.CBD]: passed(i) } })),
      );

      // What each province must show, from the communes' own numbers (communes are listed province by province).
      const expected = new Map<string, { cells: number; passed: number; communes: number }>();
      let next = 0;
      for (const p of country.provinces) {
        const sums = { cells: 0, passed: 0, communes: p.communeCount };
        for (let i = next; i < next + p.communeCount; i++) (sums.cells += cells(i)), (sums.passed += passed(i));
        next += p.communeCount;
        expected.set(p.stateRootId, sums);
      }
      const value = (totals: ReportTotals["totals"], id: string) => totals.find((t) => t.indicatorId === id);

      const national = await getTotals(tx, { actor, taskId: task.id });
      expect(national.parent).toBeNull();
      expect(national.children).toHaveLength(34);
      for (const child of national.children) {
        const want = expected.get(child.unit.id);
        expect(want, child.unit.name).toBeDefined();
        if (!want) continue;
        expect(value(child.totals, ids.CB)).toEqual({
          indicatorId: ids.CB,
          value: want.cells,
          included: want.communes,
          expected: want.communes,
        });
        expect(value(child.totals, ids.CBD)?.value).toBe(want.passed);
        expect(value(child.totals, ids.TL)?.value).toBeCloseTo((want.passed / want.cells) * 100, 9);
        expect(child.hasChildren).toBe(true);
      }
      const allCells = [...expected.values()].reduce((n, e) => n + e.cells, 0);
      const allPassed = [...expected.values()].reduce((n, e) => n + e.passed, 0);
      expect(value(national.totals, ids.CB)).toEqual({ indicatorId: ids.CB, value: allCells, included: 3321, expected: 3321 });
      expect(value(national.totals, ids.CBD)?.value).toBe(allPassed);
      const ratio = value(national.totals, ids.TL)?.value ?? Number.NaN;
      expect(ratio).toBeCloseTo((allPassed / allCells) * 100, 9);
      // Recomputed from sums, which here differs from the mean of the communes' own ratios.
      const mean = owed.reduce((s, _, i) => s + (passed(i) / cells(i)) * 100, 0) / owed.length;
      expect(Math.abs(ratio - mean)).toBeGreaterThan(0.1);

      // One province opened: its communes as children, the same totals as its row at the top.
      const first = country.provinces[0];
      const province = await getTotals(tx, { actor, taskId: task.id, unitId: first.stateRootId });
      expect(province.children).toHaveLength(first.communeCount);
      expect(province.totals).toEqual(national.children.find((c) => c.unit.id === first.stateRootId)?.totals);
    });
  });
});
