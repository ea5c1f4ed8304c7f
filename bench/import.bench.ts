/**
 * The plan importer on the three seed plans (one import per call, from text already in memory) and the
 * date reader on one line at a time, cycling through every non-empty line of the three seeds.
 * Target: under 20 ms per import. `npm run bench -- import` / `npm run bench -- dates.line`.
 *
 * `import.pdf`: a 10-page text PDF (the three seeds rendered by LibreOffice), read from its bytes —
 * target under 300 ms. `import.ocr.page`: one scanned page (300 dpi JPEG) read by Tesseract, reported.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readDates } from "../src/domain/dates/index";
import { importPlan, readPlanText } from "../src/domain/importer/index";
import { tesseractOcr } from "../src/server/platform/ocr";
import { scanPages, textPdf } from "../test/fixtures/pdf/make";

const seedDir = fileURLToPath(new URL("../test/fixtures/seeds/", import.meta.url));
const seed = (name: string) => readFileSync(`${seedDir}${name}.txt`, "utf8");
const texts = {
  "000": seed("000_558bad5328212af2"),
  "001": seed("001_f9655c538364916e"),
  "002": seed("002_7b647e67f44d3843"),
};
const lines = Object.values(texts).flatMap((t) => t.split("\n").filter((l) => l.trim()));
let next = 0;

let pdf10: Buffer = Buffer.alloc(0);
let scannedPage: Buffer = Buffer.alloc(0);
const ocr = tesseractOcr();

/** Renders the PDFs once (LibreOffice, Poppler); later runs use the cache in test/fixtures/pdf/.cache. */
export function setup(): void {
  const dir = join(tmpdir(), "kehoach-bench");
  mkdirSync(dir, { recursive: true });
  // The three seeds one after another, cut to fill exactly 10 pages in LibreOffice's default layout.
  const text = Object.values(texts).join("\n").split("\n").slice(0, 410).join("\n");
  writeFileSync(join(dir, "ke-hoach-10-trang.txt"), text);
  pdf10 = textPdf(join(dir, "ke-hoach-10-trang.txt"));
  scannedPage = scanPages(textPdf(fileURLToPath(new URL("../test/fixtures/seeds/000_558bad5328212af2.docx", import.meta.url))), "000")[0];
}

export const budgets = { "import.ocr.page": { warmup: 1, samples: 3 } };

export const benches: Record<string, () => unknown> = {
  "import.000": () => readPlanText(texts["000"]),
  "import.001": () => readPlanText(texts["001"]),
  "import.002": () => readPlanText(texts["002"]),
  "dates.line": () => readDates(lines[next++ % lines.length], { year: 2026 }),
  "import.pdf": () => importPlan({ fileName: "ke-hoach.pdf", content: pdf10 }),
  "import.ocr.page": () => importPlan({ fileName: "trang-1.jpg", content: scannedPage, ocr }),
};
