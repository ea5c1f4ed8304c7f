import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { ImportResult } from "../../../contracts/importer";
import { obligations } from "../../db/schema/index";
import { readDocx } from "../../platform/documents/testing/read-docx";
import { makeUnit, makeUser, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import { issued, makeCity } from "../plans/testing";

const seed = (name: string) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../../../test/fixtures/seeds/${name}.expected.json`, import.meta.url)), "utf8"),
  ) as ImportResult;

async function download(client: TestClient, method: "GET" | "POST", url: string, body?: unknown) {
  const res = await client.request(method, url, body);
  return { res, docx: res.statusCode === 200 ? await readDocx(res.rawPayload) : null };
}

describeOnDatabases("plan and urging-letter documents", (ctx) => {
  it("exports an imported state plan (seed 000) as .docx in the state layout", async () => {
    const db = ctx().db;
    const parent = await makeUnit(db, { name: unique("Bộ Tư lệnh Quân khu 3"), tree: "military", kind: "bo-tu-lenh" });
    const issuer = await makeUnit(db, { parent, name: unique("Bộ CHQS thành phố"), kind: "bo-chqs" });
    const manager = await makeUser(db, { unit: issuer, grants: [{ unit: issuer, role: "manager" }] });
    const client = await signedIn(ctx().app, manager);
    const created = await client.post("/api/plans/from-import", { result: seed("000_558bad5328212af2"), issuerUnitId: issuer.id });
    expect(created.statusCode).toBe(201);
    const { res, docx } = await download(client, "GET", `/api/plans/${created.json().plan.id}/export.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers["content-disposition"]).toBe(
      "attachment; filename=\"ke-hoach-03-KH-BCH.docx\"; filename*=UTF-8''ke-hoach-03-KH-BCH.docx",
    );
    const p = docx?.paragraphs ?? [];
    const at = (text: string | RegExp) => p.findIndex((x) => (typeof text === "string" ? x.text === text : text.test(x.text)));
    const order = [
      at(parent.name.toLocaleUpperCase("vi")),
      at(issuer.name.toLocaleUpperCase("vi")),
      at("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
      at("Số: 03/KH-BCH"),
      at("Hải Phòng, ngày 01 tháng 01 năm 2026"),
      at("KẾ HOẠCH"),
      at(/^Căn cứ Kết luận số 137-KL\/TW ngày 28\/3\/2025/),
      at("I. MỤC ĐÍCH, YÊU CẦU"),
      at("Nơi nhận:"),
      at("CHỈ HUY TRƯỞNG"),
      at("Đại tá Bùi Xuân Thắng"),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(p[at(/^Căn cứ Kết luận số 137/)].italics).toBe(true);
    expect(p.map((x) => x.text)).toContain("- Lưu: VT, TaH. Tt147.");
  });

  it("exports an imported Party plan (seed 001) in the Party layout", async () => {
    const db = ctx().db;
    const parent = await makeUnit(db, { name: unique("Đảng bộ thành phố Hải Phòng"), tree: "party", kind: "dang-bo" });
    const issuer = await makeUnit(db, { parent, name: unique("Ban Thường vụ Thành ủy"), kind: "btv" });
    const manager = await makeUser(db, { unit: issuer, grants: [{ unit: issuer, role: "manager" }] });
    const client = await signedIn(ctx().app, manager);
    const created = await client.post("/api/plans/from-import", { result: seed("001_f9655c538364916e"), issuerUnitId: issuer.id });
    expect(created.statusCode).toBe(201);
    const { docx } = await download(client, "GET", `/api/plans/${created.json().plan.id}/export.docx`);
    const texts = docx?.paragraphs.map((x) => x.text) ?? [];
    expect(texts).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(texts).toContain("Số 63-KH/TU");
    expect(texts).toContain("*");
    expect(texts).not.toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(texts.some((t) => t.startsWith("T/M BAN THƯỜNG VỤ"))).toBe(true);
  });

  it("hides the plan's .docx from a user of another commune (404)", async () => {
    const city = await makeCity(ctx().db);
    const { plan } = await issued(await signedIn(ctx().app, city.manager), city.root, [[city.communeA.id]]);
    const outsider = await makeUnit(ctx().db);
    const stranger = await makeUser(ctx().db, { unit: outsider, grants: [{ unit: outsider, role: "manager" }] });
    expect((await (await signedIn(ctx().app, stranger)).get(`/api/plans/${plan.id}/export.docx`)).statusCode).toBe(404);
    expect((await (await signedIn(ctx().app, city.memberA)).get(`/api/plans/${plan.id}/export.docx`)).statusCode).toBe(200);
  });

  it("lists the late and the returned units in the urging letter, and no one who delivered", async () => {
    const db = ctx().db;
    const city = await makeCity(db);
    const manager = await signedIn(ctx().app, city.manager);
    const { plan } = await issued(manager, city.root, [[city.communeA.id, city.communeB.id]], "2020-05-31", "08:00");
    const rows = await db.select().from(obligations).where(eq(obligations.planId, plan.id));
    const ofB = rows.find((o) => o.unitId === city.communeB.id);
    await db
      .update(obligations)
      .set({ status: "returned", returnedReason: "Thiếu phụ lục số liệu" })
      .where(eq(obligations.id, ofB?.id ?? ""));
    const { res, docx } = await download(manager, "POST", `/api/plans/${plan.id}/urging-letter`, { office: "VX" });
    expect(res.statusCode).toBe(200);
    const text = docx?.text ?? "";
    // The first letter of the issuer's register this year (the city's UBND; the office drafting it is VX).
    expect(text).toContain("Số: 1/UBND-VX");
    expect(text).toContain("V/v đôn đốc thực hiện");
    expect(text).toContain(city.communeA.name);
    expect(text).toContain(city.communeB.name);
    expect(text).toContain("08 giờ 00 ngày 31/5/2020");
    expect(text).toContain("Bị trả lại, chưa gửi lại (lý do: Thiếu phụ lục số liệu)");
    expect(text).toContain("Quá hạn, chưa gửi");
    await db.update(obligations).set({ status: "accepted" }).where(eq(obligations.planId, plan.id));
    const nobody = await manager.post(`/api/plans/${plan.id}/urging-letter`);
    expect(nobody.statusCode).toBe(409);
    expect(nobody.json().error.message).toMatch(/Không có đơn vị nào chậm/);
  });

  it("refuses the urging letter to members (403), to a draft (409) and unknown fields (400)", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const { plan } = await issued(manager, city.root, [[city.communeA.id]], "2020-05-31", null);
    expect((await (await signedIn(ctx().app, city.memberA)).post(`/api/plans/${plan.id}/urging-letter`)).statusCode).toBe(403);
    expect((await manager.post(`/api/plans/${plan.id}/urging-letter`, { soTay: "x" })).statusCode).toBe(400);
    const draft = await manager.post("/api/plans", { issuerUnitId: city.root.id, title: unique("Kế hoạch nháp") });
    expect((await manager.post(`/api/plans/${draft.json().id}/urging-letter`)).statusCode).toBe(409);
  });
});
