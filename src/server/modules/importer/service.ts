import type { ImportPlanResponse } from "../../../contracts/importer-preview";
import { docxToText } from "../../../domain/importer/docx";
import { ImportError, importPlan } from "../../../domain/importer/index";
import { AppError } from "../../platform/errors";

export interface PreviewPlanOptions {
  fileName: string;
  content: Buffer | string;
}

/**
 * Reads a plan file or pasted text with the importer and returns the text it read alongside the result.
 * The importer's refusals become AppErrors: an unknown type or an unreadable file 400, too large 413.
 */
export async function previewPlanImport({ fileName, content }: PreviewPlanOptions): Promise<ImportPlanResponse> {
  try {
    const result = await importPlan({ fileName, content });
    return { sourceText: await sourceTextOf(fileName, content), result };
  } catch (error) {
    if (error instanceof ImportError) {
      throw new AppError(error.code === "TOO_LARGE" ? "TOO_LARGE" : "INVALID_FILE", error.message);
    }
    throw error;
  }
}

/** The same text the importer read: its Word reading for .docx, the decoded characters otherwise. */
async function sourceTextOf(fileName: string, content: Buffer | string): Promise<string> {
  if (typeof content === "string") return content;
  if (/\.docx$/i.test(fileName)) return docxToText(content);
  return decodeText(content);
}

/** UTF-8, or UTF-16 when the file starts with a byte-order mark (Notepad's "Unicode"), as the importer reads it. */
function decodeText(buf: Buffer): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString("utf16le");
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  return buf.toString("utf8").replace(/^\uFEFF/, "");
}
