/**
 * OCR of scans and photos with Debian's Tesseract (`tesseract-ocr` + `tesseract-ocr-vie`) and of scanned
 * PDFs rasterised by Poppler's `pdftoppm` (`poppler-utils`). Both run as child processes, so the server's
 * event loop never waits on them; one job at a time per process (a page takes seconds of a core).
 * Words come back with their boxes (Tesseract's TSV) and go through the same layout reader as a PDF.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ImportError } from "../../domain/importer/errors";
import type { OcrEngine, OcrPages } from "../../domain/importer/importPlan";
import type { PositionedPage, TextItem } from "../../domain/importer/layout";

/** Pages of a scanned PDF read by OCR; the rest is left out with a warning. */
export const MAX_OCR_PAGES = 20;
/** Largest image accepted for OCR, in pixels (a 600 dpi A4 page is 35 megapixels). */
const MAX_PIXELS = 60_000_000;
const MAX_SIDE = 20_000;
const DPI = 300;

const MISSING_OCR =
  "Máy chủ chưa có phần nhận dạng chữ tiếng Việt (OCR) để đọc bản quét hoặc ảnh chụp. Quản trị viên hãy cài hai gói Debian " +
  "tesseract-ocr và tesseract-ocr-vie (apt-get install tesseract-ocr tesseract-ocr-vie); trong lúc chờ, hãy tải lên tệp Word hoặc PDF có chữ.";
const MISSING_PDFTOPPM =
  "Máy chủ chưa có công cụ chuyển trang PDF quét thành ảnh để nhận dạng chữ. Quản trị viên hãy cài gói Debian poppler-utils " +
  "(apt-get install poppler-utils); trong lúc chờ, hãy tải lên ảnh chụp (.png, .jpg) của từng trang.";

interface Run {
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], options: { timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        timeout: options.timeoutMs,
        maxBuffer: 32 * 1024 * 1024,
        env: { ...process.env, OMP_THREAD_LIMIT: "1", ...options.env },
        encoding: "utf8",
      },
      (error, stdout, stderr) => (error ? reject(Object.assign(error, { stderr })) : resolve({ stdout, stderr })),
    );
  });
}

// One OCR job at a time in this process: the next waits for the previous one to finish.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

export interface TesseractOptions {
  /** Program to run; default `tesseract` on the PATH. */
  tesseract?: string;
  /** Program that rasterises PDF pages; default `pdftoppm`. */
  pdftoppm?: string;
  /** Where Tesseract finds its language data (TESSDATA_PREFIX); default Tesseract's own. */
  tessdata?: string;
}

