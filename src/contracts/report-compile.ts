/**
 * The level above compiles, approves and exports: the compiled view of a report task at a compiling unit (every
 * unit's text per heading side by side, the totals), the compiled report's draft per heading, review of each
 * unit's report (accept, return with comments anchored to headings, excuse) and marking the level final.
 * Shared by the server (/api/tasks/:id/report-compiled*, /api/obligations/:id/report/*) and the web app.
 */
import { z } from "zod";
import { IdParams, Uuid } from "./common";
import { endpoint, file, json, MIME } from "./http";
import { ReportForm, ReportTotals } from "./reports";

const Doc = z
  .looseObject({ type: z.literal("doc", { error: "Nội dung phải là một tài liệu của trình soạn thảo." }), content: z.array(z.unknown()) })
  .refine((d) => JSON.stringify(d).length <= 2_000_000, { error: "Nội dung quá dài (tối đa khoảng 2 MB). Hãy tách bớt." });
const Comment = z
  .string()
  .trim()
  .min(1, { error: "Ý kiến không được để trống." })
  .max(5000, { error: "Ý kiến không được dài quá 5.000 ký tự." });

export const LevelQuery = z.strictObject({ unitId: Uuid.optional() });

export const CompiledViewQuery = z.strictObject({
  /** The compiling unit (a level); absent: the plan's issuing unit. */
  unitId: Uuid.optional(),
  /** Only the units under this one (a filter below the level). */
  below: Uuid.optional(),
  /** Words typed with or without diacritics, matched against each section's text. */
  q: z.string().max(200).optional(),
  /** Only this heading's texts. */
  headingId: Uuid.optional(),
});

export const ObligationStatus = z.enum(["open", "submitted", "returned", "accepted"]);

export const CompiledUnit = z.object({
  obligationId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: ObligationStatus,
  /** The obligation's version, for accept and return. */
  version: z.number().int(),
  excuse: z.string().nullable(),
  returnedReason: z.string().nullable(),
  /** Whether the actor may accept or return it (managers of the plan's issuer, a submitted report). */
  canReview: z.boolean(),
  /** Whether the actor may excuse it (the same reviewers, a report not yet accepted). */
  canExcuse: z.boolean(),
});
export type CompiledUnit = z.infer<typeof CompiledUnit>;

export const UnitSection = z.object({
  obligationId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  doc: z.unknown(),
  text: z.string(),
});

export const CompiledHeading = z.object({
  headingId: z.string(),
  /** The compiled draft under this heading, or null before the first passage. */
  compiled: z.object({ doc: z.unknown(), text: z.string(), version: z.number().int() }).nullable(),
  sections: z.array(UnitSection),
  /** Expected units (after the filter) with no text under this heading. */
  missing: z.array(z.object({ unitId: z.string(), unitName: z.string() })),
});
export type CompiledHeading = z.infer<typeof CompiledHeading>;

export const ReportComment = z.object({
  id: z.string(),
  headingId: z.string().nullable(),
  author: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});

/**
 * The level's compiled report as the level above received it (its final report answering the level above's
 * obligation): sent ("submitted"), sent back ("returned": the report reopens, the reason and the comments shown,
 * anchored to this form's headings when a comment names one that matches by number and heading), or accepted (locked).
 */
export const CompiledUpward = z.object({
  obligationId: z.string(),
  status: ObligationStatus,
  returnedReason: z.string().nullable(),
  /** The level above's comments since the report was last sent; headingId: this form's heading, or null. */
  comments: z.array(ReportComment),
});
export type CompiledUpward = z.infer<typeof CompiledUpward>;

export const CompiledView = z.object({
  /** Null while the task has no report form yet (nothing to compile). */
  form: ReportForm.nullable(),
  level: z.object({ id: z.string(), name: z.string() }),
  report: z.object({
    id: z.string().nullable(),
    /** draft; final (sent upward, or the top level's); returned by the level above (editable again); accepted (locked). */
    status: z.enum(["draft", "final", "returned", "accepted"]),
    version: z.number().int(),
    documentNumber: z.string().nullable(),
    canEdit: z.boolean(),
  }),
  /** Null until the level's final report has answered an obligation of the level above. */
  upward: CompiledUpward.nullable(),
  units: z.array(CompiledUnit),
  headings: z.array(CompiledHeading),
  totals: ReportTotals.nullable(),
});
export type CompiledView = z.infer<typeof CompiledView>;

/** A unit's section (or the selected text of it) appended to the compiled draft of a heading, after the unit's name. */
export const PickRequest = z.strictObject({
  unitId: Uuid.optional(),
  headingId: Uuid,
  obligationId: Uuid,
  /** The selected text; absent: the whole section. Must occur in the unit's section. */
  selection: z.string().trim().min(1).max(200_000).optional(),
  /** The compiled section's version (0 before the first passage). */
  version: z.number().int().min(0),
});
export type PickRequest = z.infer<typeof PickRequest>;

