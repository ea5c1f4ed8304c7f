/**
 * Seating (sơ đồ chỗ ngồi): the hall defined by counts (presidium rows on stage, blocks of rows × seats), the
 * automatic assignment by protocol, manual moves and swaps, the printable chart. Request bodies are strict.
 */
import { z } from "zod";
import { IdParams, Uuid } from "./common";
import { endpoint, file, json, MIME } from "./http";

const tags = ["seating"];

export const SeatSection = z.enum(["presidium", "hall"]);
export type SeatSection = z.infer<typeof SeatSection>;

const Count = (what: string, max: number) =>
  z
    .number({ error: `${what} phải là một số.` })
    .int({ error: `${what} phải là số nguyên.` })
    .min(1, { error: `${what} ít nhất là 1.` })
    .max(max, { error: `${what} tối đa là ${max}.` });

export const HallBlock = z.strictObject({
  name: z.string().trim().min(1, { error: "Hãy đặt tên khối ghế (ví dụ «Khối A»)." }).max(60, { error: "Tên khối tối đa 60 ký tự." }),
  rows: Count("Số hàng của khối", 100),
  seatsPerRow: Count("Số ghế mỗi hàng", 100),
});

/** The hall by counts: seats of each presidium row (front row first), then the blocks left to right. */
export const HallLayoutInput = z.strictObject({
  presidiumRows: z.array(Count("Số ghế một hàng đoàn chủ tịch", 60)).max(5, { error: "Đoàn chủ tịch tối đa 5 hàng." }),
  blocks: z.array(HallBlock).min(1, { error: "Hội trường cần ít nhất một khối ghế." }).max(12, { error: "Hội trường tối đa 12 khối ghế." }),
});
export type HallLayoutInput = z.infer<typeof HallLayoutInput>;

const Version = z.number().int().min(1, { error: "Thiếu số phiên bản (version) của sơ đồ." });

/** Creates the layout (no `version`) or replaces it (the version seen); refused once a seat is assigned. */
export const PutLayoutRequest = z.strictObject({ layout: HallLayoutInput, version: Version.optional() });
export type PutLayoutRequest = z.infer<typeof PutLayoutRequest>;

/** Seats everyone by protocol, replacing every assignment; the presidium takes a chosen group, or the top ranks. */
export const AutoAssignRequest = z.strictObject({ version: Version, presidiumGroupId: Uuid.nullable().default(null) });
export type AutoAssignRequest = z.infer<typeof AutoAssignRequest>;

export const ClearSeatingRequest = z.strictObject({ version: Version });

/** Moves a delegate from the seat the organiser saw (`fromSeatId`, null when unseated) to a free seat. */
export const MoveDelegateRequest = z.strictObject({ delegateId: Uuid, fromSeatId: Uuid.nullable(), toSeatId: Uuid });
export type MoveDelegateRequest = z.infer<typeof MoveDelegateRequest>;

const Seated = z.strictObject({ delegateId: Uuid, seatId: Uuid });
/** Swaps two seated delegates, each named with the seat the organiser saw them in. */
export const SwapDelegatesRequest = z.strictObject({ a: Seated, b: Seated });
export type SwapDelegatesRequest = z.infer<typeof SwapDelegatesRequest>;

export const SeatedDelegate = z.object({
  id: Uuid,
  fullName: z.string(),
  title: z.string(),
  unitName: z.string(),
  groupName: z.string(),
  protocolRank: z.number().int(),
});
export type SeatedDelegate = z.infer<typeof SeatedDelegate>;

export const SeatView = z.object({
  id: Uuid,
  section: SeatSection,
  blockIndex: z.number().int(),
  blockName: z.string(),
  row: z.number().int(),
  number: z.number().int(),
  /** «Khối A, hàng 3, ghế 12» / «Đoàn chủ tịch, hàng 1, ghế 5». */
  label: z.string(),
  delegate: SeatedDelegate.nullable(),
});
export type SeatView = z.infer<typeof SeatView>;

export const SeatingPlan = z.object({
  conferenceId: Uuid,
  layout: HallLayoutInput.nullable(),
  /** 0 before a layout exists. */
  version: z.number().int(),
  capacity: z.number().int(),
  seats: z.array(SeatView),
  unseated: z.array(SeatedDelegate),
});
export type SeatingPlan = z.infer<typeof SeatingPlan>;

/** What a move or swap changed: the seats with who sits there now. */
export const SeatChange = z.object({ seats: z.array(z.object({ seatId: Uuid, delegateId: Uuid.nullable() })) });
export type SeatChange = z.infer<typeof SeatChange>;

export const seatingEndpoints = {
  get: endpoint({
    method: "GET",
    path: "/api/conferences/:id/seating",
    tags,
    summary: "Sơ đồ chỗ ngồi: các ghế, ai ngồi đâu, đại biểu chưa xếp chỗ",
    params: IdParams,
    reply: json(SeatingPlan),
  }),
  putLayout: endpoint({
    method: "PUT",
    path: "/api/conferences/:id/seating/layout",
    tags,
    summary: "Tạo hoặc thay bố cục hội trường (chỉ khi chưa xếp ai; chỉ cán bộ tổ chức)",
    params: IdParams,
    body: PutLayoutRequest,
    reply: json(SeatingPlan),
  }),
  autoAssign: endpoint({
    method: "POST",
    path: "/api/conferences/:id/seating/auto-assign",
    tags,
    summary: "Xếp chỗ tự động theo nghi thức: thứ tự nhóm, thứ bậc, đơn vị ngồi liền nhau; đoàn chủ tịch trên sân khấu",
    params: IdParams,
    body: AutoAssignRequest,
    reply: json(SeatingPlan),
  }),
  clear: endpoint({
    method: "POST",
    path: "/api/conferences/:id/seating/clear",
    tags,
    summary: "Bỏ xếp chỗ của mọi đại biểu (để sửa bố cục hội trường)",
    params: IdParams,
    body: ClearSeatingRequest,
    reply: json(SeatingPlan),
  }),
  move: endpoint({
    method: "POST",
    path: "/api/conferences/:id/seating/move",
    tags,
    summary: "Chuyển một đại biểu sang ghế trống",
    description: "`fromSeatId` là ghế mà người sắp xếp đang thấy; nếu đại biểu đã bị chuyển chỗ, hoặc ghế đích vừa có người → 409.",
    params: IdParams,
    body: MoveDelegateRequest,
    reply: json(SeatChange),
  }),
  swap: endpoint({
    method: "POST",
    path: "/api/conferences/:id/seating/swap",
    tags,
    summary: "Đổi chỗ hai đại biểu",
    params: IdParams,
    body: SwapDelegatesRequest,
    reply: json(SeatChange),
  }),
  chart: endpoint({
    method: "GET",
    path: "/api/conferences/:id/seating/chart.pdf",
    tags,
    summary: "Sơ đồ chỗ ngồi để in (PDF khổ A3 ngang)",
    params: IdParams,
    reply: file(MIME.pdf, "Sơ đồ chỗ ngồi, A3 ngang"),
  }),
};
