import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { vietnamToday } from "../../../domain/deadlines/index";
import { obligations, outgoingDocuments } from "../../db/schema/index";
import { readDocx } from "../../platform/documents/testing/read-docx";
import { makeUnit, makeUser, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import { issued } from "../plans/testing";
import { owedText } from "./owed";
import { formatDocumentNumber, issuerAbbreviation, takeNumber } from "./register";

async function letter(client: TestClient, planId: string, body: unknown = {}) {
  const res = await client.request("POST", `/api/plans/${planId}/urging-letter`, body);
  expect(res.statusCode, res.body).toBe(200);
  return readDocx(res.rawPayload);
}

describeOnDatabases("outgoing documents: place, register, urging letter rows, tasks as the implementation part", (ctx) => {
  /** A real-looking state tree: the city's UBND (under a unique root, so names may repeat between tests) and two departments. */
  async function stateCity() {
    const db = ctx().db;
    const top = await makeUnit(db, { name: unique("Cấp trên"), kind: "other" });
    const ubnd = await makeUnit(db, { parent: top, name: "Ủy ban nhân dân thành phố Hải Phòng", kind: "ubnd" });
    const noiVu = await makeUnit(db, { parent: ubnd, name: "Sở Nội vụ", kind: "so" });
    const yTe = await makeUnit(db, { parent: ubnd, name: "Sở Y tế", kind: "so" });
    const manager = await makeUser(db, { unit: ubnd, grants: [{ unit: ubnd, role: "manager" }] });
    return { ubnd, noiVu, yTe, client: await signedIn(ctx().app, manager) };
  }

  it("gives a plan without a place the issuer's (from its name or its parent's), and prints it before the date", async () => {
    const { ubnd, noiVu, client } = await stateCity();
    const own = await client.post("/api/plans", { issuerUnitId: ubnd.id, title: "Kế hoạch A", issuedOn: "2026-11-30" });
    expect(own.json<{ place: string }>().place).toBe("Hải Phòng");
    const dept = await client.post("/api/plans", { issuerUnitId: noiVu.id, title: "Kế hoạch B", place: "" });
    expect(dept.json<{ place: string }>().place).toBe("Hải Phòng");
    const edited = await client.post("/api/plans", { issuerUnitId: noiVu.id, title: "Kế hoạch C", place: "Thủy Nguyên" });
    expect(edited.json<{ place: string }>().place).toBe("Thủy Nguyên");
    const res = await client.get(`/api/plans/${own.json<{ id: string }>().id}/export.docx`);
    const texts = (await readDocx(res.rawPayload)).paragraphs.map((p) => p.text);
    expect(texts).toContain("Hải Phòng, ngày 30 tháng 11 năm 2026");
  });

  it("exports a plan written by hand with its tasks as the implementation part: unit, what, deadline", async () => {
    const { ubnd, noiVu, yTe, client } = await stateCity();
    const created = await client.post("/api/plans", { issuerUnitId: ubnd.id, title: "Kế hoạch tổng kết", purpose: "Đánh giá kết quả." });
    const planId = created.json<{ id: string }>().id;
    await client.post(`/api/plans/${planId}/tasks`, {
      what: "Tổng hợp báo cáo của các sở",
      deliverable: "report",
      target: { unitIds: [noiVu.id] },
      supportUnitIds: [yTe.id],
      dueDate: "2099-05-31",
      dueTime: "08:00",
    });
    await client.post(`/api/plans/${planId}/tasks`, {
      what: "Bảo đảm y tế",
      deliverable: "document",
      target: { unitIds: [yTe.id] },
      dueDate: "2099-06-02",
    });
    const res = await client.get(`/api/plans/${planId}/export.docx`);
    const texts = (await readDocx(res.rawPayload)).paragraphs.map((p) => p.text);
    const at = (t: string) => texts.indexOf(t);
    expect(at("I. MỤC ĐÍCH, YÊU CẦU")).toBeGreaterThan(0);
    expect(at("II. TỔ CHỨC THỰC HIỆN")).toBeGreaterThan(at("I. MỤC ĐÍCH, YÊU CẦU"));
    expect(at("1. Sở Nội vụ")).toBeGreaterThan(at("II. TỔ CHỨC THỰC HIỆN"));
    expect(texts).toContain("Tổng hợp báo cáo của các sở.");
    expect(texts).toContain("Thời hạn: 08 giờ 00 ngày 31/5/2099.");
    expect(texts).toContain("Đơn vị phối hợp: Sở Y tế.");
    expect(at("2. Sở Y tế")).toBeGreaterThan(at("1. Sở Nội vụ"));
    expect(texts).toContain("Thời hạn: ngày 02/6/2099.");
  });

  it("numbers urging letters from the issuer's register (1/UBND-VP, then 2/UBND-VP), records each, with short rows", async () => {
    const db = ctx().db;
    const { ubnd, noiVu, yTe, client } = await stateCity();
    const created = await client.post("/api/plans", { issuerUnitId: ubnd.id, title: "Kế hoạch tổng kết", number: "15/KH-UBND" });
    const planId = created.json<{ id: string }>().id;
    const long =
      "Sở Nội vụ chủ trì đề xuất việc khen thưởng; xây dựng kịch bản chi tiết điều hành nội dung trao thưởng, hoàn thành trước 11 giờ ngày 29/5/2020";
    await client.post(`/api/plans/${planId}/tasks`, {
      what: long,
      deliverable: "document",
      target: { unitIds: [noiVu.id] },
      dueDate: "2020-05-29",
      dueTime: "11:00",
    });
    await client.post(`/api/plans/${planId}/tasks`, {
      what: "Sở Y tế gửi báo cáo",
      deliverable: "report",
      target: { unitIds: [yTe.id] },
      dueDate: "2020-05-30",
    });
    const plan = (await client.get(`/api/plans/${planId}`)).json<{ version: number }>();
    expect((await client.post(`/api/plans/${planId}/issue`, { version: plan.version })).statusCode).toBe(200);

    const preview = await client.get(`/api/plans/${planId}/urging-letter/preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({
      lateUnits: [
        {
          unit: "Sở Nội vụ",
          items: [{ what: "Chủ trì đề xuất việc khen thưởng", due: "11 giờ 00 ngày 29/5/2020", state: "overdue", note: null }],
        },
        { unit: "Sở Y tế", items: [{ what: "Gửi báo cáo", due: "ngày 30/5/2020", state: "overdue", note: null }] },
      ],
    });
    expect(await db.select().from(outgoingDocuments).where(eq(outgoingDocuments.planId, planId))).toHaveLength(0);

    const first = await letter(client, planId);
    expect(first.text).toContain("Số: 1/UBND-VP");
    expect(first.text).toContain("Hải Phòng, ngày");
    expect(first.text).toContain("Chủ trì đề xuất việc khen thưởng");
    // The row says it once and short: neither the unit's name nor the deadline clause is repeated in it.
    expect(first.text).not.toContain("xây dựng kịch bản");
    const second = await letter(client, planId);
    expect(second.text).toContain("Số: 2/UBND-VP");
    const register = await db.select().from(outgoingDocuments).where(eq(outgoingDocuments.planId, planId));
    expect(register.map((r) => r.number).sort()).toEqual(["1/UBND-VP", "2/UBND-VP"]);
    expect(register[0]).toMatchObject({
      issuerUnitId: ubnd.id,
      kind: "urging_letter",
      typeCode: "",
      year: Number(vietnamToday(new Date()).slice(0, 4)),
      subject: "V/v đôn đốc thực hiện Kế hoạch số 15/KH-UBND",
    });
    expect(register[0].fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("numbers a Party letter 1-CV/TU", async () => {
    const db = ctx().db;
    const top = await makeUnit(db, { name: unique("Đảng bộ"), tree: "party", kind: "other" });
    const tu = await makeUnit(db, { parent: top, name: "Thành ủy Hải Phòng", kind: "thanh-uy" });
    const dangUy = await makeUnit(db, { parent: tu, name: "Đảng ủy phường Đông Hải", kind: "dang-uy" });
    const manager = await makeUser(db, { unit: tu, grants: [{ unit: tu, role: "manager" }] });
    const client = await signedIn(ctx().app, manager);
    const { plan } = await issued(client, tu, [[dangUy.id]], "2020-05-31", null);
    const docx = await letter(client, plan.id);
    expect(docx.text).toContain("Số 1-CV/TU");
    expect(docx.text).toContain("Hải Phòng, ngày");
  });

  it("never gives one number twice, even to requests at the same time", async () => {
    const db = ctx().db;
    const unit = await makeUnit(db, { name: unique("UBND"), kind: "ubnd" });
    const key = { issuerUnitId: unit.id, year: 2026, typeCode: "" };
    const numbers = await Promise.all(Array.from({ length: 12 }, () => db.transaction((tx) => takeNumber(tx, key))));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    // Another year or type starts its own sequence.
    expect(await db.transaction((tx) => takeNumber(tx, { ...key, year: 2027 }))).toBe(1);
    expect(await db.transaction((tx) => takeNumber(tx, { ...key, typeCode: "KH" }))).toBe(1);
  });

  it("refuses the letter preview to a member (403) and when nobody is late (409)", async () => {
    const { ubnd, noiVu, client } = await stateCity();
    const { plan } = await issued(client, ubnd, [[noiVu.id]], "2099-05-31", null);
    expect((await client.get(`/api/plans/${plan.id}/urging-letter/preview`)).statusCode).toBe(409);
    await ctx()
      .db.update(obligations)
      .set({ dueAt: new Date("2020-01-01") })
      .where(eq(obligations.planId, plan.id));
    expect((await client.get(`/api/plans/${plan.id}/urging-letter/preview`)).statusCode).toBe(200);
    const member = await makeUser(ctx().db, { unit: noiVu, grants: [{ unit: noiVu, role: "member" }] });
    expect((await (await signedIn(ctx().app, member)).get(`/api/plans/${plan.id}/urging-letter/preview`)).statusCode).toBe(403);
  });
});

it("formats numbers by the tree and abbreviates issuers", () => {
  expect(formatDocumentNumber({ layout: "state", sequence: 15, typeCode: "", issuer: "UBND", office: "VP" })).toBe("15/UBND-VP");
  expect(formatDocumentNumber({ layout: "state", sequence: 3, typeCode: "KH", issuer: "BCH", office: "VP" })).toBe("3/KH-BCH");
  expect(formatDocumentNumber({ layout: "party", sequence: 15, typeCode: "CV", issuer: "TU", office: "VP" })).toBe("15-CV/TU");
  expect(issuerAbbreviation({ name: "Sở Nội vụ", kind: "so" })).toBe("SNV");
  expect(issuerAbbreviation({ name: "Ủy ban nhân dân phường Đông Hải", kind: "ubnd" })).toBe("UBND");
  expect(owedText("Công an thành phố xây dựng kế hoạch bảo đảm an toàn", "Công an thành phố", "Văn bản")).toBe(
    "Xây dựng kế hoạch bảo đảm an toàn",
  );
  expect(owedText("Các cấp ủy chuẩn bị tham luận gửi báo cáo Thường trực Thành ủy trước 11 giờ, ngày 29/5/2026", "Đảng ủy xã A", "x")).toBe(
    "Các cấp ủy chuẩn bị tham luận",
  );
});
