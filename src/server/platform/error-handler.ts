import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorCode, errorStatus } from "./errors";

interface WireError {
  error: { code: ErrorCode; message: string; details?: unknown };
}

const send = (code: ErrorCode, message: string, details?: unknown): [number, WireError] => [
  errorStatus[code],
  { error: details === undefined ? { code, message } : { code, message, details } },
];

/** Maps every thrown error to the wire shape once, with a Vietnamese message. */
export function toWireError(error: unknown): [number, WireError] {
  if (error instanceof AppError) return send(error.code, error.message, error.details);
  const e = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(e)) {
    const issues = e.validation.map((v) => {
      const where = [e.validationContext, v.instancePath.replace(/^\//, "").replaceAll("/", ".")].filter(Boolean).join(".");
      return { path: where, message: v.message ?? "không hợp lệ" };
    });
    const first = issues[0];
    return send(
      "VALIDATION",
      `Dữ liệu gửi lên không hợp lệ${first ? ` (${first.path}: ${first.message})` : ""}. Hãy kiểm tra lại và gửi lại.`,
      issues,
    );
  }
  switch (e.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return send("MALFORMED_JSON", "Nội dung gửi lên không phải JSON hợp lệ.");
    case "FST_ERR_CTP_BODY_TOO_LARGE":
    case "FST_REQ_FILE_TOO_LARGE":
      return send("TOO_LARGE", "Dữ liệu gửi lên quá lớn so với giới hạn cho phép.");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return send("UNSUPPORTED_MEDIA_TYPE", "Kiểu nội dung gửi lên không được hỗ trợ.");
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return send("UNSUPPORTED_MEDIA_TYPE", "Yêu cầu phải gửi tệp dưới dạng multipart/form-data.");
  }
  if (e instanceof SyntaxError && e.statusCode === 400) return send("MALFORMED_JSON", "Nội dung gửi lên không phải JSON hợp lệ.");
  if (e.statusCode === 413) return send("TOO_LARGE", "Dữ liệu gửi lên quá lớn so với giới hạn cho phép.");
  if (e.statusCode === 429) return send("RATE_LIMITED", "Bạn thao tác quá nhiều lần. Hãy đợi một lát rồi thử lại.");
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return send("VALIDATION", "Yêu cầu không hợp lệ. Hãy kiểm tra lại dữ liệu.");
  return send("INTERNAL", "Máy chủ gặp lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên.");
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const [status, body] = toWireError(error);
    if (status >= 500) request.log.error({ err: error }, "unhandled error");
    void reply.status(status).send(body);
  });
}
