/**
 * Plans and their tasks: the wire contract shared by the server (/api/plans, /api/tasks) and the web app.
 * Request bodies are strict: unknown fields are refused with 400.
 */
import { z } from "zod";
import { IdParams, Name, Uuid } from "./common";
import { ObligationCounts } from "./counts";
import { created, empty, endpoint, json } from "./http";
import { ZImportResult } from "./importer";
import { UnitSelector } from "./organisations";

const IsoDate = z.iso.date({ error: "Ngày phải có dạng YYYY-MM-DD." });
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Giờ phải có dạng HH:MM (00:00–23:59)." });
const Version = z.number().int().min(1, { error: "Thiếu số phiên bản (version) của dữ liệu." });
const LongText = (max: number) => z.string().max(max, { error: `Không được dài quá ${max} ký tự.` });

export const PlanStatus = z.enum(["draft", "issued", "closed"]);
export type PlanStatus = z.infer<typeof PlanStatus>;
export const PlanLayout = z.enum(["state", "party"]);
export type PlanLayout = z.infer<typeof PlanLayout>;
export const Deliverable = z.enum(["report", "document", "conference", "delegates", "confirmation"], {
  error: "Sản phẩm phải là report, document, conference, delegates hoặc confirmation.",
});
export type Deliverable = z.infer<typeof Deliverable>;

/** What a deliverable is called in documents (the urging letter's rows). */
export const deliverableLabels: Record<Deliverable, string> = {
  report: "Báo cáo",
  document: "Văn bản",
  conference: "Tổ chức hội nghị",
  delegates: "Danh sách đại biểu",
  confirmation: "Xác nhận",
};

export const LegalBasis = z.strictObject({
  text: LongText(2000),
  documentNumber: z.string().max(200).nullable(),
  documentDate: IsoDate.nullable(),
  issuer: z.string().max(500).nullable(),
  planId: Uuid.nullable(),
});
export const Signer = z.strictObject({
  /** TM./KT./TL./Q./TUQ. or the Party's T/M, K/T, T/L. */
  authority: z.string().max(200).nullable(),
  title: z.string().max(200).nullable(),
  rank: z.string().max(100).nullable(),
  name: z.string().max(200).nullable(),
});
export type LegalBasis = z.infer<typeof LegalBasis>;
export type Signer = z.infer<typeof Signer>;
export const ReminderSchedule = z.strictObject({
  beforeDays: z.array(z.number().int().min(0).max(60)).max(10),
  overdueDaily: z.boolean(),
});
export type ReminderSchedule = z.infer<typeof ReminderSchedule>;

/**
 * A section of a stored plan's outline (a numbered heading with its text and sub-sections). Its `id` stays while
 * the plan is edited, so a report form, a comment or a compiled passage can point at it.
 */
export interface PlanOutlineSection {
  id: string;
  number: string;
  heading: string;
  text: string;
  children: PlanOutlineSection[];
}
export const PlanOutlineSection: z.ZodType<PlanOutlineSection> = z.lazy(() =>
  z.object({ id: z.string(), number: z.string(), heading: z.string(), text: z.string(), children: z.array(PlanOutlineSection) }),
);

/**
 * An annex the plan was imported with (a report outline "Đề cương báo cáo", a form…): its title, its "(Kèm theo …)"
 * reference and its outline, each section with a stable id. A report form can be made from it.
 */
export const PlanAnnex = z.object({
  id: z.string(),
  title: z.string(),
  reference: z.string().nullable(),
  sections: z.array(PlanOutlineSection),
});
export type PlanAnnex = z.infer<typeof PlanAnnex>;

/**
 * A section as a plan is created or edited: without `id` it is new; with one it keeps that id (it must be one of
 * this plan's sections). On an edit, the stored sections the outline no longer holds are deleted.
 */
export interface PlanSectionInput {
  id?: string;
  number: string;
  heading: string;
  text: string;
  children: PlanSectionInput[];
}
export const PlanSectionInput: z.ZodType<PlanSectionInput> = z.lazy(() =>
  z.object({
    id: Uuid.optional(),
    number: z.string().max(200, { error: "Số mục không được dài quá 200 ký tự." }),
    heading: z.string().max(5000, { error: "Tên mục không được dài quá 5000 ký tự." }),
    text: LongText(200_000),
    children: z.array(PlanSectionInput).max(500),
  }),
);

/** The editable text of a plan; every field optional so the same shape serves create, patch and amend. */
const PlanFields = {
  number: z.string().trim().max(100).nullable(),
  typeCode: z.string().trim().min(1).max(20),
  place: z.string().trim().max(200),
  issuedOn: IsoDate.nullable(),
  title: Name(1000),
  legalBases: z.array(LegalBasis).max(100),
  purpose: LongText(50_000),
  requirements: LongText(50_000),
  sections: z.array(PlanSectionInput).max(500),
  budget: LongText(20_000),
  recipients: z.array(z.string().max(500)).max(200),
  signer: Signer.nullable(),
  reminderSchedule: ReminderSchedule,
};

