import { randomBytes } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { expect, it } from "vitest";
import { type ImportReport, unitSheetColumns } from "../../../contracts/organisations";
import { units } from "../../db/schema/index";
import { makeUnit, makeUser, type UnitRow, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";

const HEADER = Object.values(unitSheetColumns);
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function workbook(rows: Array<Array<string | number>>, header: string[] = HEADER): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Đơn vị");
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function upload(client: TestClient, content: Buffer, filename = "don-vi.xlsx", query = "") {
  const boundary = `----kehoach${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return client.request("POST", `/api/units/import${query}`, payload, { "content-type": `multipart/form-data; boundary=${boundary}` });
}

describeOnDatabases("Excel import and export of units", (ctx) => {
  async function world() {
    const db = ctx().db;
    const root = await makeUnit(db, { name: unique("Ủy ban nhân dân tỉnh"), kind: "ubnd", tree: "state" });
    const commune = await makeUnit(db, { parent: root, name: unique("Xã Nhập"), kind: "xa" });
    const other = await makeUnit(db, { parent: root, name: unique("Xã Khác"), kind: "xa" });
    const as = async (unit: UnitRow, role: "admin" | "manager" | "member" | "viewer") =>
      signedIn(ctx().app, await makeUser(db, { unit, grants: [{ unit, role }] }));
    const below = (unit: UnitRow) =>
      db
        .select()
        .from(units)
        .where(and(like(units.path, `${unit.path}%`), eq(units.archived, false)));
    return { db, root, commune, other, as, below };
  }

  it("imports rows under an existing unit and under earlier rows, reporting each", async () => {
    const w = await world();
    const manager = await w.as(w.commune, "manager");
    const file = await workbook([
      ["Ủy ban nhân dân xã Nhập", "UBND xã", "Ủy ban nhân dân", "Khối chính quyền", w.commune.name, 1],
      ["Phòng Văn hóa - Xã hội", "", "phong", "state", "Uỷ ban nhân dân xã Nhập", 2],
      ["Trung tâm Phục vụ hành chính công", "", "Trung tâm", "chinh quyen", "ủy ban nhân dân xã nhập", ""],
    ]);
    const preview = await upload(manager, file, "don-vi.xlsx", "?dryRun=true");
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, created: 0, refused: [] });
    expect((await w.below(w.commune)).length).toBe(1);
    const res = await upload(manager, file);
    expect(res.statusCode).toBe(200);
    const report = res.json() as ImportReport;
    expect(report.created).toBe(3);
    expect(report.accepted.map((a) => [a.row, a.name, a.kind, a.tree])).toEqual([
      [2, "Ủy ban nhân dân xã Nhập", "ubnd", "state"],
      [3, "Phòng Văn hóa - Xã hội", "phong", "state"],
      [4, "Trung tâm Phục vụ hành chính công", "trung-tam", "state"],
    ]);
    const rows = await w.below(w.commune);
    const ubnd = rows.find((r) => r.name === "Ủy ban nhân dân xã Nhập");
    expect(ubnd).toMatchObject({ parentId: w.commune.id, level: 2, shortName: "UBND xã", sortOrder: 1 });
    expect(rows.filter((r) => r.parentId === ubnd?.id)).toHaveLength(2);
  });

  it("refuses each bad row with its row number and reason, creating the good ones", async () => {
    const w = await world();
    const manager = await w.as(w.commune, "manager");
    await makeUnit(w.db, { parent: w.commune, name: "Thành ủy mẫu" });
    const res = await upload(
      manager,
      await workbook([
        ["", "", "phong", "state", w.commune.name, 1],
        ["Phòng A", "", "không-có", "state", w.commune.name, 1],
        ["Phòng B", "", "phong", "state", "Đơn vị không có", 1],
        ["Thành uỷ mẫu", "", "other", "state", w.commune.name, 1],
        ["Phòng C", "", "phong", "state", w.other.name, 1],
        ["Phòng D", "", "phong", "state", "", 1],
        ["Phòng E", "", "phong", "Khối lạ!", w.commune.name, 1],
        ["Phòng F", "", "phong", "state", w.commune.name, "ba"],
        ["Tổ 1", "", "other", "state", "Phòng B", 1],
        ["Phòng G", "", "phong", "state", w.commune.name, 7],
      ]),
    );
    expect(res.statusCode).toBe(200);
    const report = res.json() as ImportReport;
    expect(report.created).toBe(1);
    expect(report.accepted.map((a) => a.row)).toEqual([11]);
    const reasons = Object.fromEntries(report.refused.map((r) => [r.row, r.reason]));
    expect(Object.keys(reasons).map(Number)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(reasons[2]).toContain("Thiếu tên");
    expect(reasons[3]).toContain("Loại");
    expect(reasons[4]).toContain("Không tìm thấy đơn vị cấp trên");
    expect(reasons[5]).toContain("Đã có đơn vị");
    expect(reasons[6]).toContain("không quản lý");
    expect(reasons[7]).toContain("quản trị viên");
    expect(reasons[8]).toContain("Khối");
    expect(reasons[9]).toContain("Thứ tự");
    expect(reasons[10]).toContain("dòng 4");
  });

  it("imports a 10,000-row file with some invalid rows, reporting every refused row", async () => {
    const w = await world();
    const admin = await w.as(w.root, "admin");
    const rows: Array<Array<string | number>> = [];
    for (let i = 1; i <= 10_000; i++) {
      const bad = i % 1000 === 0;
      rows.push([`Tổ dân phố số ${i}`, "", bad ? "sai-loai" : "other", "state", w.commune.name, i]);
    }
    rows[4998] = ["Tổ dân phố số 1", "", "other", "state", w.commune.name, 4999];
    const res = await upload(admin, await workbook(rows));
    expect(res.statusCode).toBe(200);
    const report = res.json() as ImportReport;
    expect(report.refused).toHaveLength(11);
    expect(report.refused.find((r) => r.row === 5000)?.reason).toContain("Đã có đơn vị");
    expect(report.refused.filter((r) => r.reason.includes("sai-loai")).map((r) => r.row)).toEqual(
      Array.from({ length: 10 }, (_, k) => (k + 1) * 1000 + 1),
    );
    expect(report.created).toBe(10_000 - 11);
    expect(report.accepted.length + report.refused.length).toBe(10_000);
    expect((await w.below(w.commune)).length).toBe(1 + 10_000 - 11);
  });

  it("refuses more than 10,000 data rows with a message", async () => {
    const w = await world();
    const admin = await w.as(w.root, "admin");
    const rows = Array.from({ length: 10_001 }, (_, i) => [`Tổ ${i}`, "", "other", "state", w.commune.name, i]);
    const res = await upload(admin, await workbook(rows));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("10.000");
    expect((await w.below(w.commune)).length).toBe(1);
  });

  it("refuses files that are not Excel workbooks with a clear message", async () => {
    const w = await world();
    const admin = await w.as(w.root, "admin");
    const real = await workbook([["Phòng X", "", "phong", "state", w.commune.name, 1]]);
    const garbage = await upload(admin, randomBytes(4096));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error).toMatchObject({ code: "INVALID_FILE" });
    expect(garbage.json().error.message).toContain("không phải tệp Excel");
    expect((await upload(admin, Buffer.from("Tên đơn vị,Loại\nPhòng X,phong\n", "utf8"))).statusCode).toBe(400);
    expect((await upload(admin, real, "don-vi.txt")).statusCode).toBe(400);
    const truncated = await upload(admin, real.subarray(0, Math.floor(real.length / 2)));
    expect(truncated.statusCode).toBe(400);
    const plainZip = new JSZip().file("readme.txt", "xin chào");
    expect((await upload(admin, await plainZip.generateAsync({ type: "nodebuffer" }))).statusCode).toBe(400);
    const noHeader = await upload(admin, await workbook([["Phòng X"]], ["Tên"]));
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.message).toContain("Loại");
    expect((await w.below(w.commune)).length).toBe(1);
  });

  it("refuses a zip bomb before parsing it", async () => {
    const w = await world();
    const admin = await w.as(w.root, "admin");
    const bomb = new JSZip()
      .file("[Content_Types].xml", "<Types/>")
      .file("xl/workbook.xml", "<workbook/>")
      .file("xl/worksheets/sheet1.xml", Buffer.alloc(40 * 1024 * 1024, 0x20));
    const file = await bomb.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
    expect(file.length).toBeLessThan(1024 * 1024);
    const res = await upload(admin, file);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain("giải nén");
  });

  it("takes exactly one file: a second file or another field is refused with 400 and nothing is created", async () => {
    const w = await world();
    const admin = await w.as(w.root, "admin");
    const file = await workbook([["Phòng Y", "", "phong", "state", w.commune.name, 1]]);
    const boundary = "----kehoachUnits";
    const part = (name: string) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${XLSX}\r\n\r\n`),
        file,
        Buffer.from("\r\n"),
      ]);
    const field = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\nfalse\r\n`);
    for (const parts of [
      [part("a.xlsx"), part("b.xlsx")],
      [part("a.xlsx"), field],
    ]) {
      const res = await admin.request("POST", "/api/units/import", Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), {
        "content-type": `multipart/form-data; boundary=${boundary}`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/một tệp|không được nhận/);
    }
    expect((await w.below(w.commune)).length).toBe(1);
  });

  it("refuses a file over 10 MB and imports by members or viewers", async () => {
    const w = await world();
    const admin = await w.as(w.root, "admin");
    const big = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(10 * 1024 * 1024 + 10)]);
    expect((await upload(admin, big)).statusCode).toBe(413);
    const file = await workbook([["Phòng X", "", "phong", "state", w.commune.name, 1]]);
    expect((await upload(await w.as(w.commune, "member"), file)).statusCode).toBe(403);
    expect((await upload(await w.as(w.commune, "viewer"), file)).statusCode).toBe(403);
    expect((await w.below(w.commune)).length).toBe(1);
  });

  it("exports the readable units in the import's columns, and the export imports again", async () => {
    const w = await world();
    const ubnd = await makeUnit(w.db, { parent: w.commune, name: "Ủy ban nhân dân xã Xuất", kind: "ubnd", shortName: "UBND xã" });
    await makeUnit(w.db, { parent: ubnd, name: "Phòng Kinh tế", kind: "phong", sortOrder: 3 });
    const manager = await w.as(w.commune, "manager");
    const res = await manager.get("/api/units/export.xlsx");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as Parameters<typeof book.xlsx.load>[0]);
    const values = book.worksheets[0]
      .getSheetValues()
      .slice(1)
      .map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(values[0]).toEqual(HEADER);
    expect(values.slice(1)).toEqual([
      [w.root.name, "", "Ủy ban nhân dân", "Khối chính quyền", "", 0],
      [w.commune.name, "", "Xã, phường, đặc khu", "Khối chính quyền", w.root.name, 0],
      ["Ủy ban nhân dân xã Xuất", "UBND xã", "Ủy ban nhân dân", "Khối chính quyền", w.commune.name, 0],
      ["Phòng Kinh tế", "", "Phòng", "Khối chính quyền", "Ủy ban nhân dân xã Xuất", 3],
    ]);
    // Archive the originals, then the export rebuilds the same tree (the admin sits elsewhere: archived units grant nothing).
    const admin = await w.as(await makeUnit(w.db, { name: unique("Văn phòng quản trị") }), "admin");
    expect((await admin.post(`/api/units/${w.root.id}/archive`, { version: 1, cascade: true })).statusCode).toBe(200);
    const again = await upload(admin, res.rawPayload);
    expect(again.json()).toMatchObject({ created: 4, refused: [] });
  });
});
