import type { ImportPlanResponse } from "../../../contracts/importer-preview";
import { ImportError, importPlanFile, type OcrEngine } from "../../../domain/importer/index";
import { AppError } from "../../platform/errors";
import { tesseractOcr } from "../../platform/ocr";

export interface PreviewPlanOptions {
  fileName: string;
  content: Buffer | string;
  /** OCR for scans and photos; the machine's Tesseract unless a test gives another. */
  ocr?: OcrEngine;
}

const machineOcr = tesseractOcr();

/**
 * Reads a plan file or pasted text with the importer and returns the text it read alongside the result
 * (for a PDF the rebuilt text layer, for a scan or photo the OCR'd text). Nothing is saved.
 * The importer's refusals become AppErrors: an unknown type or an unreadable file 400, too large 413,
 * no OCR on this server 415.
 */
export async function previewPlanImport({ fileName, content, ocr = machineOcr }: PreviewPlanOptions): Promise<ImportPlanResponse> {
  try {
    const { text, result } = await importPlanFile({ fileName, content, ocr });
    return { sourceText: text.replace(/^\uFEFF/, ""), result };
  } catch (error) {
    if (error instanceof ImportError) {
      const code = error.code === "TOO_LARGE" ? "TOO_LARGE" : error.code === "OCR_UNAVAILABLE" ? "UNSUPPORTED_MEDIA_TYPE" : "INVALID_FILE";
      throw new AppError(code, error.message);
    }
    throw error;
  }
}