export const CreatePlanRequest = z
  .strictObject({
    issuerUnitId: Uuid,
    parentPlanId: Uuid.nullable().optional(),
    ...PlanFields,
    title: PlanFields.title,
  })
  .partial({
    number: true,
    typeCode: true,
    place: true,
    issuedOn: true,
    legalBases: true,
    purpose: true,
    requirements: true,
    sections: true,
    budget: true,
    recipients: true,
    signer: true,
    reminderSchedule: true,
  });
export type CreatePlanRequest = z.infer<typeof CreatePlanRequest>;

export const PlanChanges = z.strictObject(PlanFields).partial().extend({ parentPlanId: Uuid.nullable().optional() });
export type PlanChanges = z.infer<typeof PlanChanges>;

/** PATCH /api/plans/:id (drafts only). */
export const UpdatePlanRequest = PlanChanges.extend({ version: Version });
export type UpdatePlanRequest = z.infer<typeof UpdatePlanRequest>;

/** POST /api/plans/:id/amend (issued plans): the change and why. */
export const AmendPlanRequest = z.strictObject({
  note: Name(2000),
  changes: PlanChanges,
  version: Version,
});
export type AmendPlanRequest = z.infer<typeof AmendPlanRequest>;

/** POST /api/plans/:id/issue and /close. */
export const PlanTransitionRequest = z.strictObject({ version: Version });

export const PlanListQuery = z.object({ status: PlanStatus.optional() });

/** POST /api/plans/from-import: the reviewed importer result becomes a draft. */
export const FromImportRequest = z.strictObject({
  result: ZImportResult,
  issuerUnitId: Uuid,
  parentPlanId: Uuid.nullable().optional(),
});
export type FromImportRequest = z.infer<typeof FromImportRequest>;

/** A task's target: listed units, a group or a rule (the organisations selector). */
export const TaskTarget = UnitSelector;
export type TaskTarget = z.infer<typeof TaskTarget>;

