import type { ErrorCode } from "../../contracts/errors";

/**
 * Typed application errors. Services throw these; the one error handler in app.ts maps them to HTTP
 * and to the wire shape `{ "error": { "code", "message" } }`. The web app switches on `code`.
 */
export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION: 400,
  MALFORMED_JSON: 400,
  INVALID_FILE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  DUPLICATE: 409,
  VERSION_CONFLICT: 409,
  NOTHING_TO_DO: 409,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

export type { ErrorCode };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export const forbidden = (message = "Bạn không có quyền thực hiện thao tác này.") => new AppError("FORBIDDEN", message);
export const notFound = (message = "Không tìm thấy dữ liệu yêu cầu.") => new AppError("NOT_FOUND", message);
export const conflict = (message: string, details?: unknown) => new AppError("CONFLICT", message, details);
/** The record's state forbids this now: "already issued", "plan closed", "waiting for review". */
export const invalidState = (message: string, details?: unknown) => new AppError("INVALID_STATE", message, details);
/** A value that must be unique is taken; the message names the other record. */
export const duplicate = (message: string, details?: unknown) => new AppError("DUPLICATE", message, details);
export const nothingToDo = (message: string) => new AppError("NOTHING_TO_DO", message);
export const versionConflict = (what = "Dữ liệu") =>
  new AppError(
    "VERSION_CONFLICT",
    `${what} vừa được người khác thay đổi. Hãy tải lại để xem bản mới nhất rồi sửa lại; thay đổi của bạn chưa được lưu.`,
  );
export const unauthenticated = () => new AppError("UNAUTHENTICATED", "Bạn cần đăng nhập để tiếp tục.");
