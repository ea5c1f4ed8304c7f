/**
 * Reports along an outline: a task's report form (numbered headings with guidance and numeric indicators with
 * rules), each unit's values, and the totals up the unit tree. Shared by the server (/api/tasks/:id/report-*,
 * /api/report-forms/*, /api/obligations/:id/report) and the web app. Request bodies are strict.
 */
import { z } from "zod";
import { IdParams, Name, Uuid } from "./common";
import { created, endpoint, json } from "./http";
import { ZAnnex } from "./importer";
import { TrackedUnit } from "./tracking";

const Version = z.number().int().min(1, { error: "Thiếu số phiên bản (version) của biểu mẫu." });
const Position = z.number().int().min(0).max(10_000);
const Guidance = z.string().max(20_000, { error: "Hướng dẫn không được dài quá 20.000 ký tự." });
const Amount = z.number({ error: "Số liệu phải là một số." }).finite({ error: "Số liệu phải là một số hữu hạn." });

export const IndicatorKind = z.enum(["integer", "decimal", "percentage"], {
  error: "Kiểu chỉ tiêu phải là integer (số nguyên), decimal (số thập phân) hoặc percentage (tỷ lệ %).",
});
export type IndicatorKind = z.infer<typeof IndicatorKind>;

export const RatioRule = z.strictObject({ numeratorId: Uuid, denominatorId: Uuid });

export const ReportIndicator = z.object({
  id: z.string(),
  headingId: z.string(),
  sortOrder: z.number().int(),
  code: z.string(),
  name: z.string(),
  unitOfMeasure: z.string(),
  kind: IndicatorKind,
  min: z.number().nullable(),
  notAboveId: z.string().nullable(),
  ratio: z.object({ numeratorId: z.string(), denominatorId: z.string() }).nullable(),
  /** `= A ÷ B × 100`: never entered, computed from the parts (and from their sums up the tree). */
  computed: z.boolean(),
});
export type ReportIndicator = z.infer<typeof ReportIndicator>;

export const ReportHeading = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  /** 0 for a top heading. */
  depth: z.number().int(),
  sortOrder: z.number().int(),
  number: z.string(),
  heading: z.string(),
  guidance: z.string(),
});
export type ReportHeading = z.infer<typeof ReportHeading>;

export const ReportForm = z.object({
  id: z.string(),
  taskId: z.string(),
  planId: z.string(),
  version: z.number().int(),
  /** Depth first, in order: the outline as it reads. */
  headings: z.array(ReportHeading),
  /** In outline order, then their own order under a heading. */
  indicators: z.array(ReportIndicator),
  canEdit: z.boolean(),
});
export type ReportForm = z.infer<typeof ReportForm>;

/** Where a new form comes from: the plan's own outline (optionally one section's points), an annex, another form, or nothing. */
export const CreateReportFormRequest = z.discriminatedUnion(
  "from",
  [
    z.strictObject({
      from: z.literal("outline"),
      /** Numbers from the top down to the section whose points become the form, e.g. ["II", "A"]; absent: the whole outline. */
      section: z.array(z.string().max(20)).max(10).optional(),
    }),
    z.strictObject({ from: z.literal("annex"), annex: ZAnnex }),
    z.strictObject({ from: z.literal("form"), formId: Uuid }),
    z.strictObject({ from: z.literal("empty") }),
  ],
  { error: "Hãy chọn nguồn của đề cương: outline, annex, form hoặc empty." },
);
export type CreateReportFormRequest = z.infer<typeof CreateReportFormRequest>;

const HeadingFields = {
  number: z.string().trim().max(20, { error: "Số thứ tự đề mục không được dài quá 20 ký tự." }),
  heading: Name(1000),
  guidance: Guidance,
};

