/**
 * Conferences (Hội nghị) as records: the conference, its delegate groups and its agenda. Speeches, awards and
 * logistics are in `conference-program.ts`, the stage timer in `stage.ts`. Request bodies are strict.
 */
import { z } from "zod";
import { IdParams, Name, Uuid } from "./common";
import { created, empty, endpoint, file, json, MIME } from "./http";

export const ConferenceFormat = z.enum(["in_person", "online", "combined"], {
  error: "Hình thức phải là trực tiếp (in_person), trực tuyến (online) hoặc kết hợp (combined).",
});
export type ConferenceFormat = z.infer<typeof ConferenceFormat>;

export const AgendaItemKind = z.enum(["item", "speeches", "awards"]);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;

export const AwardKind = z.enum(["collective", "individual"], { error: "Đối tượng khen thưởng phải là tập thể hoặc cá nhân." });
export type AwardKind = z.infer<typeof AwardKind>;

/** The logistics a plan assigns for its conference (seed 001 assigns exactly these). */
export const LogisticsKind = z.enum(["hall", "decoration", "security", "medical", "power", "water", "transport", "documents", "other"]);
export type LogisticsKind = z.infer<typeof LogisticsKind>;

/** A role granted on one conference: organiser (edits it, as a manager of the host unit) or door staff (roster and check-in only). */
export const ConferenceRole = z.enum(["organiser", "door"], { error: "Vai trò phải là tổ chức (organiser) hoặc soát vé ở cửa (door)." });
export type ConferenceRole = z.infer<typeof ConferenceRole>;

/** What the stage timer is timing: nothing yet, an agenda item, a speech, or a free label. */
export const TimerSubjectKind = z.enum(["none", "agenda", "speech", "custom"]);
export type TimerSubjectKind = z.infer<typeof TimerSubjectKind>;

