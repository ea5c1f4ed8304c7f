/**
 * Reports along an outline: a task's report form (numbered headings with guidance and numeric indicators with
 * rules), each unit's values, and the totals up the unit tree. Shared by the server (/api/tasks/:id/report-*,
 * /api/report-forms/*, /api/obligations/:id/report) and the web app. Request bodies are strict.
 */
import { z } from "zod";
import { IdParams, Name, Uuid } from "./common";
import { created, endpoint, json } from "./http";
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
    /** One of the annexes the plan kept from its import (its outline becomes the form). */
    z.strictObject({ from: z.literal("annex"), annexId: Uuid }),
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

/** A unit's text under one heading: the editor's document (validated against domain/reports/rich-text), 0 before the first save. */
export const ReportSection = z.object({
  headingId: z.string(),
  doc: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type ReportSection = z.infer<typeof ReportSection>;

/** A unit's report: its values (entered), the ratios computed from them, and its text per heading. */
export const UnitReport = z.object({
  obligationId: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  obligationStatus: z.enum(["open", "submitted", "returned", "accepted"]),
  form: ReportForm,
  /** 0 before the first save. */
  version: z.number().int(),
  values: z.array(IndicatorValue),
  computed: z.array(IndicatorValue),
  /** The headings written so far (a heading absent here is empty, version 0). */
  sections: z.array(ReportSection),
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

const SectionVersion = z.number().int().min(0, { error: "Thiếu số phiên bản (version) của mục (0 khi lưu lần đầu)." });
/** The document is checked against the allowed schema by the service (domain/reports/rich-text), not here. */
const SectionDoc = z.record(z.string(), z.unknown(), { error: "Nội dung của mục phải là văn bản của trình soạn thảo." });

export const SectionParams = z.strictObject({ id: Uuid, headingId: Uuid });

/** PUT /api/obligations/:id/report/sections/:headingId; a stale version is a 409 whose details carry `current`. */
export const SaveSectionRequest = z.strictObject({ version: SectionVersion, doc: SectionDoc });
export type SaveSectionRequest = z.infer<typeof SaveSectionRequest>;

/** The 409's details on a stale section save: the server's copy, so the client shows both and loses nothing. */
export const SectionConflict = z.object({ current: ReportSection });
export type SectionConflict = z.infer<typeof SectionConflict>;

/** Several sections at once, all or nothing (placing an uploaded .docx). */
export const SaveSectionsRequest = z.strictObject({
  sections: z
    .array(z.strictObject({ headingId: Uuid, version: SectionVersion, doc: SectionDoc }))
    .min(1, { error: "Chưa có mục nào để lưu." })
    .max(500, { error: "Quá nhiều mục trong một lần lưu." }),
});
export type SaveSectionsRequest = z.infer<typeof SaveSectionsRequest>;

/** A block of an uploaded .docx: the text under one of its headings, matched to a heading of the form or not. */
export const DocxBlock = z.object({
  /** The heading as written in the file ("2. Kết quả thực hiện"). */
  title: z.string(),
  /** The form's heading it matched, or null for the unit to place. */
  headingId: z.string().nullable(),
  doc: z.record(z.string(), z.unknown()),
  /** The first words of its text, to recognise it. */
  excerpt: z.string(),
});
export type DocxBlock = z.infer<typeof DocxBlock>;

/** What an uploaded .docx would put where; nothing is saved until the unit confirms (SaveSectionsRequest). */
export const DocxPreview = z.object({
  fileName: z.string(),
  blocks: z.array(DocxBlock),
  /** The form's headings no block of the file filled. */
  emptyHeadingIds: z.array(z.string()),
});
export type DocxPreview = z.infer<typeof DocxPreview>;

/** 2 MB: a section over 1 MB gets the section's own message; a 50 MB paste is stopped by the limit (413). */
export const SECTION_BODY_LIMIT = 2 * 1024 * 1024;

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
  saveSection: endpoint({
    method: "PUT",
    path: "/api/obligations/:id/report/sections/:headingId",
    tags,
    summary: "Lưu nội dung một mục của báo cáo (tự động lưu, kiểm tra phiên bản)",
    params: SectionParams,
    body: SaveSectionRequest,
    bodyLimit: SECTION_BODY_LIMIT,
    extraErrors: [413],
    reply: json(ReportSection),
  }),
  saveSections: endpoint({
    method: "PUT",
    path: "/api/obligations/:id/report/sections",
    tags,
    summary: "Lưu nhiều mục của báo cáo một lần (đặt nội dung tệp .docx vào đề cương)",
    params: IdParams,
    body: SaveSectionsRequest,
    bodyLimit: 20 * 1024 * 1024,
    extraErrors: [413],
    reply: json(UnitReport),
  }),
  previewDocx: endpoint({
    method: "POST",
    path: "/api/obligations/:id/report/docx",
    tags,
    summary: "Đọc tệp .docx của báo cáo và khớp các đề mục với đề cương (chưa lưu gì)",
    params: IdParams,
    multipart: true,
    extraErrors: [413, 415],
    reply: json(DocxPreview),
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