export const AddHeadingRequest = z.strictObject({
  version: Version,
  parentId: Uuid.nullable(),
  /** Place among the siblings (0 = first); absent: last. */
  position: Position.optional(),
  number: HeadingFields.number,
  heading: HeadingFields.heading,
  guidance: Guidance.optional(),
});
export type AddHeadingRequest = z.infer<typeof AddHeadingRequest>;

/** Changes the text, or moves the heading (with its sub-headings and indicators) under another parent or place. */
export const UpdateHeadingRequest = z.strictObject({
  version: Version,
  number: HeadingFields.number.optional(),
  heading: HeadingFields.heading.optional(),
  guidance: Guidance.optional(),
  parentId: Uuid.nullable().optional(),
  position: Position.optional(),
});
export type UpdateHeadingRequest = z.infer<typeof UpdateHeadingRequest>;

const IndicatorFields = {
  headingId: Uuid,
  code: z
    .string()
    .trim()
    .min(1, { error: "Mã chỉ tiêu không được để trống." })
    .max(30, { error: "Mã chỉ tiêu không được dài quá 30 ký tự." }),
  name: Name(500),
  unitOfMeasure: z.string().trim().max(50, { error: "Đơn vị tính không được dài quá 50 ký tự." }),
  kind: IndicatorKind,
  min: Amount.nullable(),
  notAboveId: Uuid.nullable(),
  ratio: RatioRule.nullable(),
  position: Position,
};

export const AddIndicatorRequest = z
  .strictObject({ version: Version, ...IndicatorFields })
  .partial({ unitOfMeasure: true, min: true, notAboveId: true, ratio: true, position: true });
export type AddIndicatorRequest = z.infer<typeof AddIndicatorRequest>;

export const UpdateIndicatorRequest = z.strictObject(IndicatorFields).partial().extend({ version: Version });
export type UpdateIndicatorRequest = z.infer<typeof UpdateIndicatorRequest>;

export const FormPartParams = z.strictObject({ id: Uuid, partId: Uuid });
export const VersionQuery = z.strictObject({ version: z.coerce.number().int().min(1, { error: "Thiếu số phiên bản (version)." }) });

export const IndicatorValue = z.object({ indicatorId: z.string(), value: z.number().nullable() });

/** A unit's report: its values (entered) and the ratios computed from them. */
export const UnitReport = z.object({
  obligationId: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  obligationStatus: z.enum(["open", "submitted", "returned", "accepted"]),
  form: ReportForm,
  /** 0 before the first save. */
  version: z.number().int(),
  values: z.array(IndicatorValue),
  computed: z.array(IndicatorValue),
  canEdit: z.boolean(),
});
export type UnitReport = z.infer<typeof UnitReport>;

/** PUT /api/obligations/:id/report/values: the values given are set (null clears one); every rule is checked on the result. */
export const SaveValuesRequest = z.strictObject({
  version: z.number().int().min(0, { error: "Thiếu số phiên bản (version) của báo cáo (0 khi lưu lần đầu)." }),
  values: z
    .array(z.strictObject({ indicatorId: Uuid, value: Amount.nullable() }))
    .max(2000, { error: "Quá nhiều số liệu trong một lần lưu." }),
});
export type SaveValuesRequest = z.infer<typeof SaveValuesRequest>;

export const TotalsQuery = z.strictObject({ unitId: Uuid.optional() });

/** One indicator's total over a subtree: a sum, or a ratio recomputed from summed parts; with its coverage. */
export const IndicatorTotal = z.object({
  indicatorId: z.string(),
  /** Null when no unit included it (or a ratio's summed denominator is 0, or an entered percentage, which does not add up). */
  value: z.number().nullable(),
  /** Units whose values the total includes (for a ratio: units that gave both parts). */
  included: z.number().int(),
  /** Obligations of the task in the subtree. */
  expected: z.number().int(),
});
export type IndicatorTotal = z.infer<typeof IndicatorTotal>;

