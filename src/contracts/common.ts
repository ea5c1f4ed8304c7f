import { z } from "zod";

/** The error body every failing /api request returns. */
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Uuid = z.uuid({ error: "Mã định danh không hợp lệ." });
export const IdParams = z.strictObject({ id: Uuid });

/** Trimmed non-empty text with a maximum length. */
export const Name = (max = 300) =>
  z
    .string()
    .trim()
    .min(1, { error: "Không được để trống." })
    .max(max, { error: `Không được dài quá ${max} ký tự.` });

export const Health = z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) });
