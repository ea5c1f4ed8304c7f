/**
 * Check-in at the door (điểm danh): batches of check-ins from door devices (each with a client-made id, so a replay
 * never counts twice), the roster the devices keep offline, and live attendance. Request bodies are strict.
 */
import { z } from "zod";
import { IdParams, Uuid } from "./common";
import { endpoint, file, json, MIME } from "./http";

const tags = ["checkin"];
const Instant = z.iso.datetime({ offset: true, error: "Thời điểm phải có dạng ISO 8601 có múi giờ." });

export const CheckinMethod = z.enum(["qr", "name"]);
export type CheckinMethod = z.infer<typeof CheckinMethod>;

/** One scan (a QR `token`) or one pick from the roster (`delegateId`, found by name), made on the device. */
export const CheckinItem = z
  .strictObject({
    clientId: Uuid,
    token: z.string().min(1).max(400, { error: "Mã QR quá dài." }).optional(),
    delegateId: Uuid.optional(),
    door: z.string().trim().min(1, { error: "Hãy đặt tên cửa (ví dụ «Cửa 2»)." }).max(40, { error: "Tên cửa tối đa 40 ký tự." }),
    scannedAt: Instant,
  })
  .refine((c) => (c.token === undefined) !== (c.delegateId === undefined), {
    error: "Mỗi lượt điểm danh cần đúng một trong hai: mã QR (token) hoặc đại biểu chọn theo tên (delegateId).",
  });
export type CheckinItem = z.infer<typeof CheckinItem>;

export const CheckinBatch = z.strictObject({
  checkins: z
    .array(CheckinItem)
    .min(1, { error: "Không có lượt điểm danh nào để gửi." })
    .max(500, { error: "Mỗi lần gửi tối đa 500 lượt điểm danh." }),
});
export type CheckinBatch = z.infer<typeof CheckinBatch>;

/** counted: first check-in of the delegate; repeat: already in (when and at which door); refused: a bad code. */
export const CheckinStatus = z.enum(["counted", "repeat", "refused"]);
export type CheckinStatus = z.infer<typeof CheckinStatus>;

export const CheckinOutcome = z.object({
  clientId: Uuid,
  status: CheckinStatus,
  delegateId: Uuid.nullable(),
  fullName: z.string(),
  title: z.string(),
  unitName: z.string(),
  seatLabel: z.string().nullable(),
  /** The counted check-in: when and at which door the delegate came in. */
  firstAt: Instant.nullable(),
  firstDoor: z.string().nullable(),
  /** What the door shows: «Mời vào», «Đã vào lúc 07:42, cửa 2», or why the code is refused. */
  message: z.string(),
});
export type CheckinOutcome = z.infer<typeof CheckinOutcome>;

export const CheckinBatchResult = z.object({ results: z.array(CheckinOutcome) });
export type CheckinBatchResult = z.infer<typeof CheckinBatchResult>;

export const RosterDelegate = z.object({
  id: Uuid,
  fullName: z.string(),
  title: z.string(),
  unitName: z.string(),
  groupName: z.string(),
  seatLabel: z.string().nullable(),
  /** Folded name, unit and title (no diacritics, lower case), for finding a delegate typed without tones. */
  searchKey: z.string(),
  checkedInAt: Instant.nullable(),
  door: z.string().nullable(),
});
export type RosterDelegate = z.infer<typeof RosterDelegate>;

/** What a door device keeps offline: the delegates and the public key that verifies QR codes. */
export const Roster = z.object({
  conferenceId: Uuid,
  title: z.string(),
  /** Ed25519 public key, raw 32 bytes, base64url. */
  publicKey: z.string(),
  generatedAt: Instant,
  delegates: z.array(RosterDelegate),
});
export type Roster = z.infer<typeof Roster>;

export const AttendanceCount = z.object({ key: z.string(), name: z.string(), present: z.number().int(), expected: z.number().int() });
export const AttendanceDelegate = z.object({
  id: Uuid,
  fullName: z.string(),
  title: z.string(),
  groupName: z.string(),
  present: z.boolean(),
  checkedInAt: Instant.nullable(),
  door: z.string().nullable(),
  /** The delegate's answer to the invitation when absent (xác báo); null when none is known. */
  absenceReason: z.string().nullable(),
});
export const Attendance = z.object({
  conferenceId: Uuid,
  present: z.number().int(),
  expected: z.number().int(),
  byGroup: z.array(AttendanceCount),
  byUnit: z.array(AttendanceCount.extend({ delegates: z.array(AttendanceDelegate) })),
});
export type Attendance = z.infer<typeof Attendance>;

/** A conference whose doors the user may staff (door staff and organisers), for the door page's list. */
export const DoorConference = z.object({ id: Uuid, title: z.string(), startsAt: Instant.nullable(), venue: z.string() });
export type DoorConference = z.infer<typeof DoorConference>;
export const DoorConferenceList = z.object({ conferences: z.array(DoorConference) });
export type DoorConferenceList = z.infer<typeof DoorConferenceList>;

export const checkinEndpoints = {
  doorConferences: endpoint({
    method: "GET",
    path: "/api/door/conferences",
    tags,
    summary: "Các hội nghị người dùng được điểm danh ở cửa (soát vé, tổ chức), sớm nhất trước",
    reply: json(DoorConferenceList),
  }),
  post: endpoint({
    method: "POST",
    path: "/api/conferences/:id/checkins",
    tags,
    summary: "Gửi các lượt điểm danh từ máy ở cửa (người soát vé, cán bộ tổ chức)",
    description:
      "Mỗi lượt có `clientId` do máy tạo: gửi lại hoặc hai cửa cùng gửi thì chỉ tính một lần. Lượt đầu tiên của một đại biểu được tính, " +
      "các lượt sau trả lời «đã vào lúc …, cửa …». Mã QR sai, bị sửa, hết hạn hoặc của hội nghị khác bị từ chối.",
    params: IdParams,
    body: CheckinBatch,
    reply: json(CheckinBatchResult),
  }),
  roster: endpoint({
    method: "GET",
    path: "/api/conferences/:id/roster",
    tags,
    summary: "Danh sách đại biểu cho máy ở cửa (dùng khi mất mạng) và khóa công khai kiểm tra mã QR",
    params: IdParams,
    reply: json(Roster),
  }),
  attendance: endpoint({
    method: "GET",
    path: "/api/conferences/:id/attendance",
    tags,
    summary: "Số có mặt / dự kiến theo nhóm và đơn vị, danh sách theo đơn vị với lý do vắng",
    params: IdParams,
    reply: json(Attendance),
  }),
  attendanceXlsx: endpoint({
    method: "GET",
    path: "/api/conferences/:id/attendance.xlsx",
    tags,
    summary: "Danh sách có mặt, vắng mặt theo đơn vị (Excel) cho báo cáo sau hội nghị",
    params: IdParams,
    reply: file(MIME.xlsx, "Danh sách điểm danh"),
  }),
};