const IsoDate = z.iso.date({ error: "Ngày phải có dạng YYYY-MM-DD." });
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Giờ phải có dạng HH:MM (00:00–23:59)." });
const Version = z.number().int().min(1, { error: "Thiếu số phiên bản (version) của dữ liệu." });
const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Không được dài quá ${max} ký tự.` });

export const DelegateGroup = z.strictObject({
  name: Name(500),
  members: Text(5000).default(""),
  dressCode: Text(1000).default(""),
});
export type DelegateGroup = z.infer<typeof DelegateGroup>;

/** The editable fields of a conference; date and times are Vietnam wall-clock, the server keeps instants. */
const ConferenceFields = {
  hostUnitId: Uuid,
  level: Text(200).nullable(),
  title: Name(1000),
  bannerText: Text(2000),
  date: IsoDate.nullable(),
  startTime: ClockTime.nullable(),
  endTime: ClockTime.nullable(),
  durationLabel: Text(100).nullable(),
  venue: Text(1000),
  format: ConferenceFormat,
  chair: Text(1000),
  expectedAttendance: z.number().int().min(0, { error: "Số đại biểu dự kiến không được âm." }).max(1_000_000).nullable(),
  delegateGroups: z.array(DelegateGroup).max(50),
};

/** POST /api/plans/:id/conferences: a conference the plan holds, entered by hand. */
export const CreateConferenceRequest = z.strictObject(ConferenceFields).partial().required({ title: true });
export type CreateConferenceRequest = z.infer<typeof CreateConferenceRequest>;

/** PATCH /api/conferences/:id */
export const UpdateConferenceRequest = z.strictObject(ConferenceFields).partial().extend({ version: Version });
export type UpdateConferenceRequest = z.infer<typeof UpdateConferenceRequest>;

export const VersionQuery = z.object({ version: z.coerce.number().int().min(1) });

export const AgendaItemView = z.object({
  id: z.string(),
  /** `08:35` in Vietnam time; null for an item carried over from a conference without a date. */
  start: z.string().nullable(),
  end: z.string().nullable(),
  minutes: z.number().nullable(),
  content: z.string(),
  responsible: z.string(),
  responsibleUnitId: z.string().nullable(),
  kind: AgendaItemKind,
});
export type AgendaItemView = z.infer<typeof AgendaItemView>;

export const ConferenceSummary = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  planNumber: z.string().nullable(),
  hostUnitId: z.string(),
  hostUnitName: z.string(),
  level: z.string().nullable(),
  title: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  date: z.string().nullable(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  durationLabel: z.string().nullable(),
  venue: z.string(),
  format: ConferenceFormat,
  /** Held by every unit of a level ("each commune by date X"): the plan task whose obligations are "conference held". */
  perUnitTaskId: z.string().nullable(),
});
export type ConferenceSummary = z.infer<typeof ConferenceSummary>;
export const ConferenceList = z.object({ conferences: z.array(ConferenceSummary) });
export type ConferenceList = z.infer<typeof ConferenceList>;

export const ConferenceDetail = ConferenceSummary.extend({
  planStatus: z.enum(["draft", "issued", "closed"]),
  bannerText: z.string(),
  chair: z.string(),
  expectedAttendance: z.number().nullable(),
  delegateGroups: z.array(DelegateGroup.extend({ id: z.string() })),
  agenda: z.array(AgendaItemView),
  /** Minutes from the first item's start to the last item's end. */
  agendaMinutes: z.number(),
  version: z.number(),
  /** Managers of the plan's issuer or of the host: they edit the conference and its agenda. */
  canOrganise: z.boolean(),
});
export type ConferenceDetail = z.infer<typeof ConferenceDetail>;

const AgendaFields = {
  start: ClockTime,
  end: ClockTime,
  content: Name(2000),
  responsible: Text(1000).default(""),
  responsibleUnitId: Uuid.nullable().optional(),
  kind: AgendaItemKind.optional(),
};
/** POST /api/conferences/:id/agenda; `version` is the conference's. */
export const AddAgendaItemRequest = z.strictObject({ ...AgendaFields, version: Version });
export type AddAgendaItemRequest = z.infer<typeof AddAgendaItemRequest>;
/** PATCH /api/conferences/:id/agenda/:itemId */
export const UpdateAgendaItemRequest = z.strictObject(AgendaFields).partial().extend({ version: Version });
export type UpdateAgendaItemRequest = z.infer<typeof UpdateAgendaItemRequest>;
/** POST /api/conferences/:id/agenda/:itemId/move: a new start (same length); `shiftFollowing` moves every later item by as much. */
export const MoveAgendaItemRequest = z.strictObject({ start: ClockTime, shiftFollowing: z.boolean(), version: Version });
export type MoveAgendaItemRequest = z.infer<typeof MoveAgendaItemRequest>;
export const AgendaItemParams = z.strictObject({ id: Uuid, itemId: Uuid });

const tags = ["conferences"];

/** Conferences and their agenda. */
export const conferenceEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/conferences",
    tags,
    summary: "Các hội nghị người dùng xem được, sắp diễn ra trước",
    reply: json(ConferenceList),
  }),
  ofPlan: endpoint({
    method: "GET",
    path: "/api/plans/:id/conferences",
    tags,
    summary: "Các hội nghị của một kế hoạch",
    params: IdParams,
    reply: json(ConferenceList),
  }),
  create: endpoint({
    method: "POST",
    path: "/api/plans/:id/conferences",
    tags,
    summary: "Thêm hội nghị cho kế hoạch",
    params: IdParams,
    body: CreateConferenceRequest,
    reply: created(ConferenceDetail),
  }),
  get: endpoint({
    method: "GET",
    path: "/api/conferences/:id",
    tags,
    summary: "Chi tiết hội nghị và chương trình",
    params: IdParams,
    reply: json(ConferenceDetail),
  }),
  update: endpoint({
    method: "PATCH",
    path: "/api/conferences/:id",
    tags,
    summary: "Sửa thông tin hội nghị",
    params: IdParams,
    body: UpdateConferenceRequest,
    reply: json(ConferenceDetail),
  }),
  remove: endpoint({
    method: "DELETE",
    path: "/api/conferences/:id",
    tags,
    summary: "Xóa hội nghị",
    params: IdParams,
    query: VersionQuery,
    reply: empty,
  }),
  addAgendaItem: endpoint({
    method: "POST",
    path: "/api/conferences/:id/agenda",
    tags,
    summary: "Thêm mục vào chương trình",
    params: IdParams,
    body: AddAgendaItemRequest,
    reply: created(ConferenceDetail),
  }),
  updateAgendaItem: endpoint({
    method: "PATCH",
    path: "/api/conferences/:id/agenda/:itemId",
    tags,
    summary: "Sửa mục chương trình",
    params: AgendaItemParams,
    body: UpdateAgendaItemRequest,
    reply: json(ConferenceDetail),
  }),
  deleteAgendaItem: endpoint({
    method: "DELETE",
    path: "/api/conferences/:id/agenda/:itemId",
    tags,
    summary: "Xóa mục chương trình",
    params: AgendaItemParams,
    query: VersionQuery,
    reply: json(ConferenceDetail),
  }),
  moveAgendaItem: endpoint({
    method: "POST",
    path: "/api/conferences/:id/agenda/:itemId/move",
    tags,
    summary: "Dời giờ một mục (và các mục sau nếu chọn)",
    params: AgendaItemParams,
    body: MoveAgendaItemRequest,
    reply: json(ConferenceDetail),
  }),
  agendaDocx: endpoint({
    method: "GET",
    path: "/api/conferences/:id/agenda.docx",
    tags,
    summary: "Chương trình hội nghị (.docx) theo thể thức văn bản",
    params: IdParams,
    reply: file(MIME.docx, "Tệp Word (.docx)"),
  }),
};
