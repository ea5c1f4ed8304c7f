/**
 * The conference's program: assigned speeches (tham luận), awards (khen thưởng), logistics (hậu cần), their
 * exports, the master of ceremonies' script and the readiness dashboard. A speech's draft and a logistics task's
 * result are obligations of their units (a plan task each), so their status is the obligation's: one board,
 * one rule. Request bodies are strict.
 */
import { z } from "zod";
import { IdParams, Name, Uuid } from "./common";
import { AwardKind, LogisticsKind } from "./conferences";
import { created, empty, endpoint, file, json, MIME } from "./http";
import { ObligationStatus } from "./obligations";

const IsoDate = z.iso.date({ error: "Ngày phải có dạng YYYY-MM-DD." });
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Giờ phải có dạng HH:MM (00:00–23:59)." });
const Version = z.number().int().min(1, { error: "Thiếu số phiên bản (version) của dữ liệu." });
const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Không được dài quá ${max} ký tự.` });

/** Default time on stage of a speech: 7 minutes (`không quá 07 phút`). */
export const DEFAULT_SPEECH_SECONDS = 420;
const TimeLimit = z
  .number()
  .int()
  .min(60, { error: "Thời lượng tham luận ít nhất 1 phút (60 giây)." })
  .max(3600, { error: "Thời lượng tham luận không quá 60 phút." });

export const ConferenceParams = IdParams;
export const SpeechParams = z.strictObject({ id: Uuid, speechId: Uuid });
export const AwardParams = z.strictObject({ id: Uuid, awardId: Uuid });
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1, { error: "Thiếu số phiên bản (version)." }) });

/**
 * The obligation behind a speech or a logistics task, as its unit and the reviewer see it. `overdue` and `late`
 * come from the obligations' one count rule (obligations/counts.ts). Null before the plan is issued.
 */
export const ProgramObligation = z.object({
  id: z.string(),
  status: ObligationStatus,
  version: z.number().int(),
  dueAt: z.string(),
  /** Owed (open or returned) and past its due instant now. */
  overdue: z.boolean(),
  /** Submitted after its due instant (kept after acceptance). */
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  returnedReason: z.string().nullable(),
  /** The latest submission's files (the draft), in the order uploaded. */
  files: z.array(z.object({ id: z.string(), fileName: z.string() })),
  canSubmit: z.boolean(),
  canReview: z.boolean(),
});
export type ProgramObligation = z.infer<typeof ProgramObligation>;

export const SpeechView = z.object({
  id: z.string(),
  conferenceId: z.string(),
  topic: z.string(),
  unitId: z.string().nullable(),
  /** The unit's name, or the name the plan wrote when no unit matched. */
  unitName: z.string(),
  taskId: z.string().nullable(),
  dueDate: z.string().nullable(),
  dueTime: z.string().nullable(),
  timeLimitSeconds: z.number().int(),
  runningOrder: z.number().int(),
  version: z.number().int(),
  obligation: ProgramObligation.nullable(),
});
export type SpeechView = z.infer<typeof SpeechView>;

export const SpeechList = z.object({
  speeches: z.array(SpeechView),
  planId: z.string(),
  planStatus: z.enum(["draft", "issued", "closed"]),
  canOrganise: z.boolean(),
});
export type SpeechList = z.infer<typeof SpeechList>;

export const CreateSpeechRequest = z.strictObject({
  topic: Name(2000),
  unitId: Uuid,
  /** The submission deadline: the unit's obligation falls due then (Vietnam time). */
  dueDate: IsoDate,
  dueTime: ClockTime.nullable().optional(),
  timeLimitSeconds: TimeLimit.optional(),
});
export type CreateSpeechRequest = z.infer<typeof CreateSpeechRequest>;

export const UpdateSpeechRequest = CreateSpeechRequest.partial().extend({ version: Version });
export type UpdateSpeechRequest = z.infer<typeof UpdateSpeechRequest>;

/** The whole running order, each speech with the version the page saw: any change in between is a 409. */
export const ReorderRequest = z.strictObject({
  items: z
    .array(z.strictObject({ id: Uuid, version: Version }))
    .min(1, { error: "Danh sách thứ tự trống." })
    .max(500),
});
export type ReorderRequest = z.infer<typeof ReorderRequest>;

export const AwardView = z.object({
  id: z.string(),
  conferenceId: z.string(),
  kind: AwardKind,
  recipient: z.string(),
  recipientUnitId: z.string().nullable(),
  recipientTitle: z.string(),
  form: z.string(),
  citation: z.string(),
  presenter: z.string(),
  stageOrder: z.number().int(),
  version: z.number().int(),
  /** Has its form of award and who presents it: ready for the stage. */
  ready: z.boolean(),
});
export type AwardView = z.infer<typeof AwardView>;
export const AwardList = z.object({ awards: z.array(AwardView), canOrganise: z.boolean() });
export type AwardList = z.infer<typeof AwardList>;

export const CreateAwardRequest = z.strictObject({
  kind: AwardKind,
  recipient: Name(500),
  recipientUnitId: Uuid.nullable().optional(),
  recipientTitle: Text(500).optional(),
  form: Text(500).optional(),
  citation: Text(5000).optional(),
  presenter: Text(500).optional(),
});
export type CreateAwardRequest = z.infer<typeof CreateAwardRequest>;
export const UpdateAwardRequest = CreateAwardRequest.partial().extend({ version: Version });
export type UpdateAwardRequest = z.infer<typeof UpdateAwardRequest>;

export const LogisticsView = z.object({
  id: z.string(),
  kind: LogisticsKind,
  taskId: z.string(),
  what: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string(),
  dueDate: z.string().nullable(),
  dueTime: z.string().nullable(),
  obligation: ProgramObligation.nullable(),
});
export type LogisticsView = z.infer<typeof LogisticsView>;
export const LogisticsList = z.object({
  items: z.array(LogisticsView),
  planId: z.string(),
  planStatus: z.enum(["draft", "issued", "closed"]),
  canOrganise: z.boolean(),
});
export type LogisticsList = z.infer<typeof LogisticsList>;

export const CreateLogisticsRequest = z.strictObject({
  kind: LogisticsKind,
  what: Name(5000),
  unitId: Uuid,
  dueDate: IsoDate,
  dueTime: ClockTime.nullable().optional(),
});
export type CreateLogisticsRequest = z.infer<typeof CreateLogisticsRequest>;

/** A count out of a total: `{ done: 3, total: 24 }`. */
const Tally = z.object({ done: z.number().int(), total: z.number().int() });

export const LateItem = z.object({
  kind: z.enum(["speech", "logistics"]),
  what: z.string(),
  unitName: z.string(),
  obligationId: z.string(),
  dueAt: z.string(),
  status: ObligationStatus,
});

/** GET /api/conferences/:id/readiness: readiness at a glance. */
export const Readiness = z.object({
  planId: z.string(),
  planStatus: z.enum(["draft", "issued", "closed"]),
  startsAt: z.string().nullable(),
  /** Whole days and remaining hours to the start; null without a start, zeros once started. */
  timeLeft: z.object({ days: z.number().int(), hours: z.number().int() }).nullable(),
  speechesReceived: Tally,
  speechesApproved: Tally,
  logisticsDone: Tally,
  awardsReady: Tally,
  late: z.array(LateItem),
  /** May open the plan's urging letter (managers of the issuer, issued plan). */
  canUrge: z.boolean(),
  /** May download the MC's script. */
  canOrganise: z.boolean(),
});
export type Readiness = z.infer<typeof Readiness>;

const tags = ["conferences"];

export const programEndpoints = {
  speeches: endpoint({
    method: "GET",
    path: "/api/conferences/:id/speeches",
    tags,
    summary: "Danh sách tham luận của hội nghị, với hạn nộp và tình trạng dự thảo của từng đơn vị",
    params: ConferenceParams,
    reply: json(SpeechList),
  }),
  createSpeech: endpoint({
    method: "POST",
    path: "/api/conferences/:id/speeches",
    tags,
    summary: "Thêm tham luận: giao đơn vị chuẩn bị, kèm hạn nộp (một nhiệm vụ của kế hoạch)",
    params: ConferenceParams,
    body: CreateSpeechRequest,
    reply: created(SpeechView),
  }),
  updateSpeech: endpoint({
    method: "PATCH",
    path: "/api/conferences/:id/speeches/:speechId",
    tags,
    summary: "Sửa tham luận (nội dung, đơn vị, hạn nộp, thời lượng)",
    params: SpeechParams,
    body: UpdateSpeechRequest,
    reply: json(SpeechView),
  }),
  deleteSpeech: endpoint({
    method: "DELETE",
    path: "/api/conferences/:id/speeches/:speechId",
    tags,
    summary: "Xóa tham luận (kế hoạch còn là dự thảo)",
    params: SpeechParams,
    query: VersionQuery,
    reply: empty,
  }),
  reorderSpeeches: endpoint({
    method: "PUT",
    path: "/api/conferences/:id/speeches/order",
    tags,
    summary: "Sắp xếp thứ tự trình bày tham luận",
    params: ConferenceParams,
    body: ReorderRequest,
    reply: json(SpeechList),
  }),
  speechesDocx: endpoint({
    method: "GET",
    path: "/api/conferences/:id/speeches/export.docx",
    tags,
    summary: "Xuất danh sách phân công chuẩn bị tham luận (phụ lục kế hoạch) ra tệp Word",
    params: ConferenceParams,
    reply: file(MIME.docx, "Tệp Word (.docx)"),
  }),
  awards: endpoint({
    method: "GET",
    path: "/api/conferences/:id/awards",
    tags,
    summary: "Danh sách khen thưởng tại hội nghị, theo thứ tự trao trên sân khấu",
    params: ConferenceParams,
    reply: json(AwardList),
  }),
  createAward: endpoint({
    method: "POST",
    path: "/api/conferences/:id/awards",
    tags,
    summary: "Thêm tập thể hoặc cá nhân được khen thưởng",
    params: ConferenceParams,
    body: CreateAwardRequest,
    reply: created(AwardView),
  }),
  updateAward: endpoint({
    method: "PATCH",
    path: "/api/conferences/:id/awards/:awardId",
    tags,
    summary: "Sửa khen thưởng",
    params: AwardParams,
    body: UpdateAwardRequest,
    reply: json(AwardView),
  }),
  deleteAward: endpoint({
    method: "DELETE",
    path: "/api/conferences/:id/awards/:awardId",
    tags,
    summary: "Xóa khen thưởng",
    params: AwardParams,
    query: VersionQuery,
    reply: empty,
  }),
  reorderAwards: endpoint({
    method: "PUT",
    path: "/api/conferences/:id/awards/order",
    tags,
    summary: "Sắp xếp thứ tự trao thưởng trên sân khấu",
    params: ConferenceParams,
    body: ReorderRequest,
    reply: json(AwardList),
  }),
  awardsDocx: endpoint({
    method: "GET",
    path: "/api/conferences/:id/awards/export.docx",
    tags,
    summary: "Xuất danh sách khen thưởng ra tệp Word",
    params: ConferenceParams,
    reply: file(MIME.docx, "Tệp Word (.docx)"),
  }),
  logistics: endpoint({
    method: "GET",
    path: "/api/conferences/:id/logistics",
    tags,
    summary: "Công tác hậu cần của hội nghị: đơn vị phụ trách, hạn và tình trạng",
    params: ConferenceParams,
    reply: json(LogisticsList),
  }),
  createLogistics: endpoint({
    method: "POST",
    path: "/api/conferences/:id/logistics",
    tags,
    summary: "Giao một việc hậu cần cho đơn vị, kèm hạn (một nhiệm vụ của kế hoạch)",
    params: ConferenceParams,
    body: CreateLogisticsRequest,
    reply: created(LogisticsView),
  }),
  mcScriptDocx: endpoint({
    method: "GET",
    path: "/api/conferences/:id/mc-script.docx",
    tags,
    summary: "Kịch bản điều hành hội nghị (lời dẫn theo chương trình) ra tệp Word",
    params: ConferenceParams,
    reply: file(MIME.docx, "Tệp Word (.docx)"),
  }),
  readiness: endpoint({
    method: "GET",
    path: "/api/conferences/:id/readiness",
    tags,
    summary: "Mức độ sẵn sàng của hội nghị: tham luận, hậu cần, khen thưởng, thời gian còn lại, việc chậm",
    params: ConferenceParams,
    reply: json(Readiness),
  }),
};
