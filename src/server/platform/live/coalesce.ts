import type { Db } from "../../db/client";
import { type LiveEvent, publish } from "./publish";

interface Pending {
  last: number;
  timer: NodeJS.Timeout | null;
}

const pending = new Map<string, Pending>();

/**
 * Publishes `event` at most once per `windowMs` for its topic and type in this process: the first at once, the
 * ones that follow within the window as one more at its end. For events that only say "read again" (attendance
 * while a thousand delegates a minute come in): screens re-read as often as is useful, and the database does not
 * carry a notification per row. Call it after the change has committed; a trailing event that fails is dropped
 * (the next change, or the client's re-read on reconnection, catches up).
 */
export function publishCoalesced(db: Db, event: LiveEvent, windowMs = 250): void {
  const key = `${event.topic} ${event.type}`;
  const state = pending.get(key) ?? { last: 0, timer: null };
  pending.set(key, state);
  if (state.timer) return;
  const send = () => {
    state.last = Date.now();
    state.timer = null;
    publish(db, event).catch(() => undefined);
  };
  const wait = state.last + windowMs - Date.now();
  if (wait <= 0) send();
  else {
    state.timer = setTimeout(send, wait);
    state.timer.unref();
  }
  if (pending.size > 10_000) for (const [k, s] of pending) if (!s.timer) pending.delete(k);
}
