import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readPlanText } from "./index";

const read = (lines: string[]) => readPlanText(lines.join("\n"));

describe("text copied from websites and PDFs", () => {
  it("joins lines hard-wrapped inside a document number or a date", () => {
    const r = read([
      "ỦY BAN NHÂN DÂN",
      "THÀNH PHỐ ĐÀ NẴNG",
      "Số: 120/KH-UBND",
      "Đà Nẵng, ngày",
      "03 tháng 7 năm 2025",
      "KẾ HOẠCH",
      "Triển khai công tác chuyển đổi số năm 2025",
      "Căn cứ Nghị định số",
      "45/2024/NĐ-CP ngày 12/4/2024 của Chính phủ về quản lý hồ sơ;",
      "Ủy ban nhân dân thành phố ban hành Kế hoạch như sau:",
      "I. MỤC ĐÍCH",
      "Bảo đảm tiến độ.",
    ]);
    expect([r.place, r.issuedOn, r.number]).toEqual(["Đà Nẵng", "2025-07-03", "120/KH-UBND"]);
    expect(r.legalBases.map((b) => [b.documentNumber, b.documentDate, b.issuer])).toEqual([["45/2024/NĐ-CP", "2024-04-12", "Chính phủ"]]);
  });

  it("reads a header copied out of a table with pipes, rules and a split motto", () => {
    const r = read([
      "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI",
      "CHỦ NGHĨA VIỆT NAM |",
      "TỈNH HÀ GIANG | Độc lập - Tự do - Hạnh phúc |",
      "-------",
      "Số: 252/KH-UBND | Hà Giang, ngày 05 tháng 9 năm 2023 |",
      "KẾ HOẠCH",
      "THỰC HIỆN SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ",
      "I. MỤC ĐÍCH, YÊU CẦU",
    ]);
    expect([r.issuer, r.number, r.place, r.issuedOn]).toEqual(["ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", "252/KH-UBND", "Hà Giang", "2023-09-05"]);
  });

  it("reads a header whose cells stand on lines of their own", () => {
    const r = read([
      "ỦY BAN NHÂN DÂN",
      "TỈNH QUẢNG TRỊ",
      "-------",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "---------------",
      "Số: 2302/KH-UBND",
      "Quảng Trị, ngày 27 tháng 05 năm 2019",
      "KẾ HOẠCH",
      "SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH",
    ]);
    expect([r.issuer, r.number, r.issuedOn]).toEqual(["ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "2302/KH-UBND", "2019-05-27"]);
  });

  it.each([
    ["Số: 57/KH-UBND Quảng Trị, ngày 2 tháng 3 năm 2025", "57/KH-UBND", "Quảng Trị", "2025-03-02"],
    ["Số 112 KH/TU Quảng Trị, ngày 12 tháng 3 năm 2025", "112-KH/TU", "Quảng Trị", "2025-03-12"],
    ["Số: 45 KH-BCĐ", "45/KH-BCĐ", null, null],
  ])("reads number and date on one line: %s", (line, number, place, date) => {
    const r = read(["TỈNH ỦY QUẢNG TRỊ", line, "KẾ HOẠCH", "Tổng kết công tác năm 2025"]);
    expect([r.number, r.place, r.issuedOn]).toEqual([number, place, date]);
  });

  it("reads a plan with no header: the title opens it and the enacting sentence names the issuer", () => {
    const r = read([
      "Kế hoạch số 45 KH-BCĐ tổ chức Tháng Thanh niên năm 2025",
      "Thực hiện Chương trình số 12-CTr/TĐTN ngày 10/01/2025 của Ban Thường vụ Trung ương Đoàn, Ban Chấp hành Tỉnh đoàn ban hành Kế hoạch tổ chức Tháng Thanh niên năm 2025 như sau:",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Mục đích",
    ]);
    expect(r.title).toBe("tổ chức Tháng Thanh niên năm 2025");
    expect(r.number).toBe("45/KH-BCĐ");
    expect(r.issuer).toBe("Ban Chấp hành Tỉnh đoàn");
    expect(r.legalBases.map((b) => b.documentNumber)).toEqual(["12-CTr/TĐTN"]);
  });

  it("makes every document cited in one opening sentence a legal basis, and cites nothing for a mere opening", () => {
    const r = read([
      "KẾ HOẠCH",
      "Phòng cháy chữa cháy năm 2025",
      "Thực hiện Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ ngày 29/11/2024, Nghị định số 105/2025/NĐ-CP ngày 15/5/2025 của Chính phủ và Quyết định số 1200/QĐ-UBND ngày 02/6/2025 của UBND tỉnh (gọi tắt là Quyết định số 1200/QĐ-UBND);",
      "Căn cứ Chỉ thị số 05-CT/TU ngày 03/3/2025 của Ban Thường vụ Tỉnh ủy;",
      "Căn cứ tình hình thực tế của địa phương;",
      "Triển khai công tác phòng cháy năm 2025, UBND xã ban hành Kế hoạch như sau:",
      "I. MỤC ĐÍCH",
    ]);
    expect(r.legalBases.map((b) => [b.documentNumber, b.documentDate, b.issuer])).toEqual([
      [null, "2024-11-29", null],
      ["105/2025/NĐ-CP", "2025-05-15", "Chính phủ"],
      ["1200/QĐ-UBND", "2025-06-02", "UBND tỉnh"],
      ["05-CT/TU", "2025-03-03", "Ban Thường vụ Tỉnh ủy"],
    ]);
    expect(r.legalBases[0].text).toMatch(/^Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ/u);
  });

  it("reads tasks and deadlines from a table copied with tabs", () => {
    const r = read([
      "KẾ HOẠCH",
      "Cải cách hành chính năm 2025",
      "I. NHIỆM VỤ",
      "STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành",
      "1\tRà soát thủ tục hành chính\tVăn phòng UBND tỉnh\tCác sở, ngành\tTrước tháng 10/2025",
      "2\tBáo cáo kết quả\tSở Nội vụ\tCác sở, ngành\tngày 15/12/2025",
    ]);
    expect(r.deadlines.map((d) => [d.due, d.units])).toEqual([
      ["2025-09-30", ["Văn phòng UBND tỉnh"]],
      ["2025-12-15", ["Sở Nội vụ"]],
    ]);
    expect(r.tasks.map((t) => [t.unit, t.role])).toEqual([
      ["Văn phòng UBND tỉnh", "lead"],
      ["Các sở, ngành", "support"],
      ["Sở Nội vụ", "lead"],
    ]);
  });
});

describe("annex outlines", () => {
  it("reads a report outline annex as sections, with the annex's reference", () => {
    const r = readPlanText(readFileSync(new URL("../../../test/fixtures/annexed-plan.txt", import.meta.url), "utf8"));
    expect(r.annexes).toHaveLength(1);
    const [annex] = r.annexes;
    expect(annex.title).toBe("ĐỀ CƯƠNG BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2025");
    expect(annex.reference).toBe("Kèm theo Kế hoạch số 15/KH-UBND ngày 10/3/2025 của UBND xã An Lão");
    const outline = (list: typeof annex.sections): unknown[] =>
      list.map((s) => (s.children.length ? [s.number, s.heading, outline(s.children)] : [s.number, s.heading]));
    expect(outline(annex.sections)).toEqual([
      [
        "Phần thứ nhất",
        "KẾT QUẢ THỰC HIỆN",
        [
          [
            "I",
            "Công tác lãnh đạo, chỉ đạo",
            [
              ["1", "Việc ban hành văn bản"],
              ["2", "Công tác kiểm tra"],
            ],
          ],
          ["II", "Kết quả cụ thể"],
        ],
      ],
      ["Phần thứ hai", "PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM"],
    ]);
    expect(annex.sections[0].children[0].children[0].text).toBe("- Số văn bản đã ban hành;");
  });
});
