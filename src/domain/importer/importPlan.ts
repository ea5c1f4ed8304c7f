import type { ImportResult } from "../../contracts/importer";
import { docxToText } from "./docx";
import { ImportError } from "./errors";
import { type PositionedPage, pagesToText } from "./layout";
import { readPdf } from "./pdf";
import { type ReadPlanOptions, readPlanText } from "./readPlan";

/** Largest file accepted (issue #3): 10 MB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** File types the importer reads: text, Word, PDF (text layer or scan) and photos of pages. */
export const IMPORT_EXTENSIONS = ["docx", "txt", "md", "pdf", "png", "jpg", "jpeg"] as const;

/** Pages a scanned PDF gave to OCR, and the page limit applied when the file had more. */
export interface OcrPages {
  pages: PositionedPage[];
  limited: number | null;
}

/**
 * Reads text off images: the server's Tesseract (platform/ocr.ts) in production. Both throw ImportError
 * `OCR_UNAVAILABLE` when the machine has no OCR, `UNREADABLE` when the image cannot be read.
 */
export interface OcrEngine {
  image(bytes: Buffer): Promise<PositionedPage>;
  pdf(bytes: Buffer, pageCount: number): Promise<OcrPages>;
}

export interface ImportPlanInput extends ReadPlanOptions {
  fileName: string;
  content: Buffer | string;
  /** OCR for scans and photos; without it such files are refused with a message naming the packages. */
  ocr?: OcrEngine;
}

/** The result with the text it was read from (what the review page shows and highlights). */
export interface ImportedFile {
  text: string;
  result: ImportResult;
}

/** Fewer characters than this per page means the PDF has no real text layer: a scan. */
const SCAN_CHARS_PER_PAGE = 40;

export const OCR_WARNING =
  "Văn bản được đọc bằng nhận dạng chữ (OCR) từ bản quét hoặc ảnh chụp: hãy đối chiếu số, ngày, tên đơn vị và thời hạn với bản gốc.";

const NO_OCR =
  "Máy chủ chưa có phần nhận dạng chữ tiếng Việt (OCR) để đọc bản quét hoặc ảnh chụp. Quản trị viên hãy cài hai gói Debian " +
  "tesseract-ocr và tesseract-ocr-vie; trong lúc chờ, hãy tải lên tệp Word hoặc PDF có chữ.";

/**
 * Reads a plan file (.docx, .txt, .md, .pdf, .png, .jpg). Throws ImportError for what cannot be read at all.
 * `await importPlan({ fileName: "kh.docx", content: buffer })`.
 */
export async function importPlan(input: ImportPlanInput): Promise<ImportResult> {
  return (await importPlanFile(input)).result;
}

