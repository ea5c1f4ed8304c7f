import { useTranslation } from "react-i18next";
import type { TimerState } from "../../../contracts/stage";
import { formatCountdown, remainingMs, type TimerClock, timerPhase } from "../../../domain/stage/clock";

/** The instants of a wire state as the clock reads them. */
export function clockOf(state: TimerState): TimerClock {
  return {
    startedAt: state.startedAt ? Date.parse(state.startedAt) : null,
    pausedAt: state.pausedAt ? Date.parse(state.pausedAt) : null,
    accumulatedMs: state.accumulatedMs,
    limitMs: state.limitMs,
  };
}

const colours = { normal: "#f5f5f5", warning: "#faad14", over: "#ff4d4f" } as const;

/**
 * What the hall shows: the current item or speaker (first line large, the rest below) and the countdown, amber in
 * the last minute, red and counting up once over. The operator's page shows the same, smaller.
 */
export function TimerFace({ state, now, scale = 1 }: { state: TimerState | undefined; now: number; scale?: number }) {
  const { t } = useTranslation();
  if (!state || state.status === "idle")
    return (
      <div data-testid="timer-face" data-phase="idle" style={{ color: "#bfbfbf", fontSize: `${3 * scale}vw`, textAlign: "center" }}>
        {t("stage.waiting")}
      </div>
    );
  const clock = clockOf(state);
  const phase = timerPhase(clock, now);
  const [first, ...rest] = state.label.split("\n");
  return (
    <div data-testid="timer-face" data-phase={phase} data-status={state.status} style={{ textAlign: "center", color: "#f5f5f5" }}>
      <div data-testid="timer-subject" style={{ fontSize: `${4.5 * scale}vw`, fontWeight: 700, lineHeight: 1.15 }}>
        {first}
      </div>
      {rest.length > 0 && (
        <div data-testid="timer-subject-detail" style={{ fontSize: `${2.6 * scale}vw`, marginTop: `${0.6 * scale}vw`, color: "#d9d9d9" }}>
          {rest.join(" ")}
        </div>
      )}
      <div
        data-testid="timer-countdown"
        style={{
          fontSize: `${20 * scale}vw`,
          fontWeight: 700,
          lineHeight: 1,
          marginTop: `${1.5 * scale}vw`,
          color: colours[phase],
          fontVariantNumeric: "tabular-nums",
        }}
      >
        {formatCountdown(remainingMs(clock, now))}
      </div>
      <div style={{ fontSize: `${2.2 * scale}vw`, minHeight: `${3 * scale}vw`, color: "#d9d9d9" }}>
        {state.status === "paused" ? t("stage.paused") : state.status === "ready" ? t("stage.ready") : ""}
      </div>
    </div>
  );
}
