/**
 * The stage timer of a conference: its state (flat, the same shape in an answer and in a live event
 * `conference:<id>` / `timer`), the operator's commands and what the operator picks from. Request bodies are strict.
 */
import { z } from "zod";
import { IdParams, Uuid } from "./common";
import { TimerSubjectKind } from "./conferences";
import { endpoint, json } from "./http";

const tags = ["stage"];
const Instant = z.iso.datetime({ offset: true });

export const TimerStatus = z.enum(["idle", "ready", "running", "paused"]);
export type TimerStatus = z.infer<typeof TimerStatus>;

/**
 * The timer as every screen needs it. Instants as ISO strings; `serverNow` is the server's clock when the state
 * was read or the command applied, so a screen corrects its own clock's offset. `seq` grows with every applied
 * command: a screen ignores a state older than the one it shows.
 */
export const TimerState = z.object({
  conferenceId: Uuid,
  seq: z.number().int(),
  status: TimerStatus,
  subjectKind: TimerSubjectKind,
  subjectId: Uuid.nullable(),
  /** What the hall shows, line by line: the item's content, or the speaker's unit then the topic. */
  label: z.string(),
  limitMs: z.number().int(),
  startedAt: Instant.nullable(),
  pausedAt: Instant.nullable(),
  accumulatedMs: z.number().int(),
  serverNow: Instant,
});
export type TimerState = z.infer<typeof TimerState>;

const LimitSeconds = z
  .number()
  .int({ error: "Thời lượng phải là số giây nguyên." })
  .min(10, { error: "Thời lượng ít nhất 10 giây." })
  .max(6 * 3600, { error: "Thời lượng tối đa 6 giờ." });

/** What to time: an agenda item (its own hours, or `limitSeconds`), a speech (its time limit) or a free label. */
export const TimerSubject = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("agenda"), id: Uuid, limitSeconds: LimitSeconds.optional() }),
    z.strictObject({ kind: z.literal("speech"), id: Uuid, limitSeconds: LimitSeconds.optional() }),
    z.strictObject({
      kind: z.literal("custom"),
      label: z.string().trim().min(1, { error: "Hãy nhập nội dung hiển thị." }).max(300, { error: "Nội dung tối đa 300 ký tự." }),
      limitSeconds: LimitSeconds,
    }),
  ],
  { error: "Phần cần bấm giờ phải là mục chương trình (agenda), tham luận (speech) hoặc nội dung tự nhập (custom)." },
);
export type TimerSubject = z.infer<typeof TimerSubject>;

/** ±30 seconds or ±1 minute of the time left. */
export const AdjustMs = z.union([z.literal(-60_000), z.literal(-30_000), z.literal(30_000), z.literal(60_000)], {
  error: "Chỉ được chỉnh thêm hoặc bớt 30 giây hoặc 1 phút.",
});

const common = {
  /** Made by the operator's page; a command sent again with the same id is applied once. */
  commandId: Uuid,
  /** The `seq` the operator saw; when the timer has moved since (another operator), the command is refused (409). */
  expectedSeq: z.number().int().min(0).optional(),
};

export const TimerCommand = z.discriminatedUnion(
  "command",
  [
    z.strictObject({ command: z.literal("start"), subject: TimerSubject, ...common }),
    z.strictObject({ command: z.literal("pause"), ...common }),
    z.strictObject({ command: z.literal("resume"), ...common }),
    z.strictObject({ command: z.literal("reset"), ...common }),
    z.strictObject({ command: z.literal("adjust"), deltaMs: AdjustMs, ...common }),
    z.strictObject({ command: z.literal("next"), ...common }),
  ],
  { error: "Lệnh phải là start, pause, resume, reset, adjust hoặc next." },
);
export type TimerCommand = z.infer<typeof TimerCommand>;
export type TimerCommandName = TimerCommand["command"];

/** One line of what the operator picks from: the agenda in order, the speeches in running order. */
export const StageAgendaItem = z.object({
  id: Uuid,
  content: z.string(),
  kind: z.enum(["item", "speeches", "awards"]),
  startsAt: Instant.nullable(),
  endsAt: Instant.nullable(),
  responsible: z.string(),
});
export const StageSpeech = z.object({
  id: Uuid,
  runningOrder: z.number().int(),
  topic: z.string(),
  unitName: z.string(),
  timeLimitSeconds: z.number().int(),
});
export const StageProgram = z.object({
  conferenceId: Uuid,
  title: z.string(),
  agenda: z.array(StageAgendaItem),
  speeches: z.array(StageSpeech),
});
export type StageProgram = z.infer<typeof StageProgram>;

export const stageEndpoints = {
  timer: endpoint({
    method: "GET",
    path: "/api/conferences/:id/stage/timer",
    tags,
    summary: "Trạng thái đồng hồ sân khấu (mọi người xem được hội nghị)",
    params: IdParams,
    reply: json(TimerState),
  }),
  command: endpoint({
    method: "POST",
    path: "/api/conferences/:id/stage/commands",
    tags,
    summary: "Điều khiển đồng hồ sân khấu: bắt đầu, tạm dừng, tiếp tục, đặt lại, chỉnh thời gian, chuyển phần tiếp theo",
    description:
      "Chỉ cán bộ tổ chức hội nghị. Mỗi lệnh mang `commandId` do trang điều khiển tạo: gửi lại cùng mã thì chỉ áp dụng một lần " +
      "và trả về trạng thái hiện tại. `expectedSeq` cũ hơn trạng thái hiện tại → 409.",
    params: IdParams,
    body: TimerCommand,
    reply: json(TimerState),
  }),
  program: endpoint({
    method: "GET",
    path: "/api/conferences/:id/stage/program",
    tags,
    summary: "Chương trình và danh sách tham luận để chọn phần bấm giờ (chỉ cán bộ tổ chức)",
    params: IdParams,
    reply: json(StageProgram),
  }),
};
