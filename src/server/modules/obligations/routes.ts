import type { FastifyInstance, FastifyRequest } from "fastify";
import { obligationEndpoints as e, SubmitRequest, uploadLimits } from "../../../contracts/obligations";
import { AppError } from "../../platform/errors";
import { route } from "../../platform/http";
import { answerWithChildPlan } from "./child-plan";
import { type CheckedFile, checkUpload } from "./files";
import { acceptObligation, downloadFile, getObligation, returnObligation, submit } from "./service";

/** Reads `text` and the files of a multipart submission, checking each file as it arrives. */
async function readSubmission(request: FastifyRequest): Promise<{ text: string; files: CheckedFile[] }> {
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
  const db = () => app.database.db;

  route(app, e.get, ({ actor, params }) => getObligation(db(), actor, params.id));

  route(app, e.submit, async ({ actor, params, body, request }) => {
    const { text, files } = body ? { text: body.text, files: [] } : await readSubmission(request);
    return submit(db(), { actor, obligationId: params.id, text, files });
  });

  route(app, e.return, ({ actor, params, body }) => returnObligation(db(), { actor, obligationId: params.id, ...body }));

  route(app, e.accept, ({ actor, params, body }) => acceptObligation(db(), { actor, obligationId: params.id, version: body.version }));

  route(app, e.childPlan, ({ actor, params, body }) => answerWithChildPlan(db(), { actor, obligationId: params.id, planId: body.planId }));

  route(app, e.file, async ({ actor, params }) => {
    const f = await downloadFile(db(), actor, params.id);
    return { fileName: f.fileName, content: f.content, contentType: f.mimeType, size: f.size };
  });
}
