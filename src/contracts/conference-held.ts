/**
 * A conference held by every unit of a level ("Ban CHQS cấp xã tổ chức: ½ ngày, xong trước ngày 12/01/2026"):
 * each unit's obligation "conference held" carries, besides the minutes and photos (the submission's files), when
 * it was held, how many attended and where. The organiser's page lists every unit with totals.
 */
import { z } from "zod";
import { IdParams } from "./common";
import { endpoint, json } from "./http";
import { ObligationStatus } from "./obligations";

/** PUT /api/obligations/:id/conference-held: what the unit reports, saved before its submission. */
export const HeldReportRequest = z.strictObject({
  heldDate: z.iso.date({ error: "Ngày tổ chức phải có dạng YYYY-MM-DD." }),
  heldTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Giờ tổ chức phải có dạng HH:MM (00:00–23:59)." }),
  attendance: z
    .number({ error: "Số người dự phải là một số (ví dụ 45)." })
    .int({ error: "Số người dự phải là số nguyên." })
    .min(0, { error: "Số người dự không được âm." })
    .max(100_000, { error: "Số người dự không quá 100.000." }),
  venue: z.string().trim().min(1, { error: "Hãy ghi địa điểm tổ chức." }).max(500, { error: "Địa điểm không được dài quá 500 ký tự." }),
});
export type HeldReportRequest = z.infer<typeof HeldReportRequest>;

export const HeldReport = z.object({
  heldAt: z.string(),
  heldDate: z.string(),
  heldTime: z.string(),
  attendance: z.number().int(),
  venue: z.string(),
});
export type HeldReport = z.infer<typeof HeldReport>;

/** The per-unit conference an obligation belongs to (null: not a "conference held" obligation), and its report. */
export const ObligationHeld = z.object({
  conference: z.object({ id: z.string(), title: z.string(), level: z.string().nullable() }).nullable(),
  report: HeldReport.nullable(),
});
export type ObligationHeld = z.infer<typeof ObligationHeld>;

export const HeldUnitRow = z.object({
  obligationId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: ObligationStatus,
  /** Done by the one count rule (submitted or accepted). */
  held: z.boolean(),
  late: z.boolean(),
  overdue: z.boolean(),
  dueAt: z.string(),
  report: HeldReport.nullable(),
  fileCount: z.number().int(),
});
export type HeldUnitRow = z.infer<typeof HeldUnitRow>;

export const HeldList = z.object({
  units: z.array(HeldUnitRow),
  /** held = done of expected by obligations/counts.ts; attendance summed over the held units' reports. */
  totals: z.object({ held: z.number().int(), expected: z.number().int(), attendance: z.number().int() }),
});
export type HeldList = z.infer<typeof HeldList>;

const tags = ["conferences"];

export const heldEndpoints = {
  obligationHeld: endpoint({
    method: "GET",
    path: "/api/obligations/:id/conference-held",
    tags,
    summary: "Hội nghị do đơn vị tự tổ chức mà việc này thuộc về, và thời gian, số người dự, địa điểm đã báo",
    params: IdParams,
    reply: json(ObligationHeld),
  }),
  reportHeld: endpoint({
    method: "PUT",
    path: "/api/obligations/:id/conference-held",
    tags,
    summary: "Đơn vị báo đã tổ chức hội nghị: ngày giờ, số người dự, địa điểm (biên bản, ảnh nộp kèm bài nộp)",
    params: IdParams,
    body: HeldReportRequest,
    reply: json(ObligationHeld),
  }),
  heldList: endpoint({
    method: "GET",
    path: "/api/conferences/:id/held",
    tags,
    summary: "Hội nghị các đơn vị tự tổ chức: từng đơn vị đã tổ chức chưa, khi nào, số người dự, tổng cộng",
    params: IdParams,
    reply: json(HeldList),
  }),
};
