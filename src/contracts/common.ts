import { z } from "zod";
import { endpoint, json } from "./http";

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

export const systemEndpoints = {
  health: endpoint({
    method: "GET",
    path: "/api/health",
    tags: ["system"],
    summary: "Tình trạng máy chủ",
    public: true,
    reply: json(Health),
  }),
};
