import { uploadLimits } from "../../../contracts/obligations";
import { AppError } from "../../platform/errors";
import { checkOfficeZip } from "../../platform/files/office";
import type { ReceivedFile } from "../../platform/files/receive";
import { fileSource } from "../../platform/files/zip-guard";

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