/** The machine's Tesseract as the importer's OCR engine: `importPlan({ …, ocr: tesseractOcr() })`. */
export function tesseractOcr(options: TesseractOptions = {}): OcrEngine {
  const tesseract = options.tesseract ?? "tesseract";
  const pdftoppm = options.pdftoppm ?? "pdftoppm";
  const env = options.tessdata ? { TESSDATA_PREFIX: options.tessdata } : undefined;
  let ready: Promise<void> | null = null;
  const check = () =>
    (ready ??= run(tesseract, ["--list-langs"], { timeoutMs: 20_000, env }).then(
      (r) => {
        if (!/^vie$/mu.test(`${r.stdout}\n${r.stderr}`)) throw new ImportError("OCR_UNAVAILABLE", MISSING_OCR);
      },
      () => {
        throw new ImportError("OCR_UNAVAILABLE", MISSING_OCR);
      },
    )).catch((error: unknown) => {
      ready = null; // installed later: look again next time
      throw error;
    });

  const ocrFile = async (path: string): Promise<PositionedPage> => {
    const { stdout } = await run(tesseract, [path, "stdout", "-l", "vie", "--psm", "3", "tsv"], { timeoutMs: 120_000, env }).catch(
      (error: unknown) => {
        throw new ImportError(
          "UNREADABLE",
          "Không nhận dạng được chữ trong ảnh này. Hãy chụp hoặc quét lại rõ hơn (300 dpi, thẳng trang) rồi thử lại.",
          {
            cause: error,
          },
        );
      },
    );
    return tsvToPage(stdout);
  };

  return {
    async image(bytes) {
      const size = imageSize(bytes);
      if (!size)
        throw new ImportError(
          "UNREADABLE",
          "Tệp ảnh bị hỏng hoặc không phải ảnh PNG/JPEG. Hãy chụp hoặc quét lại và lưu thành .png hoặc .jpg.",
        );
      if (size.width > MAX_SIDE || size.height > MAX_SIDE || size.width * size.height > MAX_PIXELS)
        throw new ImportError(
          "TOO_LARGE",
          "Ảnh quá lớn để nhận dạng chữ. Hãy giảm độ phân giải xuống khoảng 300 dpi (khổ A4) rồi tải lên lại.",
        );
      await check();
      return serial(() =>
        withTempDir(async (dir) => {
          const file = join(dir, size.type === "png" ? "page.png" : "page.jpg");
          await writeFile(file, bytes);
          return ocrFile(file);
        }),
      );
    },
    async pdf(bytes, maxPages) {
      await check();
      const pages = Math.min(maxPages, MAX_OCR_PAGES);
      return serial(() =>
        withTempDir(async (dir): Promise<OcrPages> => {
          const input = join(dir, "in.pdf");
          await writeFile(input, bytes);
          await run(pdftoppm, ["-r", String(DPI), "-gray", "-png", "-f", "1", "-l", String(pages), input, join(dir, "p")], {
            timeoutMs: 60_000 + pages * 10_000,
          }).catch((error: { code?: unknown }) => {
            if (error.code === "ENOENT") throw new ImportError("OCR_UNAVAILABLE", MISSING_PDFTOPPM);
            throw new ImportError(
              "UNREADABLE",
              "Không chuyển được các trang PDF quét thành ảnh để nhận dạng chữ. Hãy in (lưu) lại thành PDF rồi thử lại.",
              {
                cause: error,
              },
            );
          });
          const files = (await readdir(dir)).filter((f) => /^p-\d+\.png$/u.test(f)).sort((a, b) => pageNo(a) - pageNo(b));
          // Two pages at a time: Tesseract runs on one core each (OMP_THREAD_LIMIT=1).
          const out: PositionedPage[] = [];
          for (let k = 0; k < files.length; k += 2)
            out.push(...(await Promise.all(files.slice(k, k + 2).map((f) => ocrFile(join(dir, f))))));
          return { pages: out, limited: maxPages > MAX_OCR_PAGES ? MAX_OCR_PAGES : null };
        }),
      );
    },
  };
}

const pageNo = (f: string) => Number(/(\d+)\.png$/u.exec(f)?.[1] ?? 0);

async function withTempDir<T>(job: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "kehoach-ocr-"));
  try {
    return await job(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Tesseract's TSV (level 5 = one word with its box) as a positioned page: `tsvToPage(stdout).items[0].text`. */
export function tsvToPage(tsv: string): PositionedPage {
  const page: PositionedPage = { width: 0, height: 0, items: [] };
  const lines = new Map<string, { top: number; height: number }>();
  const rows = tsv.split("\n").map((l) => l.split("\t"));
  for (const r of rows) if (r[0] === "4") lines.set(r.slice(1, 5).join("."), { top: Number(r[7]), height: Number(r[9]) });
  for (const r of rows) {
    if (r.length < 12) continue;
    const [level, , block, par, line, , left, top, width, height, conf] = r;
    if (level === "1") {
      page.width = Number(width);
      page.height = Number(height);
    }
    const text = r.slice(11).join("\t").trim();
    if (level !== "5" || !text || Number(conf) < 0) continue;
    // A word's own box is as tall as its letters; the line's box keeps a line's words on one baseline.
    const box = lines.get([r[1], block, par, line].join(".")) ?? { top: Number(top), height: Number(height) };
    page.items.push({ text, x: Number(left), y: box.top, width: Number(width), height: box.height } satisfies TextItem);
  }
  return page;
}

/** Type and size of a PNG or JPEG from its header, without decoding it: `imageSize(png)?.width`. */
export function imageSize(b: Buffer): { type: "png" | "jpeg"; width: number; height: number } | null {
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString("latin1", 12, 16) === "IHDR")
    return { type: "png", width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let k = 2;
    while (k + 9 < b.length) {
      if (b[k] !== 0xff) return null;
      const marker = b[k + 1];
      const len = b.readUInt16BE(k + 2);
      // Start-of-frame markers (not DHT C4, JPG C8, DAC CC) carry the size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { type: "jpeg", height: b.readUInt16BE(k + 5), width: b.readUInt16BE(k + 7) };
      k += 2 + len;
    }
  }
  return null;
}