/** Like importPlan, with the text read: `(await importPlanFile({ fileName: "kh.pdf", content })).text`. */
export async function importPlanFile(input: ImportPlanInput): Promise<ImportedFile> {
  const startedAt = performance.now();
  const ext = /\.([a-z0-9]+)$/iu.exec(input.fileName ?? "")?.[1]?.toLowerCase() ?? "";
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new ImportError(
      "UNSUPPORTED_TYPE",
      `Không đọc được loại tệp "${ext ? `.${ext}` : input.fileName}". Hãy tải lên tệp Word (.docx), PDF, ảnh chụp (.png, .jpg) hoặc văn bản (.txt, .md); tệp .doc cũ cần lưu lại thành .docx.`,
    );
  }
  const size = typeof input.content === "string" ? Buffer.byteLength(input.content, "utf8") : input.content.length;
  if (size > MAX_IMPORT_BYTES) {
    throw new ImportError("TOO_LARGE", "Tệp lớn hơn 10 MB. Hãy bỏ bớt hình ảnh hoặc tách phụ lục ra tệp riêng rồi thử lại.");
  }
  // Decoding a large file eats into the reading budget: what is left goes to readPlanText.
  const options = (from = startedAt): ReadPlanOptions => ({
    year: input.year,
    budgetMs: Math.max(100, (input.budgetMs ?? 1000) - (performance.now() - from)),
  });
  const read = (text: string, warnings: string[] = [], from = startedAt): ImportedFile => {
    const result = readPlanText(text, options(from));
    return { text, result: { ...result, warnings: [...warnings, ...result.warnings] } };
  };
  if (ext === "txt" || ext === "md") {
    return read(typeof input.content === "string" ? input.content : decodeText(input.content));
  }
  const buffer = typeof input.content === "string" ? Buffer.from(input.content, "binary") : input.content;
  if (ext === "pdf") {
    const pdf = await readPdf(buffer);
    if (pdf.chars >= SCAN_CHARS_PER_PAGE * Math.max(1, pdf.pages.length))
      return read(pagesToText(pdf.pages), pdf.warnings, performance.now());
    if (!input.ocr) throw new ImportError("OCR_UNAVAILABLE", NO_OCR);
    const scanned = await input.ocr.pdf(buffer, pdf.pageCount);
    const warnings = [OCR_WARNING, ...pdf.warnings.filter((w) => !/chỉ đọc \d+ trang đầu/u.test(w))];
    if (scanned.limited)
      warnings.push(
        `Bản quét có ${pdf.pageCount} trang; chỉ nhận dạng chữ ${scanned.limited} trang đầu. Hãy tách phần cần nhập ra tệp riêng.`,
      );
    return readScan(scanned.pages, warnings);
  }
  if (ext === "png" || ext === "jpg" || ext === "jpeg") {
    if (!input.ocr) throw new ImportError("OCR_UNAVAILABLE", NO_OCR);
    return readScan([await input.ocr.image(buffer)], [OCR_WARNING]);
  }
  // A .docx is a zip: anything else under that name is a renamed or broken file.
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
    throw new ImportError(
      "UNREADABLE",
      "Tệp .docx bị hỏng hoặc không phải tệp Word. Hãy mở tệp bằng Word, lưu lại dạng .docx rồi tải lên lại.",
    );
  }
  let text: string;
  try {
    text = await docxToText(buffer);
  } catch (cause) {
    throw new ImportError("UNREADABLE", "Không đọc được nội dung tệp Word. Hãy mở tệp bằng Word, lưu lại dạng .docx rồi tải lên lại.", {
      cause,
    });
  }
  // Word's own decoding is bounded by the file size; the reader's budget starts after it, as after OCR.
  return read(text, [], performance.now());

  function readScan(pages: PositionedPage[], warnings: string[]): ImportedFile {
    const text = fixOcrText(pagesToText(pages));
    // A photo of a landscape or a blank page: nothing a clerk could review.
    if (text.replace(/[^\p{L}\p{N}]/gu, "").length < 40)
      throw new ImportError(
        "UNREADABLE",
        "Không tìm thấy chữ của văn bản trong ảnh hoặc bản quét này. Hãy chụp hoặc quét lại trang văn bản rõ nét, thẳng trang (khoảng 300 dpi) rồi tải lên lại.",
      );
    // OCR took its time; the reader gets its own budget from here.
    return read(text, warnings, performance.now());
  }
}

/**
 * Mends what OCR misreads in outline numbers: `S.` for `5.`, `l.`/`|.` for `1.`, `1.` for `I.` where the numbering
 * around it says so. `fixOcrText("4. Văn phòng\nS. Các Ban")` → `"4. Văn phòng\n5. Các Ban"`.
 */
export function fixOcrText(text: string): string {
  const lines = text.split("\n");
  // `I.` read as `1.` on a capitals heading, when the next top heading is `II.`.
  const firstRoman = lines.findIndex((l) => /^II\.\s+\p{Lu}/u.test(l));
  for (let k = 0; k < Math.max(firstRoman, 0); k++) {
    const m = /^[1lI|]\.\s+(?=[\p{Lu}\s,]{4,}$)/u.exec(lines[k]);
    if (m && !/\p{Ll}/u.test(lines[k])) lines[k] = `I. ${lines[k].slice(m[0].length)}`;
  }
  let last = 0;
  for (let k = 0; k < lines.length; k++) {
    const n = /^(\d{1,2})\.\s/u.exec(lines[k]);
    if (n) {
      last = Number(n[1]);
      continue;
    }
    const m = /^([Ssl|])\.\s+(?=\p{Lu})/u.exec(lines[k]);
    if (!m) continue;
    const value = /[Ss]/u.test(m[1]) ? 5 : 1;
    if (value === last + 1 || (value === 1 && /[l|]/u.test(m[1]))) {
      lines[k] = `${value}. ${lines[k].slice(m[0].length)}`;
      last = value;
    }
  }
  return lines.join("\n");
}

/** UTF-8 text, or UTF-16 when it starts with a byte-order mark (Notepad's "Unicode"). */
export function decodeText(buf: Buffer): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString("utf16le");
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  return buf.toString("utf8");
}
