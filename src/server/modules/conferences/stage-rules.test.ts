import { describe, expect, it } from "vitest";
import { elapsedMs, formatCountdown, remainingMs, timerPhase } from "../../../domain/stage/clock";
import { nextPart } from "../../../domain/stage/program";
import { applyTimerCommand, clockOf, IDLE_TIMER, type ResolvedSubject, statusOf, type TimerFields } from "./stage-rules";

const t0 = new Date("2099-03-20T01:15:00Z");
const plus = (ms: number) => new Date(t0.getTime() + ms);
const speech: ResolvedSubject = { kind: "speech", id: "s1", label: "Chi bộ thôn 1\nKết quả", limitMs: 420_000 };
const started = applyTimerCommand(IDLE_TIMER, { command: "start", subject: speech }, t0);
const at = (t: TimerFields, ms: number) => ({
  elapsed: elapsedMs(clockOf(t), plus(ms).getTime()),
  left: remainingMs(clockOf(t), plus(ms).getTime()),
  phase: timerPhase(clockOf(t), plus(ms).getTime()),
});

describe("stage timer rules", () => {
  it("runs from the instant it was started, as instants, not as a counter", () => {
    expect(statusOf(started)).toBe("running");
    expect(started).toMatchObject({
      subjectKind: "speech",
      subjectId: "s1",
      limitMs: 420_000,
      startedAt: t0,
      pausedAt: null,
      accumulatedMs: 0,
    });
    expect(at(started, 90_000)).toEqual({ elapsed: 90_000, left: 330_000, phase: "normal" });
  });

  it("stands still while paused and goes on from there when resumed", () => {
    const paused = applyTimerCommand(started, { command: "pause" }, plus(100_000));
    expect(statusOf(paused)).toBe("paused");
    expect(at(paused, 100_000).elapsed).toBe(100_000);
    expect(at(paused, 500_000).elapsed).toBe(100_000);
    const resumed = applyTimerCommand(paused, { command: "resume" }, plus(500_000));
    expect(resumed).toMatchObject({ accumulatedMs: 100_000, startedAt: plus(500_000), pausedAt: null });
    expect(at(resumed, 530_000).elapsed).toBe(130_000);
  });

  it("turns amber with a minute left and red, counting up, once over", () => {
    expect(at(started, 359_999).phase).toBe("normal");
    expect(at(started, 360_000).phase).toBe("warning");
    expect(at(started, 420_000)).toMatchObject({ left: 0, phase: "warning" });
    expect(at(started, 432_000)).toMatchObject({ left: -12_000, phase: "over" });
    expect(formatCountdown(at(started, 432_000).left)).toBe("+00:12");
    expect(formatCountdown(at(started, 0).left)).toBe("07:00");
    expect(formatCountdown(61_200)).toBe("01:02");
    expect(formatCountdown(-12_900)).toBe("+00:12");
    expect(formatCountdown(5_400_000)).toBe("90:00");
  });

  it("adjusts the time left by the allotted time, never below zero, paused or running", () => {
    const more = applyTimerCommand(started, { command: "adjust", deltaMs: 60_000 }, plus(10_000));
    expect(at(more, 10_000).left).toBe(470_000);
    let less = started;
    for (let i = 0; i < 6; i += 1) less = applyTimerCommand(less, { command: "adjust", deltaMs: -60_000 }, plus(10_000));
    expect(less.limitMs).toBe(60_000);
    expect(at(less, 10_000)).toMatchObject({ left: 50_000, phase: "warning" });
    less = applyTimerCommand(less, { command: "adjust", deltaMs: -60_000 }, plus(10_000));
    expect(less.limitMs).toBe(0);
    expect(at(less, 12_000)).toMatchObject({ left: -12_000, phase: "over" });
    const paused = applyTimerCommand(started, { command: "pause" }, plus(5_000));
    expect(applyTimerCommand(paused, { command: "adjust", deltaMs: 30_000 }, plus(9_000)).limitMs).toBe(450_000);
  });

  it("resets to the full time of the same part, ready to start again", () => {
    const reset = applyTimerCommand(started, { command: "reset" }, plus(200_000));
    expect(statusOf(reset)).toBe("ready");
    expect(at(reset, 900_000)).toMatchObject({ elapsed: 0, left: 420_000 });
    const again = applyTimerCommand(reset, { command: "resume" }, plus(900_000));
    expect(at(again, 910_000).elapsed).toBe(10_000);
  });

  it("refuses commands that make no sense now, saying what to do", () => {
    for (const command of ["pause", "resume", "reset"] as const)
      expect(() => applyTimerCommand(IDLE_TIMER, { command }, t0)).toThrow(/Chưa chọn phần nào/);
    expect(() => applyTimerCommand(IDLE_TIMER, { command: "adjust", deltaMs: 60_000 }, t0)).toThrow(/Chưa chọn phần nào/);
    expect(() => applyTimerCommand(started, { command: "resume" }, t0)).toThrow("Đồng hồ đang chạy rồi.");
    const paused = applyTimerCommand(started, { command: "pause" }, t0);
    expect(() => applyTimerCommand(paused, { command: "pause" }, t0)).toThrow(/Tiếp tục/);
  });

  it("walks the programme: speech to speech, the last speech to the item after «Tham luận», «Tham luận» to its first speech", () => {
    const program = {
      agenda: [
        { id: "open", kind: "item" as const },
        { id: "talks", kind: "speeches" as const },
        { id: "close", kind: "item" as const },
      ],
      speeches: [{ id: "s1" }, { id: "s2" }],
    };
    expect(nextPart({ kind: "agenda", id: "open" }, program)).toEqual({ kind: "agenda", id: "talks" });
    expect(nextPart({ kind: "agenda", id: "talks" }, program)).toEqual({ kind: "speech", id: "s1" });
    expect(nextPart({ kind: "speech", id: "s1" }, program)).toEqual({ kind: "speech", id: "s2" });
    expect(nextPart({ kind: "speech", id: "s2" }, program)).toEqual({ kind: "agenda", id: "close" });
    expect(nextPart({ kind: "agenda", id: "close" }, program)).toBeNull();
    expect(nextPart({ kind: "custom", id: null }, program)).toBeNull();
    expect(nextPart({ kind: "agenda", id: "talks" }, { ...program, speeches: [] })).toEqual({ kind: "agenda", id: "close" });
  });
});
