import type { FastifyRequest } from "fastify";
import { AppError } from "../errors";

/**
 * The one file of a multipart request that takes exactly one (the plan importer, the unit sheet): a second
 * file, or any other field, is a 400 with a Vietnamese message; so is none. The file (at most `maxBytes`,
 * past it a 413) is read into memory: these files are small and their readers need the bytes whole.
 *
 * @example
 *   const { fileName, content } = await readOneFile(request, { maxBytes: 10 << 20, accept: ".xlsx" });
 */
export async function readOneFile(request: FastifyRequest, { maxBytes, accept }: { maxBytes: number; accept: string }) {
  let found: { fileName: string; content: Buffer } | null = null;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 2 } })) {
    if (part.type !== "file")
      throw new AppError("VALIDATION", `Trường "${part.fieldname}" không được nhận. Chỉ gửi đúng một tệp ${accept}.`);
    if (found)
      throw new AppError(
        "VALIDATION",
        `Mỗi lần chỉ nhận đúng một tệp, nhưng yêu cầu gửi nhiều tệp. Hãy chọn một tệp ${accept} rồi gửi lại.`,
      );
    found = { fileName: part.filename, content: await part.toBuffer() };
  }
  if (!found) throw new AppError("INVALID_FILE", `Chưa có tệp nào được gửi lên. Hãy chọn một tệp ${accept}.`);
  return found;
}
