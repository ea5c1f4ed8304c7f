/**
 * The stage timer's rules as pure functions: what each command does to the stored instants (which part comes next
 * is in domain/stage/program.ts, shared with the operator's page). No I/O: the service loads, locks and stores.
 */

import type { TimerSubjectKind } from "../../../contracts/conferences";
import type { TimerStatus } from "../../../contracts/stage";
import { elapsedMs, type TimerClock } from "../../../domain/stage/clock";
import { invalidState } from "../../platform/errors";

/** The stored timer, as rules see it. */
export interface TimerFields {
  subjectKind: TimerSubjectKind;
  subjectId: string | null;
  label: string;
  limitMs: number;
  startedAt: Date | null;
  pausedAt: Date | null;
  accumulatedMs: number;
}

/** A part of the programme made ready to time: what the hall shows and how long it has. */
export interface ResolvedSubject {
  kind: Exclude<TimerSubjectKind, "none">;
  id: string | null;
  label: string;
  limitMs: number;
}

/** A command once its subject (for start and next) has been looked up. */
export type RuleCommand =
  | { command: "start"; subject: ResolvedSubject }
  | { command: "pause" | "resume" | "reset" }
  | { command: "adjust"; deltaMs: number };

export const IDLE_TIMER: TimerFields = {
  subjectKind: "none",
  subjectId: null,
  label: "",
  limitMs: 0,
  startedAt: null,
  pausedAt: null,
  accumulatedMs: 0,
};

export function clockOf(t: TimerFields): TimerClock {
  return {
    startedAt: t.startedAt?.getTime() ?? null,
    pausedAt: t.pausedAt?.getTime() ?? null,
    accumulatedMs: t.accumulatedMs,
    limitMs: t.limitMs,
  };
}

/** idle: nothing chosen; ready: chosen, not running (new or reset); running; paused. */
export function statusOf(t: TimerFields): TimerStatus {
  if (t.subjectKind === "none") return "idle";
  if (t.startedAt === null) return "ready";
  return t.pausedAt === null ? "running" : "paused";
}

const NOTHING = "Chưa chọn phần nào để bấm giờ. Hãy chọn mục chương trình hoặc tham luận rồi bấm «Bắt đầu».";

/**
 * The timer after `command` at `now`. Refuses (409) what makes no sense in the current state, naming what to do.
 * Adjusting changes the time allotted (so the time left moves by the delta); it never goes below zero, and a
 * speaker pushed past it is shown as over.
 */
export function applyTimerCommand(t: TimerFields, command: RuleCommand, now: Date): TimerFields {
  const status = statusOf(t);
  switch (command.command) {
    case "start":
      return {
        subjectKind: command.subject.kind,
        subjectId: command.subject.id,
        label: command.subject.label,
        limitMs: command.subject.limitMs,
        startedAt: now,
        pausedAt: null,
        accumulatedMs: 0,
      };
    case "pause":
      if (status === "idle") throw invalidState(NOTHING);
      if (status !== "running")
        throw invalidState(
          status === "paused" ? "Đồng hồ đang tạm dừng rồi. Bấm «Tiếp tục» để chạy lại." : "Đồng hồ chưa chạy nên không thể tạm dừng.",
        );
      return { ...t, pausedAt: now };
    case "resume":
      if (status === "idle") throw invalidState(NOTHING);
      if (status === "running") throw invalidState("Đồng hồ đang chạy rồi.");
      // Fold the run before the pause into `accumulatedMs`, then start a new run now.
      return { ...t, accumulatedMs: elapsedMs(clockOf(t), now.getTime()), startedAt: now, pausedAt: null };
    case "reset":
      if (status === "idle") throw invalidState(NOTHING);
      return { ...t, startedAt: null, pausedAt: null, accumulatedMs: 0 };
    case "adjust":
      if (status === "idle") throw invalidState(NOTHING);
      return { ...t, limitMs: Math.max(0, t.limitMs + command.deltaMs) };
  }
}
