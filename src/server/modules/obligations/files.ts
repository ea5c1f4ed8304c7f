import { uploadLimits } from "../../../contracts/obligations";
import { AppError } from "../../platform/errors";
import type { ReceivedFile } from "../../platform/files/receive";
import { type ByteSource, fileSource, inspectZip } from "../../platform/files/zip-guard";

/** What all entries of an office file together may really inflate to: 100 MB, and 100× the file. */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
export const MAX_COMPRESSION_RATIO = 100;

const mimeTypes: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
};

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** A received file that passed the checks, with the type its bytes proved. */
export interface CheckedFile {
  file: ReceivedFile;
  mimeType: string;
}

const invalid = (message: string) => new AppError("INVALID_FILE", message);

/** The upload's extension (lower case) when it is one a submission may carry; else a Vietnamese refusal. */
export function allowedExtension(fileName: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (!(ext in mimeTypes))
    throw invalid(`Tệp "${fileName}" không thuộc loại được nhận. Chỉ nhận tệp ${uploadLimits.extensions.join(", ")}.`);
  return ext;
}

/**
 * Accepts a received file only when its extension is allowed AND its bytes are what the extension claims.
 * Office files are zips: their directory must hold the part the format needs, and every entry is inflated
 * (as a stream, from disk) to count what it really holds: past 100 MB or 100× the file it is a zip bomb.
 */
export async function checkUpload(file: ReceivedFile): Promise<CheckedFile> {
  const name = file.fileName;
  const ext = allowedExtension(name);
  if (file.size === 0) throw invalid(`Tệp "${name}" rỗng. Hãy chọn lại tệp.`);
  const head = file.head;
  if (ext === "docx" || ext === "xlsx") {
    const source = await fileSource(file.path);
    try {
      await checkOfficeZip(name, ext, source);
    } finally {
      await source.close();
    }
  } else if (ext === "pdf" && !startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    throw invalid(`Tệp "${name}" không phải PDF thật. Hãy xuất lại tệp PDF.`);
  else if (ext === "png" && !startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    throw invalid(`Tệp "${name}" không phải ảnh PNG thật.`);
  else if ((ext === "jpg" || ext === "jpeg") && !startsWith(head, [0xff, 0xd8, 0xff]))
    throw invalid(`Tệp "${name}" không phải ảnh JPEG thật.`);
  return { file, mimeType: mimeTypes[ext] };
}

/** Refuses a .docx/.xlsx that is not a readable office zip or that inflates too far (counted, not declared). */
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
