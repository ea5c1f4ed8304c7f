/**
 * The stage timer's service: read the state (any reader of the conference), apply an operator's command
 * (organisers only) in one transaction that locks the timer, records the command by its client-made id (a replay is
 * answered with the current state, applied once) and publishes the new state on `conference:<id>` as it commits.
 */
import type { StageProgram, TimerCommand, TimerState } from "../../../contracts/stage";
import { nextPart } from "../../../domain/stage/program";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/access";
import { AppError, duplicate, invalidState } from "../../platform/errors";
import { publish } from "../../platform/live/index";
import { assertOrganiser, conferenceAccess } from "./policy";
import { findTimer, loadStageProgram, lockTimer, recordCommand, type StageProgramRows, saveTimer, type TimerRow } from "./stage-queries";
import { applyTimerCommand, IDLE_TIMER, type ResolvedSubject, type RuleCommand, statusOf, type TimerFields } from "./stage-rules";

/** The live topic a conference's screens hear. */
export const conferenceTopic = (conferenceId: string) => `conference:${conferenceId}`;

/** The wire state of a timer (flat: it travels as a live event's data too). */
export function presentTimer(conferenceId: string, row: (TimerFields & { seq: number }) | null, now: Date): TimerState {
  const t = row ?? { ...IDLE_TIMER, seq: 0 };
  return {
    conferenceId,
    seq: t.seq,
    status: statusOf(t),
    subjectKind: t.subjectKind,
    subjectId: t.subjectId,
    label: t.label,
    limitMs: t.limitMs,
    startedAt: t.startedAt?.toISOString() ?? null,
    pausedAt: t.pausedAt?.toISOString() ?? null,
    accumulatedMs: t.accumulatedMs,
    serverNow: now.toISOString(),
  };
}

export async function getTimerState(db: Db, actor: Actor, conferenceId: string, now = new Date()): Promise<TimerState> {
  await conferenceAccess(db, actor, conferenceId);
  return presentTimer(conferenceId, await findTimer(db, conferenceId), now);
}

/** What the operator picks from; organisers only (403 for other readers). */
export async function getStageProgram(db: Db, actor: Actor, conferenceId: string): Promise<StageProgram> {
  assertOrganiser(await conferenceAccess(db, actor, conferenceId));
  const program = await loadStageProgram(db, conferenceId);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    conferenceId,
    title: program.title,
    agenda: program.agenda.map((a) => ({ ...a, startsAt: iso(a.startsAt), endsAt: iso(a.endsAt) })),
    speeches: program.speeches,
  };
}

/** The hall shows a few lines; a live event must stay small (platform/live refuses payloads over 7,000 bytes). */
const MAX_LABEL = 500;
const clip = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);

/** An agenda item or speech of this conference made ready to time; 404 when it belongs elsewhere. */
function resolveSubject(
  program: StageProgramRows,
  subject: { kind: "agenda" | "speech"; id: string; limitSeconds?: number } | { kind: "custom"; label: string; limitSeconds: number },
): ResolvedSubject {
  if (subject.kind === "custom") return { kind: "custom", id: null, label: subject.label, limitMs: subject.limitSeconds * 1000 };
  if (subject.kind === "speech") {
    const speech = program.speeches.find((s) => s.id === subject.id);
    if (!speech) throw new AppError("NOT_FOUND", "Không tìm thấy tham luận này trong hội nghị. Hãy tải lại danh sách tham luận.");
    const label = [speech.unitName, speech.topic].filter(Boolean).join("\n");
    return { kind: "speech", id: speech.id, label: clip(label), limitMs: (subject.limitSeconds ?? speech.timeLimitSeconds) * 1000 };
  }
  const item = program.agenda.find((a) => a.id === subject.id);
  if (!item) throw new AppError("NOT_FOUND", "Không tìm thấy mục này trong chương trình hội nghị. Hãy tải lại chương trình.");
  const hours = item.startsAt && item.endsAt ? item.endsAt.getTime() - item.startsAt.getTime() : 0;
  const limitMs = subject.limitSeconds ? subject.limitSeconds * 1000 : hours;
  if (limitMs <= 0)
    throw invalidState(`Mục «${item.content}» chưa có giờ bắt đầu và kết thúc. Hãy nhập thời lượng cần bấm giờ cho mục này.`);
  return { kind: "agenda", id: item.id, label: clip(item.content), limitMs };
}

/** Turns a wire command into a rule command, looking up the subject of `start` and `next`. */
async function ruleCommand(db: Db, conferenceId: string, timer: TimerRow, input: TimerCommand): Promise<RuleCommand> {
  switch (input.command) {
    case "start":
      return { command: "start", subject: resolveSubject(await loadStageProgram(db, conferenceId), input.subject) };
    case "next": {
      const program = await loadStageProgram(db, conferenceId);
      const next = nextPart({ kind: timer.subjectKind, id: timer.subjectId }, program);
      if (!next)
        throw invalidState(
          timer.subjectKind === "speech" || timer.subjectKind === "agenda"
            ? "Đây là phần cuối của chương trình, không còn phần tiếp theo."
            : "Chưa chọn mục chương trình hoặc tham luận nào nên không có phần tiếp theo. Hãy chọn một phần rồi bấm «Bắt đầu».",
        );
      return { command: "start", subject: resolveSubject(program, next) };
    }
    case "adjust":
      return { command: "adjust", deltaMs: input.deltaMs };
    default:
      return { command: input.command };
  }
}

export interface CommandTimerOptions {
  actor: Actor;
  conferenceId: string;
  input: TimerCommand;
  now?: Date;
}

/**
 * Applies one operator command and answers the new state. Replayed (same `commandId`), it changes nothing and
 * answers the current state; with a stale `expectedSeq`, 409 with the current state in the details.
 */
export async function commandTimer(db: Db, { actor, conferenceId, input, now = new Date() }: CommandTimerOptions): Promise<TimerState> {
  assertOrganiser(await conferenceAccess(db, actor, conferenceId));
  return db.transaction(async (tx) => {
    const timer = await lockTimer(tx, conferenceId);
    const seq = timer.seq + 1;
    const recorded = await recordCommand(tx, {
      id: input.commandId,
      conferenceId,
      command: input.command,
      actorId: actor.userId,
      seq,
      at: now,
    });
    if (!recorded.recorded) {
      if (recorded.conferenceId !== conferenceId)
        throw duplicate("Mã lệnh này đã được dùng cho một hội nghị khác. Hãy tải lại trang điều khiển rồi bấm lại.");
      return presentTimer(conferenceId, timer, now);
    }
    if (input.expectedSeq !== undefined && input.expectedSeq !== timer.seq)
      throw new AppError(
        "VERSION_CONFLICT",
        "Đồng hồ vừa được điều khiển từ một máy khác nên lệnh của bạn chưa được thực hiện. Hãy xem trạng thái mới trên màn hình rồi bấm lại nếu vẫn cần.",
        { timer: presentTimer(conferenceId, timer, now) },
      );
    const next = applyTimerCommand(timer, await ruleCommand(tx, conferenceId, timer, input), now);
    await saveTimer(tx, conferenceId, { ...next, seq, updatedAt: now });
    const state = presentTimer(conferenceId, { ...next, seq }, now);
    await publish(tx, { topic: conferenceTopic(conferenceId), type: "timer", data: state });
    return state;
  });
}
