import ExcelJS from "exceljs";
import { expect, it } from "vitest";
import type { DelegateImportReport, DelegateList, DelegateView } from "../../../contracts/delegates";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { delegatesSetup, delegateWorkbook, uploadSheet } from "./fixtures";

describeOnDatabases("delegates", (ctx) => {
  const setup = () => delegatesSetup(ctx().db, ctx().app);

  it("adds, finds without diacritics, edits with the version and deletes a delegate; refuses a stale version", async () => {
    const { city, manager, base, communes } = await setup();
    const res = await manager.post(base, {
      fullName: "Nguyễn Thị Hoà",
      title: "Chủ tịch UBND",
      unitName: city.communeA.name,
      groupId: communes.id,
      phone: "+84 912 345 678",
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<DelegateView>();
    expect(created).toMatchObject({ phone: "0912345678", unitId: city.communeA.id, groupName: communes.name, answer: null, version: 1 });
    expect((await manager.get(`${base}?q=hoa chu tich`)).json<DelegateList>().delegates).toHaveLength(1);
    expect((await manager.get(`${base}?q=khong co`)).json<DelegateList>().delegates).toHaveLength(0);
    expect((await manager.get(`${base}?groupId=${communes.id}&unitId=${city.communeA.id}`)).json<DelegateList>().delegates).toHaveLength(1);

    const edited = await manager.patch(`${base}/${created.id}`, { version: 1, title: "Bí thư Đảng ủy" });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<DelegateView>()).toMatchObject({ title: "Bí thư Đảng ủy", version: 2 });
    const stale = await manager.patch(`${base}/${created.id}`, { version: 1, title: "Cũ" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe("VERSION_CONFLICT");
    expect((await manager.patch(`${base}/${created.id}`, { version: 2, phone: "12345" })).statusCode).toBe(400);
    expect((await manager.delete(`${base}/${created.id}?version=2`)).statusCode).toBe(204);
    expect((await manager.get(base)).json<DelegateList>().delegates).toHaveLength(0);
  });

  it("refuses the list and writes to a unit member (403) and to someone who cannot read the conference (404)", async () => {
    const { city, base } = await setup();
    const member = await signedIn(ctx().app, city.memberA);
    expect((await member.get(base)).statusCode).toBe(404);
    expect((await member.post(base, { fullName: "Ai đó" })).statusCode).toBe(404);
  });

  it("imports a sheet row by row: duplicates, missing names, broken phones and unknown groups refused with reasons", async () => {
    const { city, manager, base, guests, communes } = await setup();
    await manager.post(base, { fullName: "Trần Văn Có Sẵn", unitName: city.communeB.name });
    const file = await delegateWorkbook([
      ["Lê Văn Một", "Bí thư Đảng ủy", city.communeA.name, communes.name, "0912 000 001", "mot@example.vn", 10],
      ["", "Chủ tịch UBND", city.communeA.name, communes.name, "0912000002", "", 11],
      ["Phạm Thị Hai", "Phó Chủ tịch", city.communeA.name, "", "091234", "", 12],
      ["LÊ VĂN MỘT", "Bí thư", city.communeA.name.toUpperCase(), "", "", "", 13],
      ["trần văn có sẵn", "", city.communeB.name, "", "", "", ""],
      ["Võ Văn Ba", "Đại biểu", "Cơ quan ngoài cây", "Nhóm lạ", "", "", ""],
      ["Đỗ Thị Bốn", "Phóng viên", "Báo Hải Phòng", guests.name, "(0225) 3 842 123", "", ""],
    ]);
    const preview = await uploadSheet(manager, base, file, "?dryRun=true");
    expect(preview.statusCode, preview.body).toBe(200);
    const report = preview.json<DelegateImportReport>();
    expect(report.accepted.map((a) => [a.row, a.fullName, a.unitMatched, a.phone])).toEqual([
      [2, "Lê Văn Một", true, "0912000001"],
      [8, "Đỗ Thị Bốn", false, "02253842123"],
    ]);
    expect(report.refused.map((r) => r.row)).toEqual([3, 4, 5, 6, 7]);
    expect(report.refused[0].reason).toContain("Thiếu họ và tên");
    expect(report.refused[1].reason).toContain("không hợp lệ");
    expect(report.refused[2].reason).toContain("Trùng với dòng 2");
    expect(report.refused[3].reason).toContain("đã có trong danh sách");
    expect(report.refused[4].reason).toContain("Nhóm lạ");
    expect(report.created).toBe(0);
    expect((await manager.get(base)).json<DelegateList>().delegates).toHaveLength(1);

    const done = (await uploadSheet(manager, base, file)).json<DelegateImportReport>();
    expect(done.created).toBe(2);
    const list = (await manager.get(base)).json<DelegateList>().delegates;
    expect(list.map((d) => d.fullName)).toEqual(["Lê Văn Một", "Trần Văn Có Sẵn", "Đỗ Thị Bốn"]);
  });

  it("exports the list in the import's columns, and the export imports again as duplicates only", async () => {
    const { city, manager, base, communes } = await setup();
    await manager.post(base, {
      fullName: "Nguyễn Văn Xuất",
      title: "Bí thư",
      unitName: city.communeA.name,
      groupId: communes.id,
      phone: "0987654321",
      protocolRank: 5,
    });
    const res = await manager.get(`${base}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([
      "Họ và tên",
      "Chức vụ",
      "Đơn vị",
      "Nhóm",
      "Điện thoại",
      "Email",
      "Thứ tự lễ tân",
    ]);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 5)).toEqual(["Nguyễn Văn Xuất", "Bí thư", city.communeA.name, communes.name]);
    const again = (await uploadSheet(manager, base, res.rawPayload)).json<DelegateImportReport>();
    expect(again).toMatchObject({ created: 0, accepted: [] });
    expect(again.refused[0].reason).toContain("đã có trong danh sách");
  });

  it("refuses a file that is not an .xlsx and a sheet without the name column", async () => {
    const { manager, base } = await setup();
    expect((await uploadSheet(manager, base, Buffer.from("not a zip"))).statusCode).toBe(400);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("x").addRow(["Tên", "Khác"]);
    const res = await uploadSheet(manager, base, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toContain("Họ và tên");
  });
});
