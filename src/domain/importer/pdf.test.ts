import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encryptedPdf, haveTools, manyPagesPdf, nestedPdf, streamBombPdf, textPdf, writePdf } from "../../../test/fixtures/pdf/make";
import { ImportError, importPlan, importPlanFile } from "./index";
import { PDF_LIMITS } from "./pdfGuard";

const seedDir = join(process.cwd(), "test/fixtures/seeds");
const seed = "000_558bad5328212af2";
// LibreOffice and Poppler render the test PDFs; CI installs both, so there a missing tool is a failure.
const tools = haveTools();
if (!tools && process.env.CI === "true") throw new Error("CI needs LibreOffice (soffice) and Poppler (pdftoppm) for the PDF tests.");

const refusal = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => (e instanceof ImportError ? e : Promise.reject(e)));
const shape = (r: Awaited<ReturnType<typeof importPlan>>) => ({
  deadlines: r.deadlines.map((d) => [d.due, d.time, d.units]),
  tasks: r.tasks.map((t) => [t.unit, t.role, t.items.length]),
});

describe.skipIf(!tools)("importing a PDF with a text layer", () => {
  it("reads seed 000 rendered by LibreOffice to the same deadlines, units and header as its text", async () => {
    const fromText = await importPlan({ fileName: `${seed}.txt`, content: readFileSync(join(seedDir, `${seed}.txt`)) });
    const fromPdf = await importPlanFile({ fileName: "ke-hoach.pdf", content: textPdf(join(seedDir, `${seed}.docx`)) });
    expect(shape(fromPdf.result)).toEqual(shape(fromText));
    expect([fromPdf.result.number, fromPdf.result.issuedOn, fromPdf.result.title]).toEqual([
      fromText.number,
      fromText.issuedOn,
      fromText.title,
    ]);
    expect(fromPdf.text).toContain("VI. TỔ CHỨC THỰC HIỆN");
    expect(fromPdf.result.warnings.join(" ")).not.toMatch(/OCR/u);
  });

  it("refuses a password-protected PDF, saying how to unlock it", async () => {
    const e = await refusal(importPlan({ fileName: "mat.pdf", content: encryptedPdf() }));
    expect(e?.code).toBe("UNREADABLE");
    expect(e?.message).toMatch(/mật khẩu/u);
  });
});

describe("importing a broken or hostile PDF", () => {
  it("refuses bytes that are not a PDF, and a PDF cut in half reads in part or is refused, never crashes", async () => {
    expect((await refusal(importPlan({ fileName: "x.pdf", content: Buffer.from("not a pdf at all") })))?.code).toBe("UNREADABLE");
    const whole = manyPagesPdf(3);
    const half = whole.subarray(0, Math.floor(whole.length / 2));
    const outcome = await importPlan({ fileName: "cut.pdf", content: half }).catch((e: unknown) => e);
    expect(outcome instanceof ImportError || (typeof outcome === "object" && outcome !== null && "warnings" in outcome)).toBe(true);
  });

  it("reads only the first 100 pages of a 2,000-page PDF, with a warning", async () => {
    const r = await importPlanFile({ fileName: "dai.pdf", content: manyPagesPdf(2000) });
    expect(r.result.warnings.join(" ")).toMatch(/2\.000 trang; chỉ đọc 100 trang đầu/u);
    expect(r.text.split("\n").filter((l) => l.startsWith("Ke hoach")).length).toBeLessThanOrEqual(200);
  });

  it("refuses objects nested deeper than the limit before parsing them", async () => {
    const e = await refusal(importPlan({ fileName: "long.pdf", content: nestedPdf(PDF_LIMITS.maxDepth + 50_000) }));
    expect(e?.code).toBe("UNREADABLE");
    expect(e?.message).toMatch(/lồng nhau/u);
  });

  it("refuses a stream that would inflate past the limit, inflating no more than the limit", async () => {
    const e = await refusal(importPlan({ fileName: "bom.pdf", content: streamBombPdf(PDF_LIMITS.maxStreamBytes / 1024 / 1024 + 8) }));
    expect(e?.code).toBe("UNREADABLE");
    expect(e?.message).toMatch(/giải nén quá lớn/u);
  });

  it("refuses a file with more objects than the limit", async () => {
    const objects = Array.from({ length: PDF_LIMITS.maxObjects + 10 }, () => "null");
    const e = await refusal(importPlan({ fileName: "nhieu.pdf", content: writePdf(["<< /Type /Catalog >>", ...objects]) }));
    expect(e?.message).toMatch(/đối tượng/u);
  });

  it("asks for OCR, naming the packages, when a scan arrives and no OCR engine is given", async () => {
    const blank = writePdf([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]);
    const e = await refusal(importPlan({ fileName: "quet.pdf", content: blank }));
    expect(e?.code).toBe("OCR_UNAVAILABLE");
    expect(e?.message).toMatch(/tesseract-ocr và tesseract-ocr-vie/u);
  });
});
