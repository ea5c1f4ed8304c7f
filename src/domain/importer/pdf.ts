import { ImportError } from "./errors";
import type { PositionedPage, TextItem } from "./layout";
import { checkPdf } from "./pdfGuard";

/** Pages read from one PDF; a longer file is read in part, with a warning. */
export const MAX_PDF_PAGES = 100;
/** Pieces of text read from one PDF (a page of a plan has a few hundred). */
const MAX_ITEMS = 200_000;

export interface PdfText {
  /** Pages read, with the position of every piece of text. */
  pages: PositionedPage[];
  /** Pages in the file. */
  pageCount: number;
  /** Characters of text found: none (or nearly none) means a scan to be read by OCR. */
  chars: number;
  warnings: string[];
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | null = null;
// pdfjs is large: load it the first time a PDF arrives, not when the server starts.
const loadPdfJs = () => (pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs"));

/**
 * The text layer of a PDF with the position of each piece, after the bomb checks of pdfGuard.
 * Throws ImportError for a broken, hostile or password-protected file.
 * `(await readPdf(buffer)).pages[0].items[0].text`.
 */
export async function readPdf(bytes: Buffer, options: { budgetMs?: number } = {}): Promise<PdfText> {
  checkPdf(bytes);
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    // No fetches of CMaps or fonts from anywhere: the text layer needs only the file itself.
    useWorkerFetch: false,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    if ((error as { name?: string }).name === "PasswordException")
      throw new ImportError(
        "UNREADABLE",
        "Tệp PDF được đặt mật khẩu nên không đọc được. Hãy mở tệp bằng mật khẩu, lưu (in) lại thành bản PDF không mật khẩu rồi tải lên lại.",
      );
    throw new ImportError(
      "UNREADABLE",
      "Tệp PDF bị hỏng hoặc không phải tệp PDF. Hãy mở tệp bằng trình đọc PDF, in (lưu) lại thành PDF rồi tải lên lại.",
      { cause: error },
    );
  }
  // The budget starts once the file is open: loading the reader itself (the first PDF of a process) is not the file's fault.
  const until = performance.now() + (options.budgetMs ?? 5000);
  const warnings: string[] = [];
  const pages: PositionedPage[] = [];
  let chars = 0;
  let items = 0;
  try {
    const count = Math.min(doc.numPages, MAX_PDF_PAGES);
    if (doc.numPages > MAX_PDF_PAGES)
      warnings.push(
        `Tệp PDF có ${doc.numPages.toLocaleString("vi-VN")} trang; chỉ đọc ${MAX_PDF_PAGES} trang đầu. Hãy tách phần cần nhập ra tệp riêng.`,
      );
    for (let n = 1; n <= count; n++) {
      if (performance.now() > until || items > MAX_ITEMS) {
        warnings.push(`Tệp PDF quá lớn để đọc hết; chỉ đọc ${n - 1} trang đầu. Hãy tách phần cần nhập ra tệp riêng.`);
        break;
      }
      let page: Awaited<ReturnType<typeof doc.getPage>>;
      try {
        page = await doc.getPage(n);
      } catch {
        warnings.push(`Không đọc được trang ${n} của tệp PDF; trang này bị bỏ qua.`);
        continue;
      }
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent().catch(() => null);
      const found: TextItem[] = [];
      for (const it of content?.items ?? []) {
        if (!("str" in it) || !it.str) continue;
        // viewport.transform maps PDF space (origin bottom left) to the page as seen (origin top left).
        const [a, b, c, d, e, f] = it.transform as number[];
        const [x, baseline] = viewport.convertToViewportPoint(e, f);
        const size = Math.hypot(c, d) || Math.hypot(a, b) || it.height;
        if (!size) continue;
        found.push({ text: it.str, x, y: baseline - size * 0.85, width: it.width, height: size });
        chars += it.str.trim().length;
      }
      items += found.length;
      pages.push({ width: viewport.width, height: viewport.height, items: found });
      page.cleanup();
    }
  } finally {
    await doc.destroy().catch(() => undefined);
  }
  return { pages, pageCount: doc.numPages, chars, warnings };
}
