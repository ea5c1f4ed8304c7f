/**
 * Confirmation (xác báo) through a delegate's personal link, the organisers' tally and reminders, and the
 * invitations (Giấy mời) made in the background. The personal link's endpoints are public: the token is the key.
 */
import { z } from "zod";
import { IdParams, Name, Uuid } from "./common";
import { AnswerKind } from "./delegates";
import { created, endpoint, file, json, MIME } from "./http";

const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Không được dài quá ${max} ký tự.` });

export const TokenParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "Liên kết xác báo không đúng. Hãy mở lại liên kết trong giấy mời." }),
});

export const AnswerRequest = z.discriminatedUnion("answer", [
  z.strictObject({ answer: z.literal("attending") }),
  z.strictObject({ answer: z.literal("absent"), reason: Name(500) }),
  z.strictObject({ answer: z.literal("substitute"), substituteName: Name(200), substituteTitle: Text(300).default("") }),
]);
export type AnswerRequest = z.input<typeof AnswerRequest>;

export const GivenAnswer = z.object({
  answer: AnswerKind,
  reason: z.string(),
  substituteName: z.string(),
  substituteTitle: z.string(),
  answeredAt: z.string(),
});

/** What the delegate's page shows: who, which conference, the answer that stands, and whether it may still change. */
export const ConfirmationPage = z.object({
  fullName: z.string(),
  title: z.string(),
  unitName: z.string(),
  conference: z.object({ title: z.string(), startsAt: z.string().nullable(), endsAt: z.string().nullable(), venue: z.string() }),
  answer: GivenAnswer.nullable(),
  confirmBy: z.string().nullable(),
  open: z.boolean(),
});
export type ConfirmationPage = z.infer<typeof ConfirmationPage>;

const TallyCounts = {
  attending: z.number().int(),
  absent: z.number().int(),
  substitute: z.number().int(),
  none: z.number().int(),
  total: z.number().int(),
};
export const TallyRow = z.object({ key: z.string(), label: z.string(), ...TallyCounts });
export const ConfirmationTally = z.object({
  confirmBy: z.string().nullable(),
  /** Answers are still taken (the deadline, or the conference's start, is ahead). */
  open: z.boolean(),
  totals: z.object(TallyCounts),
  byGroup: z.array(TallyRow),
  byUnit: z.array(TallyRow),
});
export type ConfirmationTally = z.infer<typeof ConfirmationTally>;

export const DeadlineRequest = z.strictObject({
  confirmBy: z.iso.datetime({ offset: true, error: "Hạn xác báo phải là thời điểm ISO 8601." }).nullable(),
});
export const RemindReport = z.object({ emailed: z.number().int(), withoutEmail: z.number().int(), emailDisabled: z.boolean() });
export type RemindReport = z.infer<typeof RemindReport>;
export const PersonalLink = z.object({ path: z.string() });
export type PersonalLink = z.infer<typeof PersonalLink>;

export const InvitationBatchView = z.object({
  id: z.string(),
  state: z.enum(["queued", "running", "done", "failed"]),
  done: z.number().int(),
  total: z.number().int(),
  documentNumber: z.string(),
  unitId: z.string().nullable(),
  error: z.string().nullable(),
  zipReady: z.boolean(),
  pdfReady: z.boolean(),
  createdAt: z.string(),
});
export type InvitationBatchView = z.infer<typeof InvitationBatchView>;
/**
 * The live event `invitations.progress` on `conference:<id>`: a batch's state and progress as the job moves it, so the
 * organiser's bar follows without asking; the files' readiness is read once the batch is done.
 */
export const InvitationProgress = InvitationBatchView.pick({ state: true, done: true, total: true }).extend({ batchId: z.string() });
export type InvitationProgress = z.infer<typeof InvitationProgress>;
export const InvitationBatchList = z.object({ batches: z.array(InvitationBatchView) });
export const CreateInvitationsRequest = z.strictObject({ unitId: Uuid.nullable().optional(), sendEmail: z.boolean().default(false) });
export const BatchParams = z.strictObject({ id: Uuid, batchId: Uuid });

const tags = ["delegates"];

export const answerEndpoints = {
  page: endpoint({
    method: "GET",
    path: "/api/confirm/:token",
    tags,
    public: true,
    summary: "Trang xác báo của đại biểu (liên kết cá nhân)",
    params: TokenParams,
    reply: json(ConfirmationPage),
  }),
  answer: endpoint({
    method: "POST",
    path: "/api/confirm/:token",
    tags,
    public: true,
    summary: "Đại biểu xác báo: dự, vắng (lý do), cử người dự thay",
    params: TokenParams,
    body: AnswerRequest,
    reply: json(ConfirmationPage),
  }),
  tally: endpoint({
    method: "GET",
    path: "/api/conferences/:id/confirmations",
    tags,
    summary: "Tổng hợp xác báo theo nhóm và đơn vị",
    params: IdParams,
    reply: json(ConfirmationTally),
  }),
  deadline: endpoint({
    method: "PUT",
    path: "/api/conferences/:id/confirmations/deadline",
    tags,
    summary: "Đặt hạn xác báo",
    params: IdParams,
    body: DeadlineRequest,
    reply: json(ConfirmationTally),
  }),
  remind: endpoint({
    method: "POST",
    path: "/api/conferences/:id/confirmations/remind",
    tags,
    summary: "Nhắc đại biểu chưa xác báo (e-mail kèm liên kết mới)",
    params: IdParams,
    reply: json(RemindReport),
  }),
  link: endpoint({
    method: "POST",
    path: "/api/conferences/:id/delegates/:delegateId/link",
    tags,
    summary: "Tạo liên kết xác báo cá nhân mới cho đại biểu",
    params: z.strictObject({ id: Uuid, delegateId: Uuid }),
    reply: created(PersonalLink),
  }),
  invitations: endpoint({
    method: "GET",
    path: "/api/conferences/:id/invitations",
    tags,
    summary: "Các đợt in giấy mời và tiến độ",
    params: IdParams,
    reply: json(InvitationBatchList),
  }),
  createInvitations: endpoint({
    method: "POST",
    path: "/api/conferences/:id/invitations",
    tags,
    summary: "Tạo giấy mời hàng loạt (chạy nền): .zip các tệp .docx và một tệp .pdf",
    params: IdParams,
    body: CreateInvitationsRequest,
    reply: created(InvitationBatchView),
  }),
  invitationsZip: endpoint({
    method: "GET",
    path: "/api/conferences/:id/invitations/:batchId/giay-moi.zip",
    tags,
    summary: "Tải tệp .zip giấy mời (.docx)",
    params: BatchParams,
    reply: file(MIME.zip, "Tệp .zip"),
  }),
  invitationsPdf: endpoint({
    method: "GET",
    path: "/api/conferences/:id/invitations/:batchId/giay-moi.pdf",
    tags,
    summary: "Tải tệp .pdf giấy mời (mỗi trang một giấy)",
    params: BatchParams,
    reply: file(MIME.pdf, "Tệp .pdf"),
  }),
};
