import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ErrorBody, IdParams } from "../../../contracts/common";
import {
  AcceptRequest,
  ChildPlanRequest,
  ChildPlanResponse,
  ObligationDetail,
  ObligationView,
  ReturnRequest,
  SubmitRequest,
  uploadLimits,
} from "../../../contracts/obligations";
import { requireActor } from "../../platform/auth";
import { AppError } from "../../platform/errors";
import { answerWithChildPlan } from "./child-plan";
import { type CheckedFile, checkUpload } from "./files";
import { acceptObligation, downloadFile, getObligation, returnObligation, submit } from "./service";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Reads `text` and the files of a multipart submission, checking each file as it arrives; or a JSON `{ text }`. */
async function readSubmission(request: FastifyRequest): Promise<{ text: string; files: CheckedFile[] }> {
  if (!request.isMultipart()) {
    const parsed = SubmitRequest.safeParse(request.body ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new AppError(
        "VALIDATION",
        `Dữ liệu gửi lên không hợp lệ (${first?.path.join(".") || "body"}: ${first?.message ?? "không hợp lệ"}). Hãy kiểm tra lại.`,
      );
    }
    return { text: parsed.data.text, files: [] };
  }
  let text = "";
  const files: CheckedFile[] = [];
  for await (const part of request.parts()) {
    if (part.type === "file") {
      // toBuffer() throws the plugin's 413 once a file passes the 20 MB limit; the 11th file throws 413 too.
      const content = await part.toBuffer();
      files.push(checkUpload(part.filename, content));
    } else if (part.fieldname === "text") text = String(part.value);
    else throw new AppError("VALIDATION", `Trường "${part.fieldname}" không được nhận. Chỉ gửi "text" và các tệp.`);
  }
  if (files.length > uploadLimits.maxFiles) throw new AppError("TOO_LARGE", `Mỗi lần nộp tối đa ${uploadLimits.maxFiles} tệp.`);
  const parsed = SubmitRequest.safeParse({ text });
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "Nội dung không hợp lệ.");
  return { text: parsed.data.text, files };
}

export async function obligationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["obligations"];

  r.get("/api/obligations/:id", {
    schema: {
      tags,
      summary: "Việc cần làm của một đơn vị: lịch sử và bài nộp",
      params: IdParams,
      response: { 200: ObligationDetail, ...errors },
    },
    handler: async (request) => getObligation(db(), requireActor(request), request.params.id),
  });

  r.post("/api/obligations/:id/submissions", {
    schema: {
      tags,
      summary: "Nộp bài: JSON { text } hoặc multipart (trường text và tối đa 10 tệp docx, pdf, xlsx, png, jpeg; mỗi tệp ≤ 20 MB)",
      consumes: ["application/json", "multipart/form-data"],
      params: IdParams,
      response: { 201: ObligationView, ...errors, 413: ErrorBody },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const { text, files } = await readSubmission(request);
      return reply.status(201).send(await submit(db(), { actor, obligationId: request.params.id, text, files }));
    },
  });

  r.post("/api/obligations/:id/return", {
    schema: {
      tags,
      summary: "Trả lại bài nộp (kèm lý do)",
      params: IdParams,
      body: ReturnRequest,
      response: { 200: ObligationView, ...errors },
    },
    handler: async (request) => returnObligation(db(), { actor: requireActor(request), obligationId: request.params.id, ...request.body }),
  });

  r.post("/api/obligations/:id/accept", {
    schema: { tags, summary: "Tiếp nhận bài nộp", params: IdParams, body: AcceptRequest, response: { 200: ObligationView, ...errors } },
    handler: async (request) =>
      acceptObligation(db(), { actor: requireActor(request), obligationId: request.params.id, version: request.body.version }),
  });

  r.post("/api/obligations/:id/child-plan", {
    schema: {
      tags,
      summary: "Trả lời bằng kế hoạch của đơn vị (liên kết kế hoạch cấp dưới)",
      params: IdParams,
      body: ChildPlanRequest,
      response: { 200: ChildPlanResponse, ...errors },
    },
    handler: async (request) =>
      answerWithChildPlan(db(), { actor: requireActor(request), obligationId: request.params.id, planId: request.body.planId }),
  });

  r.get("/api/files/:id", {
    schema: { tags, summary: "Tải tệp đã nộp (401/404 trả lỗi dạng ErrorBody)", params: IdParams },
    handler: async (request, reply) => {
      const file = await downloadFile(db(), requireActor(request), request.params.id);
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
      return reply
        .header("content-type", file.mimeType)
        .header("content-length", file.size)
        .header("x-content-type-options", "nosniff")
        .header("content-disposition", `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.content);
    },
  });
}
