import { describe, expect, it } from "vitest";
import { fixOcrText } from "./importPlan";
import { type PositionedPage, pagesToText, type TextItem } from "./layout";

/** A line of text at `y` starting at `x`, 10 units high, 5 units per character. */
const at = (text: string, x: number, y: number): TextItem => ({ text, x, y, width: text.length * 5, height: 10 });
const page = (items: TextItem[]): PositionedPage => ({ width: 600, height: 840, items });

describe("pagesToText: rebuilding a plan from positioned text", () => {
  it("writes the two-column header column by column and rejoins a paragraph the page wrapped", () => {
    const text = pagesToText([
      page([
        at("ỦY BAN NHÂN DÂN", 60, 50),
        at("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 330, 50),
        at("XÃ AN LÃO", 80, 64),
        at("Độc lập - Tự do - Hạnh phúc", 360, 64),
        at("Số: 15/KH-UBND", 70, 84),
        at("An Lão, ngày 10 tháng 3 năm 2025", 340, 84),
        at("KẾ HOẠCH", 270, 110),
        at("Căn cứ Nghị định số 45/2024/NĐ-CP ngày 12/4/2024 của Chính phủ về quản lý hồ sơ và", 60, 130),
        at("lưu trữ điện tử;", 60, 144),
        at("I. MỤC ĐÍCH", 60, 160),
        at("3", 295, 820),
      ]),
    ]);
    expect(text.split("\n")).toEqual([
      "ỦY BAN NHÂN DÂN",
      "XÃ AN LÃO",
      "Số: 15/KH-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "An Lão, ngày 10 tháng 3 năm 2025",
      "KẾ HOẠCH",
      "Căn cứ Nghị định số 45/2024/NĐ-CP ngày 12/4/2024 của Chính phủ về quản lý hồ sơ và lưu trữ điện tử;",
      "I. MỤC ĐÍCH",
    ]);
  });

  it("reads a table from aligned cells, a wrapped cell continuing its row, and drops running headers and signature stamps", () => {
    const running = (y: number) => at("Kế hoạch số 15/KH-UBND", 60, y);
    const body = (y: number) => [
      at("TT", 60, y + 40),
      at("Nội dung", 100, y + 40),
      at("Đơn vị chủ trì", 300, y + 40),
      at("Thời hạn", 460, y + 40),
      at("1", 60, y + 54),
      at("Rà soát thủ tục", 100, y + 54),
      at("Văn phòng", 300, y + 54),
      at("trước ngày 20/6/2025", 460, y + 54),
      at("hành chính", 100, y + 68),
      at("UBND xã", 300, y + 68),
    ];
    const text = pagesToText([
      page([at("KẾ HOẠCH", 270, 20), running(5), ...body(20), at("Người ký: Nguyễn Văn An", 300, 400)]),
      page([running(5), at("Thời gian ký: 10.03.2025 08:30:15 +07:00", 300, 30), at("II. TỔ CHỨC", 60, 60)]),
      page([running(5), at("III. KINH PHÍ", 60, 60)]),
    ]);
    expect(text).toContain("| TT | Nội dung | Đơn vị chủ trì | Thời hạn |");
    expect(text).toContain("| 1 | Rà soát thủ tục hành chính | Văn phòng UBND xã | trước ngày 20/6/2025 |");
    expect(text).not.toContain("Kế hoạch số 15/KH-UBND");
    expect(text).not.toMatch(/Người ký|Thời gian ký/u);
  });

  it("mends outline numbers OCR misreads", () => {
    expect(fixOcrText("1. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nII. NỘI DUNG\n4. Văn phòng\nS. Các Ban")).toBe(
      "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nII. NỘI DUNG\n4. Văn phòng\n5. Các Ban",
    );
  });
});