export const SaveCompiledSectionRequest = z.strictObject({ unitId: Uuid.optional(), version: z.number().int().min(0), doc: Doc });
export type SaveCompiledSectionRequest = z.infer<typeof SaveCompiledSectionRequest>;

export const FinalRequest = z.strictObject({ unitId: Uuid.optional(), version: z.number().int().min(0) });
export type FinalRequest = z.infer<typeof FinalRequest>;

export const CompiledSectionReply = z.object({ headingId: z.string(), doc: z.unknown(), text: z.string(), version: z.number().int() });

export const FinalReply = z.object({
  documentNumber: z.string(),
  /** The obligation of the level above that this final report answered, when the level owed one. */
  submittedObligationId: z.string().nullable(),
});

export const ReviewRequest = z.strictObject({ version: z.number().int().min(1) });
export const ReturnReportRequest = z.strictObject({
  version: z.number().int().min(1),
  comments: z
    .array(z.strictObject({ headingId: Uuid.nullable(), body: Comment }))
    .min(1, { error: "Hãy ghi ít nhất một ý kiến (lý do trả lại) ở mục cần sửa." })
    .max(100),
});
export type ReturnReportRequest = z.infer<typeof ReturnReportRequest>;
export const ExcuseRequest = z.strictObject({ note: Comment });

export const ReportComments = z.object({ comments: z.array(ReportComment) });
export type ReportComments = z.infer<typeof ReportComments>;
export const ReviewReply = z.object({ obligationId: z.string(), status: ObligationStatus, excuse: z.string().nullable() });

const tags = ["reports"];
const HeadingParams = z.strictObject({ id: Uuid, headingId: Uuid });

export const compileEndpoints = {
  view: endpoint({
    method: "GET",
    path: "/api/tasks/:id/report-compiled",
    tags,
    summary: "Tổng hợp báo cáo của cấp dưới: nội dung từng đơn vị theo đề mục, số liệu",
    params: IdParams,
    query: CompiledViewQuery,
    reply: json(CompiledView),
  }),
  pick: endpoint({
    method: "POST",
    path: "/api/tasks/:id/report-compiled/pick",
    tags,
    summary: "Chọn đoạn báo cáo của đơn vị vào dự thảo báo cáo tổng hợp",
    params: IdParams,
    body: PickRequest,
    reply: json(CompiledSectionReply),
  }),
  saveSection: endpoint({
    method: "PUT",
    path: "/api/tasks/:id/report-compiled/sections/:headingId",
    tags,
    summary: "Sửa một mục của báo cáo tổng hợp",
    params: HeadingParams,
    body: SaveCompiledSectionRequest,
    reply: json(CompiledSectionReply),
  }),
  final: endpoint({
    method: "POST",
    path: "/api/tasks/:id/report-compiled/final",
    tags,
    summary: "Chốt báo cáo tổng hợp (lấy số, gửi lên cấp trên nếu có)",
    params: IdParams,
    body: FinalRequest,
    reply: json(FinalReply),
  }),
  docx: endpoint({
    method: "GET",
    path: "/api/tasks/:id/report-compiled/export.docx",
    tags,
    summary: "Báo cáo tổng hợp (.docx)",
    params: IdParams,
    query: LevelQuery,
    reply: file(MIME.docx, "Tệp Word (.docx)"),
  }),
  xlsx: endpoint({
    method: "GET",
    path: "/api/tasks/:id/report-compiled/export.xlsx",
    tags,
    summary: "Số liệu tổng hợp (.xlsx)",
    params: IdParams,
    query: LevelQuery,
    reply: file(MIME.xlsx, "Tệp Excel (.xlsx)"),
  }),
  accept: endpoint({
    method: "POST",
    path: "/api/obligations/:id/report/accept",
    tags,
    summary: "Tiếp nhận báo cáo của đơn vị (khoá báo cáo)",
    params: IdParams,
    body: ReviewRequest,
    reply: json(ReviewReply),
  }),
  return: endpoint({
    method: "POST",
    path: "/api/obligations/:id/report/return",
    tags,
    summary: "Trả lại báo cáo với ý kiến theo từng đề mục",
    params: IdParams,
    body: ReturnReportRequest,
    reply: json(ReviewReply),
  }),
  excuse: endpoint({
    method: "PUT",
    path: "/api/obligations/:id/report/excuse",
    tags,
    summary: "Miễn báo cáo cho đơn vị (ghi rõ lý do)",
    params: IdParams,
    body: ExcuseRequest,
    reply: json(ReviewReply),
  }),
  comments: endpoint({
    method: "GET",
    path: "/api/obligations/:id/report/comments",
    tags,
    summary: "Ý kiến của cấp trên về báo cáo, theo đề mục",
    params: IdParams,
    reply: json(ReportComments),
  }),
};
