import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusDir, plans, scorePlan, total } from "../../../test/fixtures/corpus/score";
import { haveTools, imagePdf, png, scanPages, textPdf, wordPdf } from "../../../test/fixtures/pdf/make";
import { ImportError, importPlan, importPlanFile, OCR_WARNING } from "../../domain/importer/index";
import { imageSize, tesseractOcr, tsvToPage } from "./ocr";

const seedDir = join(process.cwd(), "test/fixtures/seeds");
const seed = "000_558bad5328212af2";

function haveVietnameseOcr(): boolean {
  try {
    return /^vie$/mu.test(execFileSync("tesseract", ["--list-langs"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }));
  } catch {
    return false;
  }
}
// CI installs tesseract-ocr and tesseract-ocr-vie (.ci/run): there a missing OCR is a failure, not a skip.
const ocrReady = haveVietnameseOcr() && haveTools();
if (!ocrReady && process.env.CI === "true")
  throw new Error("CI needs tesseract-ocr, tesseract-ocr-vie, LibreOffice and Poppler for the OCR tests.");

const refusal = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => (e instanceof ImportError ? e : Promise.reject(e)));
const ocr = tesseractOcr();

describe.skipIf(!ocrReady)("OCR of scans and photos (Tesseract, Vietnamese)", () => {
  it("reads a scanned PDF of seed 000 to the same deadlines and units as its text, saying it came from OCR", async () => {
    const fromText = await importPlan({ fileName: `${seed}.txt`, content: readFileSync(join(seedDir, `${seed}.txt`)) });
    const scan = imagePdf(scanPages(textPdf(join(seedDir, `${seed}.docx`)), "000"));
    const fromScan = await importPlanFile({ fileName: "ban-quet.pdf", content: scan, ocr });
    const shape = (r: typeof fromText) => ({
      deadlines: r.deadlines.map((d) => [d.due, d.time, d.units]),
      units: r.tasks.map((t) => [t.unit, t.role]),
    });
    expect(shape(fromScan.result)).toEqual(shape(fromText));
    expect(fromScan.result.warnings[0]).toBe(OCR_WARNING);
    expect(fromScan.text).toContain("Đại tá Bùi Xuân Thắng");
  }, 240_000);

  it("reads a photo of a page (.jpg) through the same reader", async () => {
    const page = scanPages(textPdf(join(seedDir, `${seed}.docx`)), "000")[0];
    const r = await importPlan({ fileName: "trang-1.jpg", content: page, ocr });
    expect([r.number, r.issuedOn]).toEqual(["03/KH-BCH", "2026-01-01"]);
    expect(r.legalBases.map((b) => b.documentNumber)).toEqual(["137-KL/TW", "13572/VP-NVKTGS", null]);
    expect(r.warnings).toContain(OCR_WARNING);
  }, 120_000);

  it("reads scans of three corpus plans (commune UBND, provincial UBND, mass organisation) to their labels (score printed)", async () => {
    const scores = [];
    for (const id of ["danluc-xa-kh-ubnd", "sonla-68-kh-ubnd", "ldld-yendinh-34-kh"]) {
      const label = plans.find(([p]) => p === id)![1];
      const scan = imagePdf(scanPages(await wordPdf(join(corpusDir, `${id}.txt`)), `corpus-${id}`, 2));
      const s = scorePlan(label, await importPlan({ fileName: `${id}.pdf`, content: scan, ocr }));
      if (s.misses.length) console.log(`${id} (scan): ${s.misses.join("; ")}`);
      scores.push(s);
    }
    const t = total(scores);
    console.log(`Corpus score (scanned PDF, 3 plans): ${t.right}/${t.total} = ${t.score.toFixed(3)}`);
    expect(t.score).toBeGreaterThanOrEqual(0.7);
  }, 300_000);

  it("refuses a picture that is not a document", async () => {
    const landscape = png(600, 400, (x, y) => Math.round(128 + 100 * Math.sin(x / 40) * Math.cos(y / 30)));
    const e = await refusal(importPlan({ fileName: "anh.png", content: landscape, ocr }));
    expect(e?.code).toBe("UNREADABLE");
    expect(e?.message).toMatch(/Không tìm thấy chữ/u);
  });

  it("says which packages to install when the Vietnamese data is missing", async () => {
    const empty = mkdtempSync(join(tmpdir(), "kh-tessdata-"));
    const noData = tesseractOcr({ tessdata: empty });
    const e = await refusal(importPlan({ fileName: "anh.png", content: png(50, 50, () => 255), ocr: noData }));
    expect(e?.code).toBe("OCR_UNAVAILABLE");
    expect(e?.message).toMatch(/tesseract-ocr và tesseract-ocr-vie/u);
  });
});

describe("OCR input checks that need no OCR", () => {
  it("names both packages when Tesseract itself is missing", async () => {
    const e = await refusal(
      importPlan({ fileName: "a.png", content: png(20, 20, () => 255), ocr: tesseractOcr({ tesseract: "/khong/co/tesseract" }) }),
    );
    expect(e?.code).toBe("OCR_UNAVAILABLE");
    expect(e?.message).toMatch(/tesseract-ocr và tesseract-ocr-vie/u);
  });

  it("refuses bytes that are not a PNG or JPEG, and a picture too large to read, before running anything", async () => {
    const bad = await refusal(importPlan({ fileName: "a.jpg", content: Buffer.from("GIF89a……"), ocr }));
    expect(bad?.code).toBe("UNREADABLE");
    const header = png(1, 1, () => 0);
    header.writeUInt32BE(50_000, 16); // IHDR width
    header.writeUInt32BE(50_000, 20);
    expect((await refusal(importPlan({ fileName: "to.png", content: header, ocr })))?.code).toBe("TOO_LARGE");
    expect(imageSize(header)).toEqual({ type: "png", width: 50_000, height: 50_000 });
  });

  it("turns Tesseract's TSV into words on their line's box", () => {
    const tsv = [
      "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
      "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
      "4\t1\t1\t1\t1\t0\t300\t400\t900\t60\t-1\t",
      "5\t1\t1\t1\t1\t1\t300\t410\t200\t45\t96\tKẾ",
      "5\t1\t1\t1\t1\t2\t520\t405\t300\t50\t95\tHOẠCH",
    ].join("\n");
    expect(tsvToPage(tsv)).toEqual({
      width: 2480,
      height: 3508,
      items: [
        { text: "KẾ", x: 300, y: 400, width: 200, height: 60 },
        { text: "HOẠCH", x: 520, y: 400, width: 300, height: 60 },
      ],
    });
  });
});
