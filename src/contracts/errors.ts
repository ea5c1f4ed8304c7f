import { z } from "zod";

/**
 * Every error code the API answers with. The server maps each to one HTTP status (platform/errors.ts);
 * the web app switches on the code, never on the status, so "already issued" and "someone saved first"
 * read differently although both are 409.
 */
export const ErrorCode = z.enum([
  /** The request's data broke a rule; `details` lists the fields. */
  "VALIDATION",
  "MALFORMED_JSON",
  /** An upload is not what its name says, is broken, or would inflate too far. */
  "INVALID_FILE",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "CSRF",
  "NOT_FOUND",
  /** The record's state does not allow this now (already issued, plan closed, waiting for review…). */
  "INVALID_STATE",
  /** A name, number or grant that must be unique is already taken; the message names the other record. */
  "DUPLICATE",
  /** Someone else changed the record since it was read: reload, then redo the change. */
  "VERSION_CONFLICT",
  /** Nothing to do (e.g. an urging letter when no unit is late). */
  "NOTHING_TO_DO",
  /** Any other clash with data saved meanwhile. */
  "CONFLICT",
  "TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "RATE_LIMITED",
  /** A service the request needs is missing on this machine (e.g. OCR data). */
  "UNAVAILABLE",
  "INTERNAL",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The error body every failing /api request returns. */
export const ErrorBody = z.object({
  error: z.object({ code: ErrorCode, message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
