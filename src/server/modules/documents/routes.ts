import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody, IdParams } from "../../../contracts/common";
import { DOCX, UrgingLetterRequest } from "../../../contracts/documents";
import { requireActor } from "../../platform/auth";
import { type DocxFile, exportPlanDocx, urgingLetterDocx } from "./service";

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;

const sendDocx = (reply: FastifyReply, { file, fileName }: DocxFile) =>
  reply
    .header("content-type", DOCX)
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .header("cache-control", "no-store")
    .send(file);

export async function documentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get("/api/plans/:id/export.docx", {
    schema: {
      tags: ["documents"],
      summary: "Xuất kế hoạch ra tệp Word theo thể thức văn bản (Nghị định 30 hoặc Hướng dẫn 36 của Đảng)",
      params: IdParams,
      produces: [DOCX],
      response: { 200: z.any().describe("Tệp Word (.docx)"), ...refusals },
    },
    handler: async (request, reply) =>
      sendDocx(reply, await exportPlanDocx(db(), { actor: requireActor(request), planId: request.params.id })),
  });

  r.post("/api/plans/:id/urging-letter", {
    schema: {
      tags: ["documents"],
      summary: "Lập công văn đôn đốc (.docx) các đơn vị chậm hạn hoặc bị trả lại",
      params: IdParams,
      body: UrgingLetterRequest,
      produces: [DOCX],
      response: { 200: z.any().describe("Tệp Word (.docx)"), ...refusals, 409: ErrorBody },
    },
    handler: async (request, reply) =>
      sendDocx(reply, await urgingLetterDocx(db(), { actor: requireActor(request), planId: request.params.id, request: request.body })),
  });
}
