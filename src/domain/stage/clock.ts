/**
 * The stage timer's clock, read the same way by the server (commands) and by every screen (hall, operator):
 * the state is stored as instants, so what a screen shows is computed from them and the current time, never
 * counted by the screen itself. A reload, a second screen or a restarted server all show the same.
 */

/** The instants a timer is made of (epoch milliseconds). */
export interface TimerClock {
  /** When the current run began; null when the timer has not been started since the last reset. */
  startedAt: number | null;
  /** When it was paused; null while it runs. */
  pausedAt: number | null;
  /** Time run before `startedAt` (earlier runs, before a pause). */
  accumulatedMs: number;
  /** Time allotted; 0 when none. */
  limitMs: number;
}

/** What the hall shows: calm, amber in the last minute, red once over. */
export type TimerPhase = "normal" | "warning" | "over";

/** Amber from this much time left. */
export const WARNING_MS = 60_000;

/**
 * Time run so far, at `now`.
 * @example elapsedMs({ startedAt: 1_000, pausedAt: null, accumulatedMs: 5_000, limitMs: 60_000 }, 3_000) // 7_000
 */
export function elapsedMs(clock: TimerClock, now: number): number {
  if (clock.startedAt === null) return clock.accumulatedMs;
  return clock.accumulatedMs + Math.max(0, (clock.pausedAt ?? now) - clock.startedAt);
}

/**
 * Time left (negative once over).
 * @example remainingMs({ startedAt: 0, pausedAt: null, accumulatedMs: 0, limitMs: 420_000 }, 60_000) // 360_000
 */
export function remainingMs(clock: TimerClock, now: number): number {
  return clock.limitMs - elapsedMs(clock, now);
}

/**
 * Normal, warning (≤ 1 minute left) or over (time used up).
 * @example timerPhase({ startedAt: 0, pausedAt: null, accumulatedMs: 0, limitMs: 60_000 }, 70_000) // "over"
 */
export function timerPhase(clock: TimerClock, now: number): TimerPhase {
  const left = remainingMs(clock, now);
  if (left < 0) return "over";
  return left <= WARNING_MS ? "warning" : "normal";
}

const two = (n: number) => String(n).padStart(2, "0");

/**
 * The countdown as the hall shows it: `mm:ss` left, rounded up (a second not yet begun still shows), and once
 * over `+mm:ss` counting up, rounded down. Hours fold into minutes (`90:00`).
 * @example formatCountdown(61_200) // "01:02"; formatCountdown(-12_300) // "+00:12"
 */
export function formatCountdown(remaining: number): string {
  const over = remaining < 0;
  const seconds = over ? Math.floor(-remaining / 1000) : Math.ceil(remaining / 1000);
  return `${over ? "+" : ""}${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`;
}
