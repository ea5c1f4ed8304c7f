import { AppError } from "../errors";
import { type ByteSource, inspectZip } from "./zip-guard";

/** What all entries of an office file together may really inflate to: 100 MB, and 100× the file. */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
export const MAX_COMPRESSION_RATIO = 100;

const invalid = (message: string) => new AppError("INVALID_FILE", message);

/**
 * Refuses a .docx/.xlsx that is not a readable office zip, lacks the part its format needs, or inflates past
 * the caps. The size is counted by inflating every entry as a stream, never read from the headers, so a bomb
 * costs at most the cap in time and a few zlib windows in memory.
 *
 * @example
 *   await checkOfficeZip("bao-cao.docx", "docx", bufferSource(bytes)); // throws AppError INVALID_FILE "… bom nén …"
 */
export async function checkOfficeZip(name: string, ext: "docx" | "xlsx", source: ByteSource): Promise<void> {
  const label = ext === "docx" ? "Word (.docx)" : "Excel (.xlsx)";
  const zip = await inspectZip(source, { maxInflatedBytes: MAX_UNCOMPRESSED_BYTES, maxRatio: MAX_COMPRESSION_RATIO });
  if (zip.verdict === "bomb")
    throw invalid(`Tệp "${name}" bị từ chối: khi giải nén sẽ phình quá lớn (nghi là "bom nén"). Hãy gửi tệp ${label} thông thường.`);
  if (zip.verdict === "broken")
    throw invalid(
      `Tệp "${name}" không phải tệp ${label} hợp lệ (bị hỏng hoặc bị đổi đuôi). Hãy mở bằng phần mềm văn phòng, lưu lại rồi tải lên.`,
    );
  const part = ext === "docx" ? "word/document.xml" : "xl/workbook.xml";
  if (!zip.names.includes("[Content_Types].xml") || !zip.names.includes(part))
    throw invalid(`Tệp "${name}" là tệp nén nhưng không phải tệp ${label}. Hãy lưu lại đúng định dạng rồi tải lên.`);
}
