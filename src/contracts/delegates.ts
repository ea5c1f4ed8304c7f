/**
 * Delegates (đại biểu) of a conference: the list, its Excel import and export, and the quotas units fill
 * (đề nghị cử đại biểu). Confirmations and invitations are in delegate-answers.ts. Request bodies are strict.
 */
import { z } from "zod";
import { IdParams, Name, Uuid } from "./common";
import { created, empty, endpoint, file, json, MIME } from "./http";
import { ImportQuery } from "./organisations";
import { TaskTarget } from "./plans";

const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Không được dài quá ${max} ký tự.` });
const IsoDate = z.iso.date({ error: "Ngày phải có dạng YYYY-MM-DD." });
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Giờ phải có dạng HH:MM (00:00–23:59)." });

/** The sheet's columns, in order: import reads them by header, export writes them, so an export imports again. */
export const delegateSheetColumns = {
  fullName: "Họ và tên",
  title: "Chức vụ",
  unitName: "Đơn vị",
  group: "Nhóm",
  phone: "Điện thoại",
  email: "Email",
  protocolRank: "Thứ tự lễ tân",
} as const;

export const AnswerKind = z.enum(["attending", "absent", "substitute"]);
export type AnswerKind = z.infer<typeof AnswerKind>;

export const DelegateView = z.object({
  id: z.string(),
  conferenceId: z.string(),
  fullName: z.string(),
  title: z.string(),
  unitName: z.string(),
  /** Set when the unit as written matched a unit of the tree. */
  unitId: z.string().nullable(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  phone: z.string(),
  email: z.string(),
  protocolRank: z.number().int(),
  quotaId: z.string().nullable(),
  /** The answer that stands (latest before the deadline), if any. */
  answer: AnswerKind.nullable(),
  version: z.number().int(),
});
export type DelegateView = z.infer<typeof DelegateView>;

export const DelegateGroupBrief = z.object({ id: z.string(), name: z.string(), dressCode: z.string() });

export const DelegateList = z.object({
  delegates: z.array(DelegateView),
  groups: z.array(DelegateGroupBrief),
  canOrganise: z.boolean(),
});
export type DelegateList = z.infer<typeof DelegateList>;

export const DelegateListQuery = z.object({
  groupId: Uuid.optional(),
  unitId: Uuid.optional(),
  q: Text(200).optional(),
});

const Phone = Text(30);
const Email = z.union([z.literal(""), z.email({ error: "Địa chỉ e-mail không hợp lệ." }).max(200)]);
const Rank = z.number().int().min(0, { error: "Thứ tự lễ tân từ 0 trở lên." }).max(1_000_000, { error: "Thứ tự lễ tân quá lớn." });

export const CreateDelegateRequest = z.strictObject({
  fullName: Name(200),
  title: Text(300).default(""),
  unitName: Text(300).default(""),
  groupId: Uuid.nullable().optional(),
  phone: Phone.default(""),
  email: Email.default(""),
  protocolRank: Rank.default(1000),
});
export type CreateDelegateRequest = z.input<typeof CreateDelegateRequest>;

export const UpdateDelegateRequest = z.strictObject({
  version: z.number().int().min(1, { error: "Thiếu số phiên bản (version) của dữ liệu." }),
  fullName: Name(200).optional(),
  title: Text(300).optional(),
  unitName: Text(300).optional(),
  groupId: Uuid.nullable().optional(),
  phone: Phone.optional(),
  email: Email.optional(),
  protocolRank: Rank.optional(),
});
export type UpdateDelegateRequest = z.input<typeof UpdateDelegateRequest>;

export const DelegateParams = z.strictObject({ id: Uuid, delegateId: Uuid });
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1, { error: "Thiếu số phiên bản (version)." }) });

/** Every data row of the sheet is accepted or refused with its reason (1-based sheet row numbers). */
export const DelegateImportReport = z.object({
  dryRun: z.boolean(),
  accepted: z.array(
    z.object({
      row: z.number().int(),
      fullName: z.string(),
      title: z.string(),
      unitName: z.string(),
      unitMatched: z.boolean(),
      groupName: z.string().nullable(),
      phone: z.string(),
      email: z.string(),
      protocolRank: z.number().int(),
    }),
  ),
  refused: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  created: z.number().int(),
});
export type DelegateImportReport = z.infer<typeof DelegateImportReport>;

/** A quota request: `count` nominees with these titles from each target unit, by the task's deadline. */
export const CreateQuotaRequest = z.strictObject({
  target: TaskTarget,
  count: z.number().int().min(1, { error: "Số đại biểu cần cử ít nhất là 1." }).max(200, { error: "Tối đa 200 đại biểu mỗi đơn vị." }),
  titles: z.array(Name(200)).max(200).default([]),
  groupId: Uuid.nullable().optional(),
  dueDate: IsoDate,
  dueTime: ClockTime.nullable().optional(),
});
export type CreateQuotaRequest = z.input<typeof CreateQuotaRequest>;

export const QuotaUnit = z.object({
  unitId: z.string(),
  unitName: z.string(),
  nominated: z.number().int(),
  /** Titles asked for and not yet among the unit's nominees (a title counts once per nominee holding it). */
  missingTitles: z.array(z.string()),
  obligationId: z.string().nullable(),
  obligationStatus: z.string().nullable(),
  obligationVersion: z.number().int().nullable(),
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
});
export type QuotaUnit = z.infer<typeof QuotaUnit>;

export const QuotaView = z.object({
  id: z.string(),
  taskId: z.string(),
  what: z.string(),
  count: z.number().int(),
  titles: z.array(z.string()),
  groupId: z.string().nullable(),
  dueDate: z.string().nullable(),
  units: z.array(QuotaUnit),
});
export type QuotaView = z.infer<typeof QuotaView>;

export const QuotaList = z.object({ quotas: z.array(QuotaView), canOrganise: z.boolean() });
export type QuotaList = z.infer<typeof QuotaList>;

export const QuotaUnitParams = z.strictObject({ quotaId: Uuid, unitId: Uuid });
export const NomineeParams = z.strictObject({ quotaId: Uuid, unitId: Uuid, delegateId: Uuid });
export const NomineeRequest = CreateDelegateRequest.omit({ unitName: true, groupId: true, protocolRank: true });
export const UpdateNomineeRequest = UpdateDelegateRequest.omit({ unitName: true, groupId: true, protocolRank: true });

export const NomineeList = z.object({ quota: QuotaView, unit: QuotaUnit, nominees: z.array(DelegateView) });
export type NomineeList = z.infer<typeof NomineeList>;

const tags = ["delegates"];
const base = "/api/conferences/:id/delegates";

export const delegateEndpoints = {
  list: endpoint({
    method: "GET",
    path: base,
    tags,
    summary: "Danh sách đại biểu (lọc theo nhóm, đơn vị, tìm không dấu)",
    params: IdParams,
    query: DelegateListQuery,
    reply: json(DelegateList),
  }),
  create: endpoint({
    method: "POST",
    path: base,
    tags,
    summary: "Thêm đại biểu",
    params: IdParams,
    body: CreateDelegateRequest,
    reply: created(DelegateView),
  }),
  update: endpoint({
    method: "PATCH",
    path: `${base}/:delegateId`,
    tags,
    summary: "Sửa đại biểu",
    params: DelegateParams,
    body: UpdateDelegateRequest,
    reply: json(DelegateView),
  }),
  remove: endpoint({
    method: "DELETE",
    path: `${base}/:delegateId`,
    tags,
    summary: "Xóa đại biểu",
    params: DelegateParams,
    query: VersionQuery,
    reply: empty,
  }),
  importSheet: endpoint({
    method: "POST",
    path: `${base}/import`,
    tags,
    summary: "Nhập đại biểu từ Excel (.xlsx); dryRun=true để xem trước",
    description: "Gửi multipart/form-data với đúng một tệp .xlsx. Cột: Họ và tên, Chức vụ, Đơn vị, Nhóm, Điện thoại, Email, Thứ tự lễ tân.",
    params: IdParams,
    query: ImportQuery,
    multipart: true,
    extraErrors: [413, 415],
    reply: json(DelegateImportReport),
  }),
  exportSheet: endpoint({
    method: "GET",
    path: `${base}/export.xlsx`,
    tags,
    summary: "Xuất đại biểu ra Excel (cùng cột với tệp nhập)",
    params: IdParams,
    reply: file(MIME.xlsx, "Tệp .xlsx"),
  }),
  quotas: endpoint({
    method: "GET",
    path: "/api/conferences/:id/delegate-quotas",
    tags,
    summary: "Các đề nghị cử đại biểu và tình hình từng đơn vị",
    params: IdParams,
    reply: json(QuotaList),
  }),
  createQuota: endpoint({
    method: "POST",
    path: "/api/conferences/:id/delegate-quotas",
    tags,
    summary: "Đề nghị các đơn vị cử đại biểu (một nhiệm vụ của kế hoạch)",
    params: IdParams,
    body: CreateQuotaRequest,
    reply: created(QuotaView),
  }),
  nominees: endpoint({
    method: "GET",
    path: "/api/delegate-quotas/:quotaId/units/:unitId",
    tags,
    summary: "Danh sách đại biểu đơn vị cử theo đề nghị",
    params: QuotaUnitParams,
    reply: json(NomineeList),
  }),
  addNominee: endpoint({
    method: "POST",
    path: "/api/delegate-quotas/:quotaId/units/:unitId/nominees",
    tags,
    summary: "Đơn vị thêm đại biểu được cử",
    params: QuotaUnitParams,
    body: NomineeRequest,
    reply: created(DelegateView),
  }),
  updateNominee: endpoint({
    method: "PATCH",
    path: "/api/delegate-quotas/:quotaId/units/:unitId/nominees/:delegateId",
    tags,
    summary: "Đơn vị sửa đại biểu được cử",
    params: NomineeParams,
    body: UpdateNomineeRequest,
    reply: json(DelegateView),
  }),
  removeNominee: endpoint({
    method: "DELETE",
    path: "/api/delegate-quotas/:quotaId/units/:unitId/nominees/:delegateId",
    tags,
    summary: "Đơn vị bỏ đại biểu được cử",
    params: NomineeParams,
    query: VersionQuery,
    reply: empty,
  }),
};
