import { beforeAll, expect, it } from "vitest";
import type { PlanDetail } from "../../../contracts/plans";
import type { ReportForm } from "../../../contracts/reports";
import { readPlanText } from "../../../domain/importer/index";
import { makeUnit, makeUser, type UnitRow, type UserRow, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import { makeTask } from "../tracking/fixtures";
import { ANNEXED_PLAN, makeReportPlan, seed000Sections, seed001Result } from "./testing";

describeOnDatabases("report forms", (ctx) => {
  let city: UnitRow;
  let manager: UserRow;
  let member: UserRow;
  let c: TestClient;
  const task = async () =>
    (await makeReportPlan(ctx().db, { issuerUnitId: city.id, createdBy: manager.id, sections: seed000Sections() })).task;
  const create = (taskId: string, body: unknown) => c.post(`/api/tasks/${taskId}/report-form`, body);

  beforeAll(async () => {
    const { db } = ctx();
    city = await makeUnit(db, { name: unique("Bộ CHQS thành phố"), kind: "bo-chqs", tree: "military" });
    manager = await makeUser(db, { unit: city, grants: [{ unit: city, role: "manager" }] });
    member = await makeUser(db, { unit: city, grants: [{ unit: city, role: "member" }] });
    c = await signedIn(ctx().app, manager);
  });

  it("makes the form out of seed 000's «A. NỘI DUNG BÁO CÁO» with its numbered points and guidance", async () => {
    const t = await task();
    const res = await create(t.id, { from: "outline", section: ["II", "A"] });
    expect(res.statusCode, res.body).toBe(201);
    const form = res.json<ReportForm>();
    expect(form.headings.filter((h) => h.depth === 0).map((h) => h.number)).toEqual(["I", "II", "III", "IV", "V"]);
    const points = form.headings.filter((h) => h.depth === 1);
    expect(points.map((h) => h.number)).toEqual(["1", "2", "3"]);
    expect(points.every((p) => p.parentId === form.headings[1].id)).toBe(true);
    expect(form.headings[0].heading).toBe("ĐẶC ĐIỂM TÌNH HÌNH");
    expect(form.headings[0].guidance.length).toBeGreaterThan(100);
    expect((await c.get(`/api/tasks/${t.id}/report-form`)).json<ReportForm>()).toEqual(form);
    expect((await create(t.id, { from: "empty" })).statusCode).toBe(409);
  });

  it("refuses an outline section that does not exist, a task that is not a report, and a non-manager", async () => {
    const t = await task();
    const missing = await create(t.id, { from: "outline", section: ["IX"] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain("Không tìm thấy mục IX");
    const doc = await makeTask(ctx().db, { planId: t.planId, dueDate: "2026-12-01", deliverable: "document" });
    expect((await create(doc.id, { from: "empty" })).statusCode).toBe(409);
    const m = await signedIn(ctx().app, member);
    expect((await m.post(`/api/tasks/${t.id}/report-form`, { from: "empty" })).statusCode).toBe(403);
    const elsewhere = await makeUnit(ctx().db);
    const stranger = await makeUser(ctx().db, { unit: elsewhere, grants: [{ unit: elsewhere, role: "manager" }] });
    const s = await signedIn(ctx().app, stranger);
    expect((await s.get(`/api/tasks/${t.id}/report-form`)).statusCode).toBe(404);
  });

  it("makes a form from an annex the plan kept from its import; another plan's annex is a 404, one without headings a 400", async () => {
    const imported = await c.post("/api/plans/from-import", { result: readPlanText(ANNEXED_PLAN), issuerUnitId: city.id });
    expect(imported.statusCode, imported.body).toBe(201);
    const { plan } = imported.json<{ plan: PlanDetail }>();
    expect(plan.annexes.map((a) => [a.title, a.reference])).toEqual([
      ["ĐỀ CƯƠNG BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2025", "Kèm theo Kế hoạch số 15/KH-UBND ngày 10/3/2025 của UBND xã An Lão"],
    ]);
    const [annex] = plan.annexes;
    expect(annex.sections[0].children[0].children[0].text).toBe("- Số văn bản đã ban hành;");
    // Kept with stable ids: the plan read again holds the same annex, section ids and all.
    expect((await c.get(`/api/plans/${plan.id}`)).json<PlanDetail>().annexes).toEqual(plan.annexes);
    const t = await makeTask(ctx().db, { planId: plan.id, dueDate: "2026-06-20", what: "Báo cáo sơ kết", deliverable: "report" });
    const res = await create(t.id, { from: "annex", annexId: annex.id });
    expect(res.statusCode, res.body).toBe(201);
    const form = res.json<ReportForm>();
    expect(form.headings.map((h) => `${h.depth}:${h.number} ${h.heading}`)).toEqual([
      "0:Phần thứ nhất KẾT QUẢ THỰC HIỆN",
      "1:I Công tác lãnh đạo, chỉ đạo",
      "2:1 Việc ban hành văn bản",
      "2:2 Công tác kiểm tra",
      "1:II Kết quả cụ thể",
      "0:Phần thứ hai PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM",
    ]);
    expect(form.headings[2].guidance).toBe("- Số văn bản đã ban hành;");

    // Seed 001 keeps its real annex, the table of speeches: no headings to make a form of.
    const seed = await c.post("/api/plans/from-import", { result: seed001Result(), issuerUnitId: city.id });
    expect(seed.statusCode, seed.body).toBe(201);
    const speeches = seed.json<{ plan: PlanDetail }>().plan;
    expect(speeches.annexes.map((a) => a.title)).toEqual(["NỘI DUNG GỢI Ý VÀ PHÂN CÔNG CHUẨN BỊ THAM LUẬN"]);
    const other = await makeTask(ctx().db, { planId: speeches.id, dueDate: "2026-06-20", deliverable: "report" });
    const empty = await create(other.id, { from: "annex", annexId: speeches.annexes[0].id });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain("không có đề mục nào");
    expect((await create(other.id, { from: "annex", annexId: annex.id })).statusCode).toBe(404);
    const m = await signedIn(ctx().app, member);
    expect((await m.post(`/api/tasks/${other.id}/report-form`, { from: "annex", annexId: speeches.annexes[0].id })).statusCode).toBe(403);
  });

  it("builds a form by hand: headings added, moved and deleted, indicators with rules, a stale version refused", async () => {
    const t = await task();
    let form = (await create(t.id, { from: "empty" })).json<ReportForm>();
    const add = async (body: Record<string, unknown>) => {
      const res = await c.post(`/api/report-forms/${form.id}/headings`, { version: form.version, ...body });
      expect(res.statusCode, res.body).toBe(200);
      form = res.json<ReportForm>();
      return form.headings.find((h) => h.heading === body.heading)?.id as string;
    };
    const one = await add({ parentId: null, number: "I", heading: "Tình hình" });
    const two = await add({ parentId: null, number: "II", heading: "Kết quả" });
    const sub = await add({ parentId: two, number: "1", heading: "Công tác đảng" });
    await add({ parentId: null, position: 0, number: "0", heading: "Mở đầu" });
    expect(form.headings.map((h) => h.heading)).toEqual(["Mở đầu", "Tình hình", "Kết quả", "Công tác đảng"]);

    const moved = await c.patch(`/api/report-forms/${form.id}/headings/${sub}`, { version: form.version, parentId: one });
    expect(moved.statusCode, moved.body).toBe(200);
    form = moved.json<ReportForm>();
    expect(form.headings.map((h) => `${h.depth}:${h.heading}`)).toEqual(["0:Mở đầu", "0:Tình hình", "1:Công tác đảng", "0:Kết quả"]);
    const loop = await c.patch(`/api/report-forms/${form.id}/headings/${one}`, { version: form.version, parentId: sub });
    expect(loop.statusCode).toBe(400);
    const stale = await c.patch(`/api/report-forms/${form.id}/headings/${one}`, { version: form.version - 1, heading: "Khác" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("VERSION_CONFLICT");

    const indicator = async (body: Record<string, unknown>) =>
      c.post(`/api/report-forms/${form.id}/indicators`, { version: form.version, headingId: sub, unitOfMeasure: "", ...body });
    const keep = async (body: Record<string, unknown>) => {
      const res = await indicator(body);
      expect(res.statusCode, res.body).toBe(200);
      form = res.json<ReportForm>();
      return form.indicators.find((i) => i.code === body.code)?.id as string;
    };
    const cells = await keep({ code: "CB", name: "Tổng số chi bộ", kind: "integer", min: 0 });
    const good = await keep({ code: "CBT", name: "Số chi bộ đạt", kind: "integer", min: 0, notAboveId: cells });
    const rate = await keep({
      code: "TL",
      name: "Tỷ lệ chi bộ đạt",
      kind: "percentage",
      ratio: { numeratorId: good, denominatorId: cells },
    });
    expect(form.indicators.find((i) => i.id === rate)?.computed).toBe(true);

    expect((await indicator({ code: "cb", name: "Trùng mã", kind: "integer" })).statusCode).toBe(409);
    const badRatio = await indicator({
      code: "X",
      name: "Tỷ lệ sai",
      kind: "percentage",
      ratio: { numeratorId: good, denominatorId: crypto.randomUUID() },
    });
    expect(badRatio.statusCode).toBe(400);
    expect(badRatio.json().error.message).toContain("hai chỉ tiêu của cùng biểu mẫu");
    const cycle = await c.patch(`/api/report-forms/${form.id}/indicators/${cells}`, { version: form.version, notAboveId: good });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.message).toContain("vòng lặp");
    const inUse = await c.delete(`/api/report-forms/${form.id}/indicators/${cells}?version=${form.version}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.message).toContain("«Số chi bộ đạt»");

    const dropped = await c.delete(`/api/report-forms/${form.id}/indicators/${rate}?version=${form.version}`);
    expect(dropped.statusCode, dropped.body).toBe(200);
    form = dropped.json<ReportForm>();
    const gone = await c.delete(`/api/report-forms/${form.id}/headings/${one}?version=${form.version}`);
    expect(gone.statusCode, gone.body).toBe(200);
    form = gone.json<ReportForm>();
    expect(form.headings.map((h) => h.heading)).toEqual(["Mở đầu", "Kết quả"]);
    expect(form.indicators).toEqual([]);
  });

  it("copies another form with its indicators and rules under new ids", async () => {
    const t = await task();
    let form = (await create(t.id, { from: "outline", section: ["II", "A"] })).json<ReportForm>();
    const headingId = form.headings[0].id;
    for (const body of [
      { code: "A", name: "Đảng viên", kind: "integer" },
      { code: "B", name: "Đảng viên mới", kind: "integer" },
    ]) {
      form = (await c.post(`/api/report-forms/${form.id}/indicators`, { version: form.version, headingId, ...body })).json<ReportForm>();
    }
    const [a, b] = form.indicators;
    form = (
      await c.post(`/api/report-forms/${form.id}/indicators`, {
        version: form.version,
        headingId,
        code: "R",
        name: "Tỷ lệ",
        kind: "percentage",
        ratio: { numeratorId: b.id, denominatorId: a.id },
      })
    ).json<ReportForm>();
    const other = await task();
    const res = await create(other.id, { from: "form", formId: form.id });
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json<ReportForm>();
    expect(copy.headings.map((h) => h.number)).toEqual(form.headings.map((h) => h.number));
    expect(copy.indicators.map((i) => i.code)).toEqual(["A", "B", "R"]);
    const [ca, cb, cr] = copy.indicators;
    expect(cr.ratio).toEqual({ numeratorId: cb.id, denominatorId: ca.id });
    expect(ca.id).not.toBe(a.id);
    expect(ca.headingId).toBe(copy.headings[0].id);
  });
});
