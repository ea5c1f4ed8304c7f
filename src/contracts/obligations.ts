/**
 * Obligations (one unit's duty under one task), their history and submissions: the wire contract of
 * /api/obligations and /api/files. Request bodies are strict: unknown fields are refused with 400.
 */
import { z } from "zod";
import { IdParams, Name, Uuid } from "./common";
import { created, endpoint, file, json } from "./http";
import { Deliverable } from "./plans";

const Version = z.number().int().min(1, { error: "Thiếu số phiên bản (version) của dữ liệu." });

export const ObligationStatus = z.enum(["open", "submitted", "returned", "accepted"]);
export type ObligationStatus = z.infer<typeof ObligationStatus>;
export const ObligationAction = z.enum(["created", "submitted", "returned", "resubmitted", "accepted", "reopened"]);

/** Upload limits, shown to the user before they pick files. */
export const uploadLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxFiles: 10,
  extensions: ["docx", "pdf", "xlsx", "png", "jpg", "jpeg"],
} as const;

/** POST /api/obligations/:id/submissions as JSON (multipart sends the same `text` as a field plus files). */
export const SubmitRequest = z.strictObject({
  text: z.string().trim().max(50_000, { error: "Nội dung không được dài quá 50.000 ký tự." }),
});
export const ReturnRequest = z.strictObject({ reason: Name(5000), version: Version });
export const AcceptRequest = z.strictObject({ version: Version });
export const ChildPlanRequest = z.strictObject({ planId: Uuid });

export const FileView = z.object({ id: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number().int() });
export const SubmissionView = z.object({
  id: z.string(),
  text: z.string(),
  submittedBy: z.string(),
  submittedByName: z.string(),
  submittedAt: z.string(),
  late: z.boolean(),
  files: z.array(FileView),
});
export const EventView = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: ObligationAction,
  note: z.string().nullable(),
});

export const ObligationView = z.object({
  id: z.string(),
  taskId: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  what: z.string(),
  deliverable: Deliverable,
  status: ObligationStatus,
  dueDate: z.string(),
  dueTime: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  /** Vietnamese: `còn 2 ngày 3 giờ` / `quá hạn 5 giờ`. */
  timeLeft: z.string(),
  submittedAt: z.string().nullable(),
  lateSubmission: z.boolean(),
  acceptedAt: z.string().nullable(),
  returnedReason: z.string().nullable(),
  childPlanId: z.string().nullable(),
  version: z.number().int(),
});
export type ObligationView = z.infer<typeof ObligationView>;

export const ObligationDetail = ObligationView.extend({
  events: z.array(EventView),
  submissions: z.array(SubmissionView),
  canSubmit: z.boolean(),
  canReview: z.boolean(),
  /** A manager of the obligated unit: may press "Lập kế hoạch thực hiện". */
  canPlan: z.boolean(),
  /** The task carries a report form: the unit writes its report on the "Báo cáo" page. */
  hasReportForm: z.boolean(),
});
export type ObligationDetail = z.infer<typeof ObligationDetail>;

/** The draft created by "Lập kế hoạch thực hiện" and the obligation now linked to it. */
export const ImplementationPlanResponse = z.object({ planId: z.string(), obligation: ObligationView });

export const ChildPlanResponse = z.object({
  obligation: ObligationView,
  /** Tasks of the child plan whose deadline is later than this obligation's. */
  laterThanParent: z.array(z.object({ taskId: z.string(), what: z.string(), dueDate: z.string(), dueTime: z.string().nullable() })),
  warnings: z.array(z.string()),
});

const tags = ["obligations"];

/** /api/obligations (one unit's duty) and /api/files (what was submitted). */
export const obligationEndpoints = {
  get: endpoint({
    method: "GET",
    path: "/api/obligations/:id",
    tags,
    summary: "Việc cần làm của một đơn vị: lịch sử và bài nộp",
    params: IdParams,
    reply: json(ObligationDetail),
  }),
  submit: endpoint({
    method: "POST",
    path: "/api/obligations/:id/submissions",
    tags,
    summary: "Nộp bài: JSON { text } hoặc multipart (trường text và tối đa 10 tệp docx, pdf, xlsx, png, jpeg; mỗi tệp ≤ 20 MB)",
    params: IdParams,
    body: SubmitRequest,
    multipart: true,
    extraErrors: [413, 415],
    reply: json(ObligationView, 201),
  }),
  return: endpoint({
    method: "POST",
    path: "/api/obligations/:id/return",
    tags,
    summary: "Trả lại bài nộp (kèm lý do)",
    params: IdParams,
    body: ReturnRequest,
    reply: json(ObligationView),
  }),
  accept: endpoint({
    method: "POST",
    path: "/api/obligations/:id/accept",
    tags,
    summary: "Tiếp nhận bài nộp",
    params: IdParams,
    body: AcceptRequest,
    reply: json(ObligationView),
  }),
  childPlan: endpoint({
    method: "POST",
    path: "/api/obligations/:id/child-plan",
    tags,
    summary: "Trả lời bằng kế hoạch của đơn vị (liên kết kế hoạch cấp dưới)",
    params: IdParams,
    body: ChildPlanRequest,
    reply: json(ChildPlanResponse),
  }),
  implementationPlan: endpoint({
    method: "POST",
    path: "/api/obligations/:id/implementation-plan",
    tags,
    summary: "Lập kế hoạch thực hiện: dự thảo của đơn vị được giao, căn cứ kế hoạch cấp trên, liên kết hai chiều",
    params: IdParams,
    reply: created(ImplementationPlanResponse),
  }),
  file: endpoint({
    method: "GET",
    path: "/api/files/:id",
    tags,
    summary: "Tải tệp đã nộp",
    params: IdParams,
    reply: file("application/octet-stream", "Tệp đã nộp, với kiểu của chính nó"),
  }),
};
