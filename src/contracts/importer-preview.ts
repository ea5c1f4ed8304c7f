import { z } from "zod";
import { endpoint, json } from "./http";
import { ZImportResult } from "./importer";

/** POST /api/import/plan with JSON: text pasted in the browser, named so the importer knows how to read it (.txt or .md). */
export const ImportPlanTextRequest = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1, { error: "Hãy đặt tên cho văn bản (ví dụ: ke-hoach.txt)." })
    .max(255, { error: "Tên tệp quá dài (tối đa 255 ký tự)." }),
  text: z.string().trim().min(1, { error: "Hãy dán nội dung kế hoạch trước khi đọc." }),
});
export type ImportPlanTextRequest = z.infer<typeof ImportPlanTextRequest>;

/** What the importer read, next to the plain text it read it from, so the UI can show where each field came from. */
export const ImportPlanResponse = z.object({ sourceText: z.string(), result: ZImportResult });
export type ImportPlanResponse = z.infer<typeof ImportPlanResponse>;

/** Pasted text may be as large as a file (10 MB), plus room for JSON escaping. */
export const IMPORT_TEXT_BODY_LIMIT = 12 * 1024 * 1024;

export const importerEndpoints = {
  preview: endpoint({
    method: "POST",
    path: "/api/import/plan",
    tags: ["importer"],
    summary: "Đọc một kế hoạch (.docx, .pdf, .png, .jpg, .txt, .md, tối đa 10 MB) để xem lại trước khi lưu",
    description:
      "Gửi multipart/form-data với đúng một tệp, hoặc JSON { fileName, text } với nội dung dán vào. " +
      "PDF được đọc từ lớp chữ; bản quét và ảnh chụp được nhận dạng chữ (OCR, Tesseract tiếng Việt; thiếu OCR: 415). " +
      "Trả về văn bản đã đọc (sourceText) và kết quả nhận dạng (result). Không lưu gì.",
    multipart: true,
    body: ImportPlanTextRequest,
    bodyLimit: IMPORT_TEXT_BODY_LIMIT,
    extraErrors: [413, 415],
    reply: json(ImportPlanResponse),
  }),
};
