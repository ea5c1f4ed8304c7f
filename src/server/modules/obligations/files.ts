import { createHash } from "node:crypto";
import { uploadLimits } from "../../../contracts/obligations";
import { AppError } from "../../platform/errors";
import { readZipDirectory } from "./zip";

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

export interface CheckedFile {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

const invalid = (message: string) => new AppError("INVALID_FILE", message);

/**
 * Accepts a file only when its extension is allowed AND its bytes are what the extension claims. Office files
 * are zips: their central directory must be readable, hold the part the format needs, and not inflate past
 * 100 MB or 100× its size (a zip bomb under a .docx name).
 */
export function checkUpload(fileName: string, content: Buffer): CheckedFile {
  const name = fileName.trim().replace(/[\\/]/g, "_").slice(0, 255) || "tep";
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const allowed = uploadLimits.extensions.join(", ");
  if (!(ext in mimeTypes)) throw invalid(`Tệp "${name}" không thuộc loại được nhận. Chỉ nhận tệp ${allowed}.`);
  if (content.length > uploadLimits.maxFileBytes)
    throw new AppError("TOO_LARGE", `Tệp "${name}" lớn hơn 20 MB. Hãy nén hoặc tách nhỏ tệp.`);
  if (content.length === 0) throw invalid(`Tệp "${name}" rỗng. Hãy chọn lại tệp.`);
  if (ext === "docx" || ext === "xlsx") checkOfficeZip(name, ext, content);
  else if (ext === "pdf" && !startsWith(content, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    throw invalid(`Tệp "${name}" không phải PDF thật. Hãy xuất lại tệp PDF.`);
  else if (ext === "png" && !startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    throw invalid(`Tệp "${name}" không phải ảnh PNG thật.`);
  else if ((ext === "jpg" || ext === "jpeg") && !startsWith(content, [0xff, 0xd8, 0xff]))
    throw invalid(`Tệp "${name}" không phải ảnh JPEG thật.`);
  return {
    fileName: name,
    mimeType: mimeTypes[ext],
    size: content.length,
    sha256: createHash("sha256").update(content).digest("hex"),
    content,
  };
}

function checkOfficeZip(name: string, ext: "docx" | "xlsx", content: Buffer): void {
  const label = ext === "docx" ? "Word (.docx)" : "Excel (.xlsx)";
  const zip = readZipDirectory(content);
  if (!zip)
    throw invalid(
      `Tệp "${name}" không phải tệp ${label} hợp lệ (bị hỏng hoặc bị đổi đuôi). Hãy mở bằng phần mềm văn phòng, lưu lại rồi tải lên.`,
    );
  const ratio = zip.uncompressedBytes / Math.max(content.length, 1);
  if (zip.uncompressedBytes > MAX_UNCOMPRESSED_BYTES || ratio > MAX_COMPRESSION_RATIO)
    throw invalid(`Tệp "${name}" bị từ chối: khi giải nén sẽ phình quá lớn (nghi là "bom nén"). Hãy gửi tệp ${label} thông thường.`);
  const part = ext === "docx" ? "word/document.xml" : "xl/workbook.xml";
  if (!zip.names.includes("[Content_Types].xml") || !zip.names.includes(part))
    throw invalid(`Tệp "${name}" là tệp nén nhưng không phải tệp ${label}. Hãy lưu lại đúng định dạng rồi tải lên.`);
}
