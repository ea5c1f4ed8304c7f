import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ErrorBody } from "../../../contracts/common";
import { ImportPlanResponse, ImportPlanTextRequest } from "../../../contracts/importer-preview";
import { MAX_IMPORT_BYTES } from "../../../domain/importer/index";
import { requireActor } from "../../platform/auth";
import { AppError } from "../../platform/errors";
import { previewPlanImport } from "./service";

/** Pasted text may be as large as a file, plus room for JSON escaping. */
const TEXT_BODY_LIMIT = MAX_IMPORT_BYTES + 2 * 1024 * 1024;

export async function importerRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post("/api/import/plan", {
    bodyLimit: TEXT_BODY_LIMIT,
    schema: {
      tags: ["importer"],
      summary: "Đọc một kế hoạch (.docx, .pdf, .png, .jpg, .txt, .md, tối đa 10 MB) để xem lại trước khi lưu",
      description:
        "Gửi multipart/form-data với đúng một tệp, hoặc JSON { fileName, text } với nội dung dán vào. " +
        "PDF được đọc từ lớp chữ; bản quét và ảnh chụp được nhận dạng chữ (OCR, Tesseract tiếng Việt). " +
        "Trả về văn bản đã đọc (sourceText) và kết quả nhận dạng (result). Không lưu gì.",
      consumes: ["multipart/form-data", "application/json"],
      response: { 200: ImportPlanResponse, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody, 415: ErrorBody },
    },
    handler: async (request) => {
      requireActor(request);
      if (request.isMultipart()) {
        const part = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 }, throwFileSizeLimit: true });
        if (!part)
          throw new AppError("INVALID_FILE", "Chưa có tệp nào được gửi lên. Hãy chọn một tệp .docx, .pdf, .png, .jpg, .txt hoặc .md.");
        const content = await part.toBuffer();
        return previewPlanImport({ fileName: part.filename, content });
      }
      const parsed = ImportPlanTextRequest.safeParse(request.body);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new AppError(
          "VALIDATION",
          `Dữ liệu gửi lên không hợp lệ (${first.path.join(".") || "body"}: ${first.message}). Hãy kiểm tra lại và gửi lại.`,
        );
      }
      return previewPlanImport({ fileName: parsed.data.fileName, content: parsed.data.text });
    },
  });
}
