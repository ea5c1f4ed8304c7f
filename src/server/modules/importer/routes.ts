import type { FastifyInstance } from "fastify";
import { importerEndpoints as e } from "../../../contracts/importer-preview";
import { MAX_IMPORT_BYTES } from "../../../domain/importer/index";
import { AppError } from "../../platform/errors";
import { route } from "../../platform/http";
import { previewPlanImport } from "./service";

export async function importerRoutes(app: FastifyInstance): Promise<void> {
  route(app, e.preview, async ({ body, request }) => {
    if (body) return previewPlanImport({ fileName: body.fileName, content: body.text });
    const part = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 }, throwFileSizeLimit: true });
    if (!part) throw new AppError("INVALID_FILE", "Chưa có tệp nào được gửi lên. Hãy chọn một tệp .docx, .pdf, .png, .jpg, .txt hoặc .md.");
    const content = await part.toBuffer();
    return previewPlanImport({ fileName: part.filename, content });
  });
}
