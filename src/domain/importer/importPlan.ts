import type { ImportResult } from "../../contracts/importer";
import { docxToText } from "./docx";
import { ImportError } from "./errors";
import { type ReadPlanOptions, readPlanText } from "./readPlan";

/** Largest file accepted (issue #3): 10 MB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export interface ImportPlanInput extends ReadPlanOptions {
  fileName: string;
  content: Buffer | string;
}

/**
 * Reads a plan file (.docx, .txt, .md). Throws ImportError for what cannot be read at all.
 * `await importPlan({ fileName: "kh.docx", content: buffer })`.
 */
export async function importPlan(input: ImportPlanInput): Promise<ImportResult> {
  const startedAt = performance.now();
  const ext = /\.([a-z0-9]+)$/iu.exec(input.fileName ?? "")?.[1]?.toLowerCase() ?? "";
  if (!["docx", "txt", "md"].includes(ext)) {
    throw new ImportError(
      "UNSUPPORTED_TYPE",
      `Không đọc được loại tệp "${ext ? `.${ext}` : input.fileName}". Hãy tải lên tệp Word (.docx) hoặc văn bản (.txt, .md); tệp .doc cũ cần lưu lại thành .docx.`,
    );
  }
  const size = typeof input.content === "string" ? Buffer.byteLength(input.content, "utf8") : input.content.length;
  if (size > MAX_IMPORT_BYTES) {
    throw new ImportError("TOO_LARGE", "Tệp lớn hơn 10 MB. Hãy bỏ bớt hình ảnh hoặc tách phụ lục ra tệp riêng rồi thử lại.");
  }
  // Decoding a large file eats into the reading budget: what is left goes to readPlanText.
  const options = (): ReadPlanOptions => ({
    year: input.year,
    budgetMs: Math.max(100, (input.budgetMs ?? 1000) - (performance.now() - startedAt)),
  });
  if (ext !== "docx") {
    const text = typeof input.content === "string" ? input.content : decodeText(input.content);
    return readPlanText(text, options());
  }
  const buffer = typeof input.content === "string" ? Buffer.from(input.content, "binary") : input.content;
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
  return readPlanText(text, options());
}

/** UTF-8 text, or UTF-16 when it starts with a byte-order mark (Notepad's "Unicode"). */
function decodeText(buf: Buffer): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString("utf16le");
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  return buf.toString("utf8");
}
