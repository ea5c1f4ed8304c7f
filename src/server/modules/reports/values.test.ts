import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { ReportTotals, UnitReport } from "../../../contracts/reports";
import { obligations } from "../../db/schema/index";
import { makeUnit, makeUser, type UnitRow, type UserRow, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import type { TaskRow } from "../tracking/fixtures";
import { fillValues, makeForm, makeReportPlan, obligate } from "./testing";

/**
 * A province, two districts and five communes; the province's task asks every commune for a report with
 * three entered indicators (Party cells, cells that passed, new members) and a computed ratio.
 */
describeOnDatabases("unit reports: values, rules and totals", (ctx) => {
  let province: UnitRow;
  const districts: UnitRow[] = [];
  const communes: UnitRow[] = [];
  let manager: UserRow;
  let task: TaskRow;
  let ids: Record<string, string>;
  let owed: Array<typeof obligations.$inferSelect>;
  let clerk: TestClient;
  let boss: TestClient;
  const put = (client: TestClient, i: number, version: number, values: Record<string, number | null>) =>
    client.put(`/api/obligations/${owed[i].id}/report/values`, {
      version,
      values: Object.entries(values).map(([code, value]) => ({ indicatorId: ids[code], value })),
    });

  beforeAll(async () => {
    const { db } = ctx();
    province = await makeUnit(db, { name: unique("Tỉnh ủy"), kind: "tinh-uy", tree: "party" });
    for (const d of [1, 2]) districts.push(await makeUnit(db, { name: `Huyện ủy ${d}`, kind: "huyen-uy", parent: province }));
    for (const [d, n] of [
      [0, 3],
      [1, 2],
    ])
      for (let c = 1; c <= n; c++)
        communes.push(await makeUnit(db, { name: `Đảng ủy xã ${d}-${c}`, kind: "dang-uy", parent: districts[d] }));
    manager = await makeUser(db, { unit: province, grants: [{ unit: province, role: "manager" }] });
    ({ task } = await makeReportPlan(db, { issuerUnitId: province.id, createdBy: manager.id }));
    ({ ids } = await makeForm(db, task.id, [
      { code: "CB", name: "Tổng số chi bộ", kind: "integer", min: 0 },
      { code: "CBD", name: "Số chi bộ đạt", kind: "integer", min: 0, notAbove: "CB" },
      { code: "DVM", name: "Số đảng viên mới", kind: "integer", min: 0 },
      { code: "TL", name: "Tỷ lệ chi bộ đạt", kind: "percentage", ratio: ["CBD", "CB"] },
    ]));
    owed = await obligate(
      db,
      task,
      communes.map((c) => c.id),
    );
    const member = await makeUser(db, { unit: communes[0], grants: [{ unit: communes[0], role: "member" }] });
    clerk = await signedIn(ctx().app, member);
    boss = await signedIn(ctx().app, manager);
  });

  it("saves a unit's values and computes its ratio", async () => {
    const res = await put(clerk, 0, 0, { CB: 10, CBD: 8, DVM: 3 });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<UnitReport>();
    expect(report.version).toBe(1);
    expect(report.canEdit).toBe(true);
    expect(report.values.map((v) => v.value)).toEqual([10, 8, 3]);
    expect(report.computed).toEqual([{ indicatorId: ids.TL, value: 80 }]);
    expect((await clerk.get(`/api/obligations/${owed[0].id}/report`)).json<UnitReport>()).toEqual(report);
  });

  it("refuses values that break a rule, naming it in Vietnamese, and saves nothing", async () => {
    const refusals: Array<[Record<string, number | null>, string]> = [
      [{ DVM: -1 }, "Chỉ tiêu «Số đảng viên mới» phải ≥ 0"],
      [{ CBD: 12 }, "«Số chi bộ đạt» không được lớn hơn «Tổng số chi bộ» (12 > 10)"],
      [{ CB: 7 }, "«Số chi bộ đạt» không được lớn hơn «Tổng số chi bộ» (8 > 7)"],
      [{ DVM: 2.5 }, "Chỉ tiêu «Số đảng viên mới» phải là số nguyên"],
      [{ TL: 50 }, "Chỉ tiêu «Tỷ lệ chi bộ đạt» được tính tự động"],
    ];
    for (const [values, message] of refusals) {
      const res = await put(clerk, 0, 1, values);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION");
      expect(res.json().error.message).toContain(message);
    }
    const unknown = await clerk.put(`/api/obligations/${owed[0].id}/report/values`, {
      version: 1,
      values: [{ indicatorId: crypto.randomUUID(), value: 1 }],
    });
    expect(unknown.statusCode).toBe(400);
    const after = (await clerk.get(`/api/obligations/${owed[0].id}/report`)).json<UnitReport>();
    expect(after.version).toBe(1);
    expect(after.values.map((v) => v.value)).toEqual([10, 8, 3]);
  });

  it("keeps the form's indicators that hold values: no deletion, no turning into a computed ratio (409)", async () => {
    const form = (await boss.get(`/api/tasks/${task.id}/report-form`)).json();
    const toRatio = await boss.patch(`/api/report-forms/${form.id}/indicators/${ids.DVM}`, {
      version: form.version,
      ratio: { numeratorId: ids.CBD, denominatorId: ids.CB },
    });
    expect(toRatio.statusCode).toBe(409);
    expect(toRatio.json().error.message).toContain("«Số đảng viên mới» đã có số liệu của 1 đơn vị");
    expect((await boss.delete(`/api/report-forms/${form.id}/indicators/${ids.DVM}?version=${form.version}`)).statusCode).toBe(409);
  });

  it("refuses a stale version with 409 and clears a value given as null", async () => {
    expect((await put(clerk, 0, 0, { DVM: 4 })).statusCode).toBe(409);
    const cleared = await put(clerk, 0, 1, { DVM: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json<UnitReport>().values.map((v) => v.value)).toEqual([10, 8, null]);
    expect((await put(clerk, 0, 2, { DVM: 3 })).statusCode).toBe(200);
  });

  it("refuses another unit's report with 403 and hides it from an outsider with 404", async () => {
    const other = await put(clerk, 1, 0, { CB: 1 });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toContain("đơn vị mình");
    const elsewhere = await makeUnit(ctx().db);
    const outsider = await signedIn(
      ctx().app,
      await makeUser(ctx().db, { unit: elsewhere, grants: [{ unit: elsewhere, role: "manager" }] }),
    );
    expect((await outsider.get(`/api/obligations/${owed[0].id}/report`)).statusCode).toBe(404);
    // The province's manager acts for every unit below it, as it may submit for them.
    expect((await put(boss, 4, 0, { CB: 4, CBD: 1, DVM: 0 })).statusCode).toBe(200);
  });

  it("locks a report once its obligation is accepted (409)", async () => {
    const { db } = ctx();
    expect((await put(boss, 3, 0, { CB: 2, CBD: 2, DVM: 1 })).statusCode).toBe(200);
    await db.update(obligations).set({ status: "accepted", acceptedAt: new Date() }).where(eq(obligations.id, owed[3].id));
    const locked = await put(boss, 3, 1, { DVM: 5 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toContain("đã được cấp trên tiếp nhận");
    expect((await boss.get(`/api/obligations/${owed[3].id}/report`)).json<UnitReport>().canEdit).toBe(false);
  });

  it("compiles communes → district → province: the province's numbers are the sums over all communes, the ratio from the sums", async () => {
    const { db } = ctx();
    // Commune 1 and 2 of district 1 (index 1, 2) are filled in bulk; commune 0 (10/8/3), 3 (2/2/1) and 4 (4/1/0) came through the API.
    await fillValues(db, (await boss.get(`/api/tasks/${task.id}/report-form`)).json().id, [
      { obligation: owed[1], values: { [ids.CB]: 6, [ids.CBD]: 3, [ids.DVM]: 2 } },
      { obligation: owed[2], values: { [ids.CB]: 5, [ids.DVM]: 7 } },
    ]);
    const total = (t: ReportTotals["totals"], code: string) => t.find((x) => x.indicatorId === ids[code]);
    const topTotals = async () => (await boss.get(`/api/tasks/${task.id}/report-totals?unitId=${province.id}`)).json<ReportTotals>();
    // Sent reports count (commune 3 is accepted); commune 4's is still its own draft, then sent back for correction.
    const status = (i: number, s: "submitted" | "returned") =>
      db.update(obligations).set({ status: s, submittedAt: new Date() }).where(eq(obligations.id, owed[i].id));
    for (const i of [0, 1, 2]) await status(i, "submitted");
    expect(total((await topTotals()).totals, "CB")).toEqual({ indicatorId: ids.CB, value: 10 + 6 + 5 + 2, included: 4, expected: 5 });
    await status(4, "returned");
    expect(total((await topTotals()).totals, "DVM")).toMatchObject({ value: 3 + 2 + 7 + 1, included: 4, expected: 5 });
    await status(4, "submitted");
    const top = await topTotals();
    expect(top.parent?.id).toBe(province.id);
    expect(total(top.totals, "CB")).toEqual({ indicatorId: ids.CB, value: 10 + 6 + 5 + 2 + 4, included: 5, expected: 5 });
    expect(total(top.totals, "DVM")?.value).toBe(3 + 2 + 7 + 1 + 0);
    expect(total(top.totals, "CBD")).toMatchObject({ value: 8 + 3 + 2 + 1, included: 4 });
    // Σ passed ÷ Σ cells over the four communes that gave both, not the average of their ratios.
    expect(total(top.totals, "TL")).toMatchObject({ value: ((8 + 3 + 2 + 1) / (10 + 6 + 2 + 4)) * 100, included: 4, expected: 5 });
    expect(top.children.map((c) => c.unit.id)).toEqual([districts[0].id, districts[1].id]);
    const [d1, d2] = top.children;
    expect(total(d1.totals, "CB")).toEqual({ indicatorId: ids.CB, value: 21, included: 3, expected: 3 });
    expect(total(d2.totals, "CB")).toEqual({ indicatorId: ids.CB, value: 6, included: 2, expected: 2 });
    expect(total(d1.totals, "TL")?.value).toBeCloseTo((11 / 16) * 100, 10);
    expect(d1.hasChildren).toBe(true);
    // The children add up to the level's total, level by level.
    for (const code of ["CB", "CBD", "DVM"])
      expect((total(d1.totals, code)?.value ?? 0) + (total(d2.totals, code)?.value ?? 0)).toBe(total(top.totals, code)?.value);
    const district = (await boss.get(`/api/tasks/${task.id}/report-totals?unitId=${districts[0].id}`)).json<ReportTotals>();
    expect(district.children.map((c) => total(c.totals, "CB")?.value)).toEqual([10, 6, 5]);
    expect(district.breadcrumb.map((b) => b.id)).toEqual([province.id, districts[0].id]);
    expect(total(district.totals, "CB")).toEqual(total(d1.totals, "CB"));
  });

  it("shows a commune only its own numbers: another district is 403, an unknown unit 404", async () => {
    const own = await clerk.get(`/api/tasks/${task.id}/report-totals`);
    expect(own.statusCode, own.body).toBe(200);
    const body = own.json<ReportTotals>();
    expect(body.children.map((c) => c.unit.id)).toEqual([communes[0].id]);
    expect(body.totals.find((t) => t.indicatorId === ids.CB)).toMatchObject({ value: 10, included: 1, expected: 1 });
    expect((await clerk.get(`/api/tasks/${task.id}/report-totals?unitId=${districts[1].id}`)).statusCode).toBe(403);
    expect((await clerk.get(`/api/tasks/${task.id}/report-totals?unitId=${communes[1].id}`)).statusCode).toBe(403);
    expect((await clerk.get(`/api/tasks/${task.id}/report-totals?unitId=${crypto.randomUUID()}`)).statusCode).toBe(404);
    const fromAbove = (await clerk.get(`/api/tasks/${task.id}/report-totals?unitId=${province.id}`)).json<ReportTotals>();
    expect(fromAbove.totals.find((t) => t.indicatorId === ids.CB)).toMatchObject({ value: 10, included: 1, expected: 1 });
  });
});