export const CreateTaskRequest = z.strictObject({
  what: Name(5000),
  deliverable: Deliverable,
  target: TaskTarget,
  supportUnitIds: z.array(Uuid).max(500).optional(),
  dueDate: IsoDate,
  dueTime: ClockTime.nullable().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type CreateTaskRequest = z.infer<typeof CreateTaskRequest>;

/** PATCH /api/tasks/:id; sending `dueDate` (changed or not) confirms a proposed deadline. */
export const UpdateTaskRequest = CreateTaskRequest.partial().extend({ version: Version });
export type UpdateTaskRequest = z.infer<typeof UpdateTaskRequest>;

export const DeleteTaskQuery = z.object({ version: z.coerce.number().int().min(1) });

export const TaskView = z.object({
  id: z.string(),
  planId: z.string(),
  what: z.string(),
  deliverable: Deliverable,
  target: z.object({
    unitIds: z.array(z.string()).optional(),
    groupId: z.string().optional(),
    rule: z.record(z.string(), z.unknown()).optional(),
  }),
  /** Names from the import that matched no unit: the task needs a target before the plan is issued. */
  unmatchedNames: z.array(z.string()),
  supportUnitIds: z.array(z.string()),
  /** Null when the imported text gave none and none could be proposed: the plan cannot be issued until it is set. */
  dueDate: z.string().nullable(),
  dueTime: z.string().nullable(),
  dueAt: z.string().nullable(),
  /** The deadline was proposed (the start of the conference the task serves), not read from the text: check it. */
  dueToCheck: z.boolean(),
  sortOrder: z.number().int(),
  version: z.number().int(),
  obligationCount: z.number().int(),
  /** The deadline is later than the parent plan's deadline it answers (deadlines must nest). */
  laterThanParent: z.boolean(),
});
export type TaskView = z.infer<typeof TaskView>;

export const PlanRef = z.object({
  id: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  status: PlanStatus,
  issuerUnitId: z.string(),
  issuerName: z.string(),
});
export type PlanRef = z.infer<typeof PlanRef>;

export const PlanSummary = PlanRef.extend({
  typeCode: z.string(),
  layout: PlanLayout,
  issuedOn: z.string().nullable(),
  parentPlanId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  issuedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  counts: ObligationCounts,
});
export type PlanSummary = z.infer<typeof PlanSummary>;
export const PlanList = z.object({ plans: z.array(PlanSummary) });

export const PlanDetail = PlanSummary.extend({
  place: z.string(),
  legalBases: z.array(LegalBasis),
  purpose: z.string(),
  requirements: z.string(),
  sections: z.array(PlanOutlineSection),
  /** The annexes kept from the plan's import, in the document's order ([] for a plan made by hand). */
  annexes: z.array(PlanAnnex),
  budget: z.string(),
  recipients: z.array(z.string()),
  signer: Signer.nullable(),
  reminderSchedule: ReminderSchedule,
  createdBy: z.string(),
  tasks: z.array(TaskView),
  /** id → name of every unit the plan's tasks name (lead, supporting), readable or not. */
  unitNames: z.record(z.string(), z.string()),
  parent: PlanRef.nullable(),
  children: z.array(PlanRef),
  /** Editable only while a draft; issued plans change through amendments. */
  canManage: z.boolean(),
  /** May open the tracking board (a reader whose units owe nothing in the plan may not): the page shows the tab only then. */
  canTrack: z.boolean(),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

/** Answers that may carry Vietnamese warnings (past deadlines, unmatched names) the user must see. */
export const PlanWithWarnings = z.object({ plan: PlanDetail, warnings: z.array(z.string()) });
export type PlanWithWarnings = z.infer<typeof PlanWithWarnings>;
export const IssueResponse = PlanWithWarnings.extend({ obligationsCreated: z.number().int() });

/** GET /api/plans/:id/issue-preview: what issuing would do now, and what stops it. */
export const IssuePreview = z.object({
  /** Obligations that issuing would create (one per task and unit). */
  obligations: z.number().int(),
  /** Distinct units that would receive work. */
  units: z.number().int(),
  tasks: z.number().int(),
  /** Deadlines already past: those obligations are overdue at once. */
  pastDeadlines: z.number().int(),
  /** Proposed deadlines nobody has confirmed yet (issuing is allowed; the clerk should look). */
  toCheck: z.array(z.string()),
  /** Why issuing would be refused now (Vietnamese, one line per task); empty when it can be issued. */
  blockers: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type IssuePreview = z.infer<typeof IssuePreview>;

export const TaskWithWarnings = z.object({ task: TaskView, warnings: z.array(z.string()) });

export const AmendmentView = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const AmendmentList = z.object({ amendments: z.array(AmendmentView) });

const tags = ["plans"];

/** /api/plans and /api/tasks. */
export const planEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/plans",
    tags,
    summary: "Danh sách kế hoạch xem được",
    query: PlanListQuery,
    reply: json(PlanList),
  }),
  get: endpoint({
    method: "GET",
    path: "/api/plans/:id",
    tags,
    summary: "Chi tiết kế hoạch: nhiệm vụ, số liệu, kế hoạch cấp trên và cấp dưới",
    params: IdParams,
    reply: json(PlanDetail),
  }),
  create: endpoint({
    method: "POST",
    path: "/api/plans",
    tags,
    summary: "Tạo dự thảo kế hoạch",
    body: CreatePlanRequest,
    reply: created(PlanDetail),
  }),
  fromImport: endpoint({
    method: "POST",
    path: "/api/plans/from-import",
    tags,
    summary: "Tạo dự thảo kế hoạch từ kết quả nhập văn bản",
    body: FromImportRequest,
    reply: created(PlanWithWarnings),
  }),
  update: endpoint({
    method: "PATCH",
    path: "/api/plans/:id",
    tags,
    summary: "Sửa dự thảo kế hoạch (cần version)",
    params: IdParams,
    body: UpdatePlanRequest,
    reply: json(PlanDetail),
  }),
  issue: endpoint({
    method: "POST",
    path: "/api/plans/:id/issue",
    tags,
    summary: "Ban hành kế hoạch: tạo việc cần làm cho từng đơn vị",
    params: IdParams,
    body: PlanTransitionRequest,
    reply: json(IssueResponse),
  }),
  issuePreview: endpoint({
    method: "GET",
    path: "/api/plans/:id/issue-preview",
    tags,
    summary: "Xem trước khi ban hành: số việc, số đơn vị, hạn đã qua, điều còn chặn ban hành",
    params: IdParams,
    reply: json(IssuePreview),
  }),
  amend: endpoint({
    method: "POST",
    path: "/api/plans/:id/amend",
    tags,
    summary: "Điều chỉnh kế hoạch đã ban hành (kèm lý do)",
    params: IdParams,
    body: AmendPlanRequest,
    reply: json(PlanDetail),
  }),
  close: endpoint({
    method: "POST",
    path: "/api/plans/:id/close",
    tags,
    summary: "Kết thúc kế hoạch",
    params: IdParams,
    body: PlanTransitionRequest,
    reply: json(PlanDetail),
  }),
  amendments: endpoint({
    method: "GET",
    path: "/api/plans/:id/amendments",
    tags,
    summary: "Lịch sử điều chỉnh kế hoạch",
    params: IdParams,
    reply: json(AmendmentList),
  }),
  createTask: endpoint({
    method: "POST",
    path: "/api/plans/:id/tasks",
    tags,
    summary: "Thêm nhiệm vụ (kế hoạch đã ban hành: tạo ngay việc cần làm và ghi điều chỉnh)",
    params: IdParams,
    body: CreateTaskRequest,
    reply: created(TaskWithWarnings),
  }),
  updateTask: endpoint({
    method: "PATCH",
    path: "/api/tasks/:id",
    tags,
    summary: "Sửa nhiệm vụ của dự thảo (cần version)",
    params: IdParams,
    body: UpdateTaskRequest,
    reply: json(TaskView),
  }),
  deleteTask: endpoint({
    method: "DELETE",
    path: "/api/tasks/:id",
    tags,
    summary: "Xóa nhiệm vụ của dự thảo",
    params: IdParams,
    query: DeleteTaskQuery,
    reply: empty,
  }),
};
