import { useCallback, useEffect, useRef, useState } from "react";
import { type TimerState, TimerState as TimerStateSchema } from "../../../contracts/stage";
import { useTopicEvents } from "../../app/useTopicEvents";
import { fetchTimer } from "./api";

export interface StageTimer {
  /** The newest state received; undefined until the first answer. */
  state: TimerState | undefined;
  /** Server clock minus this device's clock, from the newest state (its `serverNow`). */
  offsetMs: number;
  /** Takes a state answered to a command (or carried by a 409): applied unless older than the one shown. */
  apply: (state: TimerState) => void;
  /** Why the state could not be read (404, 403…), if it could not. */
  error: unknown;
}

/**
 * The stage timer of a conference as every screen shows it: read once, then kept by the live stream
 * (`conference:<id>`, events `timer`, the page's one shared stream of that topic) whose states are applied as they
 * come, older `seq` ignored, without a request per event. On (re)connection and on `resync` the state is read again,
 * so nothing missed stays.
 */
export function useStageTimer(conferenceId: string): StageTimer {
  const [state, setState] = useState<TimerState>();
  const [offsetMs, setOffset] = useState(0);
  const [error, setError] = useState<unknown>();
  const shown = useRef(-1);

  const apply = useCallback((next: TimerState) => {
    if (next.seq < shown.current) return;
    shown.current = next.seq;
    setOffset(Date.parse(next.serverNow) - Date.now());
    setState(next);
  }, []);

  const stopped = useRef(false);
  const read = useCallback(() => {
    fetchTimer(conferenceId).then(
      (s) => !stopped.current && apply(s),
      (e: unknown) => !stopped.current && setError(e),
    );
  }, [conferenceId, apply]);

  useEffect(() => {
    stopped.current = false;
    read();
    return () => {
      stopped.current = true;
    };
  }, [read]);

  useTopicEvents(
    `conference:${conferenceId}`,
    ["timer"],
    (_type, data) => {
      const timer = TimerStateSchema.safeParse(data);
      if (timer.success && timer.data.conferenceId === conferenceId) apply(timer.data);
    },
    read,
  );

  return { state, offsetMs, apply, error };
}

/** The current time on the server's clock, ticking `everyMs` (the countdown's second changes on time). */
export function useServerNow(offsetMs: number, everyMs = 200): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    setNow(Date.now() + offsetMs);
    const tick = setInterval(() => setNow(Date.now() + offsetMs), everyMs);
    return () => clearInterval(tick);
  }, [offsetMs, everyMs]);
  return now;
}
