import type { FastifyInstance } from "fastify";
import { importerEndpoints as e } from "../../../contracts/importer-preview";
import { MAX_IMPORT_BYTES } from "../../../domain/importer/index";
import { checkOfficeZip } from "../../platform/files/office";
import { readOneFile } from "../../platform/files/one-file";
import { bufferSource } from "../../platform/files/zip-guard";
import { route } from "../../platform/http";
import { previewPlanImport } from "./service";

export async function importerRoutes(app: FastifyInstance): Promise<void> {
  route(app, e.preview, async ({ body, request }) => {
    if (body) return previewPlanImport({ fileName: body.fileName, content: body.text });
    const { fileName, content } = await readOneFile(request, {
      maxBytes: MAX_IMPORT_BYTES,
      accept: ".docx, .pdf, .png, .jpg, .txt hoặc .md",
    });
    // A .docx is inflated (counted, capped) before the Word reader sees it: a zip bomb stops here.
    if (/\.docx$/i.test(fileName) && content.length >= 4 && content.readUInt32LE(0) === 0x04034b50)
      await checkOfficeZip(fileName, "docx", bufferSource(content));
    return previewPlanImport({ fileName, content });
  });
}
