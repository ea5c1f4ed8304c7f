import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZImportResult } from "../../contracts/importer";
import { readDates } from "../dates";
import { ImportError, importPlan, readPlanText } from "./index";

const dir = join(process.cwd(), "test/fixtures/seeds");
const seedNames = ["000_558bad5328212af2", "001_f9655c538364916e", "002_7b647e67f44d3843"];
const seedTexts = seedNames.map((n) => readFileSync(join(dir, `${n}.txt`), "utf8"));
// No wall-clock limits here (they fail on a busy machine): each test bounds its work instead, by the size and
// number of its inputs (fast-check maxLength and numRuns, the 10 MB cap); the time is measured in bench/import.bench.ts.

/** Runs one import, checks the contract, returns the result. */
function checkedRead(text: string) {
  const result = readPlanText(text);
  expect(() => ZImportResult.parse(result)).not.toThrow();
  return result;
}

/** An import either returns a valid result or refuses with a typed, Vietnamese error. */
async function checkedImport(fileName: string, content: Buffer | string) {
  try {
    const result = await importPlan({ fileName, content });
    expect(() => ZImportResult.parse(result)).not.toThrow();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u);
  }
}

// Pieces of real plans, so random documents reach deep into the reader, not only its first line.
const PIECES = [
  "KẾ HOẠCH",
  "Số: 03/KH-BCH",
  "Hải Phòng, ngày 01 tháng 01 năm 2026",
  "Căn cứ Kết luận số 137-KL/TW ngày 28/3/2025 của Bộ Chính trị;",
  "I. MỤC ĐÍCH",
  "II. TỔ CHỨC THỰC HIỆN",
  "1. Phòng Tham mưu",
  "1.1. Đại biểu",
  "a) Nội dung",
  "A. NỘI DUNG",
  "- Sở Nội vụ chủ trì",
  "+ Thủ trưởng",
  "trước 11 giờ, ngày 29/5/2026",
  "chậm nhất 08 giờ, ngày 31/5/2026",
  "| STT | Thời gian | Nội dung | Phân công |",
  "|---|---|---|---|",
  "| 1 | 08h00' - 08h05' | Khai mạc | Bí thư |",
  "| | tiếp | |",
  "Nơi nhận:",
  "- Lưu: VT.",
  "T/M BAN THƯỜNG VỤ",
  "Đại tá Bùi Xuân Thắng",
  "(Kèm theo Kế hoạch 63-KH/TU, ngày 26/5/2026)",
  "Chủ trì: Đồng chí",
  "Thành phần dự:",
  "Tổng số: khoảng 1.086 đại biểu.",
  "**",
  "*",
  "\t",
  "} Để báo cáo",
  "Hội nghị cấp xã",
  "Tiêu đề Hội nghị",
  "THAM LUẬN",
  "lớp 8/11",
  "quý III/2026",
  "./.",
  "",
  "   ",
];
const planLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((xs) => xs.join("\n"));

describe("importer never fails on hostile input", () => {
  it("reads random text without throwing", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 3000 }), (s) => void checkedRead(s)),
      { numRuns: 150 },
    );
  });

  it("reads random plan-like documents and keeps every field present", () => {
    fc.assert(
      fc.property(planLike, (s) => void checkedRead(s)),
      { numRuns: 300 },
    );
  });

  it("reads every truncation of the seed plans", () => {
    for (const text of seedTexts) {
      for (let cut = 0; cut < text.length; cut += 211) checkedRead(text.slice(0, cut));
    }
  });

  it("imports random bytes as text or Word, or refuses them with a typed error", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), fc.constantFrom("x.txt", "x.md", "x.docx", "x.pdf"), async (bytes, name) => {
        await checkedImport(name, Buffer.from(bytes));
      }),
      { numRuns: 100 },
    );
  });

  it("imports truncated Word files or refuses them as unreadable", async () => {
    const docx = readFileSync(join(dir, "000_558bad5328212af2.docx"));
    for (const cut of [4, 100, 1000, docx.length >> 1, docx.length - 10]) await checkedImport("kh.docx", docx.subarray(0, cut));
  });

  it("reads a 10 MB plan and a 10 MB line", async () => {
    const parts = [seedTexts[1]];
    let bytes = Buffer.byteLength(seedTexts[1]);
    while (bytes < 10 * 1024 * 1024 - 20_000) {
      const next = seedTexts[parts.length % 3];
      parts.push(next);
      bytes += Buffer.byteLength(next) + 1;
    }
    const big = parts.join("\n");
    const result = await importPlan({ fileName: "big.txt", content: Buffer.from(big) });
    expect(result.number).toBe("63-KH/TU");
    const unit = "Sở Nội vụ trước 11 giờ, ngày 29/5/2026 ";
    const line = unit.repeat(Math.floor((10 * 1024 * 1024) / Buffer.byteLength(unit)));
    ZImportResult.parse(await importPlan({ fileName: "line.txt", content: line }));
  });

  it("reads 5,000 nested bullets and 5,000 nested headings", () => {
    const bullets = [
      "KẾ HOẠCH",
      "I. NỘI DUNG",
      ...Array.from({ length: 5000 }, (_, i) => `${" ".repeat(i % 40)}${i % 2 ? "+" : "-"} mục ${i};`),
    ].join("\n");
    const r = checkedRead(bullets);
    expect(r.sections[0].text.split("\n")).toHaveLength(5000);
    const headings = Array.from({ length: 5000 }, (_, i) => `${Array.from({ length: (i % 300) + 1 }, () => "1").join(".")}. Mục ${i}`).join(
      "\n",
    );
    checkedRead(headings);
  });

  it("reads dates in random text without throwing", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.option(fc.integer({ min: -5000, max: 5000 })), (s, year) => {
        expect(Array.isArray(readDates(s, { year }))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