export const ReportTotals = z.object({
  formId: z.string(),
  taskId: z.string(),
  /** The unit whose subtree is totalled; null above the tops of the trees. */
  parent: TrackedUnit.nullable(),
  breadcrumb: z.array(z.object({ id: z.string(), name: z.string() })),
  totals: z.array(IndicatorTotal),
  /** The parent's own report, when it owes one. */
  own: z.array(IndicatorTotal).nullable(),
  children: z.array(z.object({ unit: TrackedUnit, hasChildren: z.boolean(), totals: z.array(IndicatorTotal) })),
});
export type ReportTotals = z.infer<typeof ReportTotals>;

const tags = ["reports"];

export const reportEndpoints = {
  getForm: endpoint({
    method: "GET",
    path: "/api/tasks/:id/report-form",
    tags,
    summary: "Đề cương, biểu mẫu báo cáo của nhiệm vụ",
    params: IdParams,
    reply: json(ReportForm),
  }),
  createForm: endpoint({
    method: "POST",
    path: "/api/tasks/:id/report-form",
    tags,
    summary: "Lập đề cương, biểu mẫu báo cáo (từ đề cương của kế hoạch, phụ lục, biểu mẫu khác hoặc trống)",
    params: IdParams,
    body: CreateReportFormRequest,
    reply: created(ReportForm),
  }),
  addHeading: endpoint({
    method: "POST",
    path: "/api/report-forms/:id/headings",
    tags,
    summary: "Thêm đề mục",
    params: IdParams,
    body: AddHeadingRequest,
    reply: json(ReportForm),
  }),
  updateHeading: endpoint({
    method: "PATCH",
    path: "/api/report-forms/:id/headings/:partId",
    tags,
    summary: "Sửa hoặc di chuyển đề mục",
    params: FormPartParams,
    body: UpdateHeadingRequest,
    reply: json(ReportForm),
  }),
  deleteHeading: endpoint({
    method: "DELETE",
    path: "/api/report-forms/:id/headings/:partId",
    tags,
    summary: "Xoá đề mục (cùng đề mục con và chỉ tiêu của nó)",
    params: FormPartParams,
    query: VersionQuery,
    reply: json(ReportForm),
  }),
  addIndicator: endpoint({
    method: "POST",
    path: "/api/report-forms/:id/indicators",
    tags,
    summary: "Thêm chỉ tiêu số liệu",
    params: IdParams,
    body: AddIndicatorRequest,
    reply: json(ReportForm),
  }),
  updateIndicator: endpoint({
    method: "PATCH",
    path: "/api/report-forms/:id/indicators/:partId",
    tags,
    summary: "Sửa chỉ tiêu số liệu",
    params: FormPartParams,
    body: UpdateIndicatorRequest,
    reply: json(ReportForm),
  }),
  deleteIndicator: endpoint({
    method: "DELETE",
    path: "/api/report-forms/:id/indicators/:partId",
    tags,
    summary: "Xoá chỉ tiêu số liệu",
    params: FormPartParams,
    query: VersionQuery,
    reply: json(ReportForm),
  }),
  getUnitReport: endpoint({
    method: "GET",
    path: "/api/obligations/:id/report",
    tags,
    summary: "Báo cáo của đơn vị (số liệu theo biểu mẫu)",
    params: IdParams,
    reply: json(UnitReport),
  }),
  saveValues: endpoint({
    method: "PUT",
    path: "/api/obligations/:id/report/values",
    tags,
    summary: "Lưu số liệu báo cáo của đơn vị (kiểm tra mọi quy tắc)",
    params: IdParams,
    body: SaveValuesRequest,
    reply: json(UnitReport),
  }),
  totals: endpoint({
    method: "GET",
    path: "/api/tasks/:id/report-totals",
    tags,
    summary: "Tổng hợp số liệu theo cây đơn vị",
    params: IdParams,
    query: TotalsQuery,
    reply: json(ReportTotals),
  }),
};
