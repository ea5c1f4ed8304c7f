import type { FastifyInstance, FastifyRequest } from "fastify";
import { obligationEndpoints as e, SubmitRequest, uploadLimits } from "../../../contracts/obligations";
import { AppError } from "../../platform/errors";
import { discard, FileTooLargeError, type ReceivedFile, receiveToTemp } from "../../platform/files/receive";
import { type FileStore, fileStoreOf, openStoredFile } from "../../platform/files/store";
import { route } from "../../platform/http";
import { answerWithChildPlan, createImplementationPlan } from "./child-plan";
import { allowedExtension, type CheckedFile, checkUpload } from "./files";
import { acceptObligation, downloadFile, getObligation, returnObligation, submit } from "./service";

const tooLarge = (name: string) => new AppError("TOO_LARGE", `Tệp "${name}" lớn hơn 20 MB. Hãy nén hoặc tách nhỏ tệp.`);

/**
 * Reads `text` and the files of a multipart submission. Each file streams to a temporary file (hashed and
 * measured on the way, refused past 20 MB), then is checked by its bytes; nothing is held whole in memory.
 * `received` collects every temporary file so the caller can remove them whatever happens.
 */
async function readSubmission(request: FastifyRequest, store: FileStore, received: ReceivedFile[]) {
  let text = "";
  const files: CheckedFile[] = [];
  for await (const part of request.parts({ limits: { fileSize: uploadLimits.maxFileBytes + 1, files: uploadLimits.maxFiles + 1 } })) {
    if (part.type === "file") {
      if (files.length >= uploadLimits.maxFiles) throw new AppError("TOO_LARGE", `Mỗi lần nộp tối đa ${uploadLimits.maxFiles} tệp.`);
      allowedExtension(part.filename);
      const file = await receiveToTemp(part.file, part.filename, { dir: store.tempDir, maxBytes: uploadLimits.maxFileBytes }).catch(
        (error: unknown) => {
          const code = (error as { code?: string }).code;
          if (error instanceof FileTooLargeError || code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge(part.filename);
          throw error;
        },
      );
      received.push(file);
      files.push(await checkUpload(file));
    } else if (part.fieldname === "text") text = String(part.value);
    else throw new AppError("VALIDATION", `Trường "${part.fieldname}" không được nhận. Chỉ gửi "text" và các tệp.`);
  }
  const parsed = SubmitRequest.safeParse({ text });
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "Nội dung không hợp lệ.");
  return { text: parsed.data.text, files };
}

export async function obligationRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  route(app, e.get, ({ actor, params }) => getObligation(db(), actor, params.id));

  route(app, e.submit, async ({ actor, params, body, request }) => {
    if (body) return submit(db(), { actor, obligationId: params.id, text: body.text, files: [] });
    const store = await fileStoreOf(app.database);
    const received: ReceivedFile[] = [];
    try {
      const { text, files } = await readSubmission(request, store, received);
      return await submit(db(), { actor, obligationId: params.id, text, files, store });
    } finally {
      await discard(received);
    }
  });

  route(app, e.return, ({ actor, params, body }) => returnObligation(db(), { actor, obligationId: params.id, ...body }));

  route(app, e.accept, ({ actor, params, body }) => acceptObligation(db(), { actor, obligationId: params.id, version: body.version }));

  route(app, e.childPlan, ({ actor, params, body }) => answerWithChildPlan(db(), { actor, obligationId: params.id, planId: body.planId }));
  route(app, e.implementationPlan, ({ actor, params }) => createImplementationPlan(db(), { actor, obligationId: params.id }));

  route(app, e.file, async ({ actor, params }) => {
    const f = await downloadFile(db(), actor, params.id);
    const content = openStoredFile(db(), await fileStoreOf(app.database), f);
    return { fileName: f.fileName, content, contentType: f.mimeType, size: f.size };
  });
}
