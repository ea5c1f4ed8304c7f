import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CompiledView } from "../../../contracts/report-compile";
import { obligations, reportHeadings } from "../../db/schema/index";
import { readDocx } from "../../platform/documents/testing/read-docx";
import { makeUnit, makeUser, type UnitRow, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import type { TaskRow } from "../tracking/fixtures";
import { fillValues, linkChildPlan, makeForm, makeReportPlan, obligate, writeSection } from "./testing";

type Obligation = typeof obligations.$inferSelect;
const INDICATORS = [
  { code: "CB", name: "Tổng số chi bộ", kind: "integer" as const, min: 0 },
  { code: "CBD", name: "Số chi bộ đạt", kind: "integer" as const, min: 0, notAbove: "CB" },
  { code: "TL", name: "Tỷ lệ chi bộ đạt", kind: "percentage" as const, ratio: ["CBD", "CB"] as [string, string] },
];
const VALUES: Array<{ CB: number; CBD: number }> = [
  { CB: 10, CBD: 8 },
  { CB: 7, CBD: 7 },
  { CB: 12, CBD: 9 },
];

/**
 * Three levels on a synthetic tree: a province asks its two districts for a report; each district answers with
 * its own plan asking its communes (district 1: two communes, district 2: one). Each level compiles and marks
 * final; a district's final submits its obligation of the province's plan; the province sends district 1's back,
 * it reopens, is final again (its second number) and is accepted; the province's totals equal the communes' sums.
 */
describeOnDatabases("compiled reports across three levels", (ctx) => {
  let province: UnitRow;
  const districts: UnitRow[] = [];
  const communes: UnitRow[] = [];
  const forms: Array<{ task: TaskRow; formId: string; ids: Record<string, string>; headings: string[] }> = [];
  let upward: Obligation[];
  const owed: Obligation[][] = [];
  const clients: Record<string, TestClient> = {};
  let managerId = "";
  const url = (i: number, rest = "") => `/api/tasks/${forms[i].task.id}/report-compiled${rest}`;

  async function formFor(issuerId: string, managerId: string) {
    const { db } = ctx();
    const { plan, task } = await makeReportPlan(db, { issuerUnitId: issuerId, createdBy: managerId });
    const made = await makeForm(db, task.id, INDICATORS);
    const [second] = await db
      .insert(reportHeadings)
      .values({ formId: made.form.id, sortOrder: 1, number: "II", heading: "Kết quả thực hiện" })
      .returning();
    forms.push({ task, formId: made.form.id, ids: made.ids, headings: [made.heading.id, second.id] });
    return plan;
  }

  beforeAll(async () => {
    const { db, app } = ctx();
    province = await makeUnit(db, { name: unique("Tỉnh ủy"), kind: "tinh-uy", tree: "party" });
    for (const d of [1, 2]) districts.push(await makeUnit(db, { name: `Huyện ủy ${d}`, kind: "huyen-uy", parent: province }));
    communes.push(await makeUnit(db, { name: "Đảng ủy xã Đông Hải", kind: "dang-uy", parent: districts[0] }));
    communes.push(await makeUnit(db, { name: "Đảng ủy xã Tây Sơn", kind: "dang-uy", parent: districts[0] }));
    communes.push(await makeUnit(db, { name: "Đảng ủy xã Nam Hà", kind: "dang-uy", parent: districts[1] }));
    const user = (unit: UnitRow, role: "manager" | "member") => makeUser(db, { unit, grants: [{ unit, role }] });
    const pm = await user(province, "manager");
    managerId = pm.id;
    const dm = [await user(districts[0], "manager"), await user(districts[1], "manager")];
    const cm = [await user(communes[0], "member"), await user(communes[1], "member"), await user(communes[2], "member")];
    const provincePlan = await formFor(province.id, pm.id);
    upward = await obligate(db, forms[0].task, [districts[0].id, districts[1].id]);
    for (const [d, under] of [
      [0, [0, 1]],
      [1, [2]],
    ] as const) {
      const plan = await formFor(districts[d].id, dm[d].id);
      await linkChildPlan(db, { obligationId: upward[d].id, childPlanId: plan.id, parentPlanId: provincePlan.id });
      const f = forms[d + 1];
      owed[d] = await obligate(
        db,
        f.task,
        under.map((c) => communes[c].id),
        { status: "submitted", submittedAt: new Date() },
      );
      await fillValues(
        db,
        f.formId,
        under.map((c, k) => ({ obligation: owed[d][k], values: { [f.ids.CB]: VALUES[c].CB, [f.ids.CBD]: VALUES[c].CBD } })),
      );
      for (const [k, c] of under.entries())
        if (c !== 1)
          await writeSection(db, {
            formId: f.formId,
            obligation: owed[d][k],
            headingId: f.headings[1],
            text: `${communes[c].name} đã tổ chức hội nghị tổng kết.\nKết quả: ${VALUES[c].CBD} chi bộ đạt.`,
          });
    }
    clients.pm = await signedIn(app, pm);
    clients.d1 = await signedIn(app, dm[0]);
    clients.d2 = await signedIn(app, dm[1]);
    clients.c1 = await signedIn(app, cm[0]);
    clients.c2 = await signedIn(app, cm[1]);
  });

  const view = async (client: TestClient, i: number, query = "") => {
    const res = await client.get(url(i, query));
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CompiledView>();
  };

  it("refuses a commune the district's compiled view and another commune's", async () => {
    expect((await clients.c1.get(url(1))).statusCode).toBe(403);
    expect((await clients.c1.get(url(1, `?unitId=${districts[0].id}`))).statusCode).toBe(403);
    expect([403, 404]).toContain((await clients.c1.get(url(1, `?unitId=${communes[1].id}`))).statusCode);
    expect([403, 404]).toContain((await clients.c1.get(url(2))).statusCode);
  });

  it("shows every unit's text side by side, the missing ones, search without diacritics and the totals", async () => {
    const v = await view(clients.d1, 1);
    const results = v.headings.find((h) => h.headingId === forms[1].headings[1]);
    expect(results?.sections.map((s) => s.unitName)).toEqual(["Đảng ủy xã Đông Hải"]);
    expect(results?.missing.map((m) => m.unitName)).toEqual(["Đảng ủy xã Tây Sơn"]);
    const total = (id: string) => v.totals?.totals.find((t) => t.indicatorId === id);
    expect(total(forms[1].ids.CB)).toMatchObject({ value: 17, included: 2, expected: 2 });
    const searched = await view(clients.d1, 1, `?q=${encodeURIComponent("dong hai to chuc")}&headingId=${forms[1].headings[1]}`);
    expect(searched.headings).toHaveLength(1);
    expect(searched.headings[0].sections).toHaveLength(1);
    const none = await view(clients.d1, 1, `?q=khong+co+dau&headingId=${forms[1].headings[1]}`);
    expect(none.headings[0].sections).toHaveLength(0);
    const filtered = await view(clients.d1, 1, `?below=${communes[1].id}`);
    expect(filtered.units.map((u) => u.unitName)).toEqual(["Đảng ủy xã Tây Sơn"]);
  });

  it("picks a section and a selected passage into the draft; a stale version is a 409, a foreign passage a 400", async () => {
    const heading = forms[1].headings[1];
    const pick = (body: Record<string, unknown>) =>
      clients.d1.post(url(1, "/pick"), { headingId: heading, obligationId: owed[0][0].id, ...body });
    const first = await pick({ version: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().text).toBe("Đảng ủy xã Đông Hải:\nĐảng ủy xã Đông Hải đã tổ chức hội nghị tổng kết.\nKết quả: 8 chi bộ đạt.");
    expect((await pick({ version: 0, selection: "Kết quả: 8 chi bộ đạt." })).statusCode).toBe(409);
    const second = await pick({ version: 1, selection: "Kết quả: 8 chi bộ đạt." });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().text.endsWith("Đảng ủy xã Đông Hải:\nKết quả: 8 chi bộ đạt.")).toBe(true);
    expect((await pick({ version: 2, selection: "<script>alert(1)</script>" })).statusCode).toBe(400);
    const edited = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Toàn huyện đã tổng kết." }] }] };
    const script = { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }] };
    const refused = await clients.d1.put(url(1, `/sections/${heading}`), { version: 2, doc: script });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain("không được phép");
    const saved = await clients.d1.put(url(1, `/sections/${heading}`), { version: 2, doc: edited });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await clients.d1.put(url(1, `/sections/${heading}`), { version: 2, doc: edited })).statusCode).toBe(409);
    expect((await clients.c1.post(url(1, "/pick"), { headingId: heading, obligationId: owed[0][0].id, version: 3 })).statusCode).toBe(403);
  });

  it("refuses final while a unit is neither accepted nor excused, naming them", async () => {
    const res = await clients.d1.post(url(1, "/final"), { version: 0 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("2/2");
    expect(res.json().error.message).toContain("Đảng ủy xã Đông Hải");
    expect(res.json().error.message).toContain("Đảng ủy xã Tây Sơn");
  });

  it("accepts (locking the report), returns with a comment at a section, excuses, then marks final and submits upward", async () => {
    const accept = await clients.d1.post(`/api/obligations/${owed[0][0].id}/report/accept`, { version: owed[0][0].version });
    expect(accept.statusCode, accept.body).toBe(200);
    const locked = await clients.c1.put(`/api/obligations/${owed[0][0].id}/report/values`, { version: 1, values: [] });
    expect(locked.statusCode).toBe(409);
    const heading = forms[1].headings[1];
    const back = await clients.d1.post(`/api/obligations/${owed[0][1].id}/report/return`, {
      version: owed[0][1].version,
      comments: [{ headingId: heading, body: "Chưa nêu kết quả hội nghị." }],
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().status).toBe("returned");
    const comments = await clients.c2.get(`/api/obligations/${owed[0][1].id}/report/comments`);
    expect(comments.json().comments).toMatchObject([{ headingId: heading, body: "Chưa nêu kết quả hội nghị." }]);
    const still = await clients.d1.post(url(1, "/final"), { version: 0 });
    expect(still.statusCode).toBe(409);
    expect(still.json().error.message).toContain("1/2");
    expect((await clients.c2.put(`/api/obligations/${owed[0][1].id}/report/excuse`, { note: "tự miễn" })).statusCode).toBe(403);
    const excuse = await clients.d1.put(`/api/obligations/${owed[0][1].id}/report/excuse`, {
      note: "Đã sáp nhập, báo cáo chung với xã Đông Hải.",
    });
    expect(excuse.statusCode, excuse.body).toBe(200);
    const final = await clients.d1.post(url(1, "/final"), { version: 0 });
    expect(final.statusCode, final.body).toBe(200);
    expect(final.json().documentNumber).toMatch(/^1\/BC-/);
    expect(final.json().submittedObligationId).toBe(upward[0].id);
    const again = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Sửa sau khi chốt." }] }] };
    const after = await clients.d1.put(url(1, `/sections/${heading}`), { version: 3, doc: again });
    expect(after.statusCode).toBe(409);
    const sent = await clients.pm.get(`/api/obligations/${upward[0].id}`);
    expect(sent.json().status).toBe("submitted");
    expect(JSON.stringify(sent.json().submissions)).toContain(".docx");
  });

  it("reopens the district's final report the province sends back: reason at its section, editable, final again re-submits; accepted, locked", async () => {
    const heading = forms[1].headings[1];
    const sent = (await clients.pm.get(`/api/obligations/${upward[0].id}`)).json<Obligation>();
    const back = await clients.pm.post(`/api/obligations/${upward[0].id}/report/return`, {
      version: sent.version,
      comments: [{ headingId: forms[0].headings[1], body: "Bổ sung kết quả hội nghị của từng xã." }],
    });
    expect(back.statusCode, back.body).toBe(200);
    const reopened = await view(clients.d1, 1);
    expect(reopened.report).toMatchObject({ status: "returned", canEdit: true });
    expect(reopened.upward).toMatchObject({ obligationId: upward[0].id, status: "returned" });
    expect(reopened.upward?.returnedReason).toContain("Bổ sung kết quả hội nghị của từng xã.");
    // The province's heading "II Kết quả thực hiện" is the district's own heading II.
    expect(reopened.upward?.comments).toMatchObject([{ headingId: heading, body: "Bổ sung kết quả hội nghị của từng xã." }]);
    const version = reopened.headings.find((h) => h.headingId === heading)?.compiled?.version ?? -1;
    const pick = (client: TestClient, v: number) =>
      client.post(url(1, "/pick"), { headingId: heading, obligationId: owed[0][0].id, selection: "Kết quả: 8 chi bộ đạt.", version: v });
    // Another district never edits this one's report, reopened or not.
    expect((await pick(clients.d2, version)).statusCode).toBe(403);
    expect((await clients.d2.post(url(1, "/final"), { version: reopened.report.version })).statusCode).toBe(403);
    const picked = await pick(clients.d1, version);
    expect(picked.statusCode, picked.body).toBe(200);
    const refinal = await clients.d1.post(url(1, "/final"), { version: reopened.report.version });
    expect(refinal.statusCode, refinal.body).toBe(200);
    expect(refinal.json().documentNumber).toMatch(/^2\/BC-/);
    expect(refinal.json().submittedObligationId).toBe(upward[0].id);
    const resent = (await clients.pm.get(`/api/obligations/${upward[0].id}`)).json<Obligation>();
    expect(resent.status).toBe("submitted");
    const final = await view(clients.d1, 1);
    expect(final.report).toMatchObject({ status: "final", canEdit: false });
    expect(final.upward).toMatchObject({ status: "submitted", returnedReason: null, comments: [] });
    expect((await pick(clients.d1, version + 1)).statusCode).toBe(409);
    const accepted = await clients.pm.post(`/api/obligations/${upward[0].id}/report/accept`, { version: resent.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await view(clients.d1, 1)).report).toMatchObject({ status: "accepted", canEdit: false });
    const locked = await pick(clients.d1, version + 1);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toContain("Cấp trên đã tiếp nhận");
    const edit = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Sửa sau khi tiếp nhận." }] }] };
    expect((await clients.d1.put(url(1, `/sections/${heading}`), { version: version + 1, doc: edit })).statusCode).toBe(409);
    expect((await clients.d1.post(url(1, "/final"), { version: final.report.version })).statusCode).toBe(409);
  });

  it("compiles the province from the districts: final refused until both are in, totals equal the communes' sums", async () => {
    const refused = await clients.pm.post(url(0, "/final"), { version: 0 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("Huyện ủy 2");
    const accept2 = await clients.d2.post(`/api/obligations/${owed[1][0].id}/report/accept`, { version: owed[1][0].version });
    expect(accept2.statusCode, accept2.body).toBe(200);
    expect((await clients.d2.post(url(2, "/final"), { version: 0 })).statusCode).toBe(200);
    const v = await view(clients.pm, 0);
    for (const u of v.units.filter((x) => x.status === "submitted")) {
      const res = await clients.pm.post(`/api/obligations/${u.obligationId}/report/accept`, { version: u.version });
      expect(res.statusCode, res.body).toBe(200);
    }
    const provinceView = await view(clients.pm, 0);
    const total = (code: string) => provinceView.totals?.totals.find((t) => t.indicatorId === forms[0].ids[code])?.value;
    // Xã Tây Sơn's report was sent back and then excused: its numbers, never sent again, are not the district's.
    const counted = [VALUES[0], VALUES[2]];
    const cb = counted.reduce((n, v) => n + v.CB, 0);
    const cbd = counted.reduce((n, v) => n + v.CBD, 0);
    expect(total("CB")).toBe(cb);
    expect(total("CBD")).toBe(cbd);
    expect(total("TL")).toBeCloseTo((cbd / cb) * 100, 6);
    const text = provinceView.headings.find((h) => h.headingId === forms[0].headings[1]);
    // District 2 picked nothing into its compiled report, so it sent numbers only.
    expect(text?.sections.map((s) => s.unitName)).toEqual(["Huyện ủy 1"]);
    expect(text?.missing.map((m) => m.unitName)).toEqual(["Huyện ủy 2"]);
    expect(text?.sections[0].text).toContain("Toàn huyện đã tổng kết.");
    const final = await clients.pm.post(url(0, "/final"), { version: 0 });
    expect(final.statusCode, final.body).toBe(200);
    expect(final.json().submittedObligationId).toBeNull();
  });

  describe("exports", () => {
    it("writes the district's final report as a numbered Báo cáo with the compiled text and totals", async () => {
      const res = await clients.d1.get(url(1, "/export.docx"));
      expect(res.statusCode, res.body).toBe(200);
      const { text } = await readDocx(res.rawPayload);
      expect(text).toContain("BÁO CÁO");
      expect(text).toMatch(/Số: 2\/BC-/);
      expect(text).toContain("Toàn huyện đã tổng kết.");
      expect(text).toContain("SỐ LIỆU TỔNG HỢP");
      expect(text).toContain("Tổng số chi bộ");
      expect(text).toMatch(/Tổng số chi bộ\D*10\b/);
    });

    it("writes the numbers with a totals row of formulas (ratio from the summed parts)", async () => {
      const res = await clients.d1.get(url(1, "/export.xlsx"));
      expect(res.statusCode, res.body).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push(row.values as unknown[]));
      const totalsRow = sheet.getRow(sheet.rowCount);
      expect(totalsRow.getCell(2).value).toBe("Tổng cộng");
      // Xã Tây Sơn (row 6), sent back then excused, has no numbers here: the sums are Đông Hải's alone.
      expect(totalsRow.getCell(3).value).toMatchObject({ formula: "SUM(C5:C6)", result: 10 });
      expect(totalsRow.getCell(4).value).toMatchObject({ formula: "SUM(D5:D6)", result: 8 });
      expect(sheet.getRow(6).getCell(3).value ?? null).toBeNull();
      expect((totalsRow.getCell(5).value as { formula: string }).formula).toBe('IF(SUM(C5:C6)=0,"",SUM(D5:D6)/SUM(C5:C6)*100)');
      expect(sheet.getRow(5).getCell(2).value).toBe("Đảng ủy xã Đông Hải");
      expect(sheet.getRow(5).getCell(3).value).toBe(10);
    });

    it("refuses a commune the district's exports", async () => {
      expect((await clients.c1.get(url(1, "/export.docx"))).statusCode).toBe(403);
      expect((await clients.c1.get(url(1, "/export.xlsx"))).statusCode).toBe(403);
    });
  });

  it("answers a task without a form with an empty view (nothing to compile), not an error", async () => {
    const { task } = await makeReportPlan(ctx().db, { issuerUnitId: province.id, createdBy: managerId });
    await obligate(ctx().db, task, [districts[0].id]);
    const v = await clients.pm.get(`/api/tasks/${task.id}/report-compiled`);
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({ form: null, totals: null, units: [], headings: [] });
    expect((await clients.pm.get(`/api/tasks/${task.id}/report-compiled/export.docx`)).statusCode).toBe(404);
  });

  it("keeps values and sections stored: the locked obligation's row is unchanged", async () => {
    const [row] = await ctx().db.select().from(obligations).where(eq(obligations.id, owed[0][0].id));
    expect(row.status).toBe("accepted");
  });
});
