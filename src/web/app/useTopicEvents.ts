import { useEffect, useRef, useState } from "react";
import { LiveMessage, liveEndpoints } from "../../contracts/live";

/** The stream's state as a page may show it: connecting (or reconnecting), open, or refused (403, 404…). */
export type LiveState = "connecting" | "open" | "closed";

/**
 * Hears one topic of the live stream (`GET /api/events?topics=<topic>`, server-sent events) while the page is open:
 * `onEvent(type, data)` for each event of the listed `types` on that topic, and `onReconnect()` whenever the stream
 * (re)opens or the server asks for a `resync`, so the page re-reads what it shows and nothing missed stays missed.
 * The browser's EventSource reconnects by itself; a refused stream is tried again with a growing delay.
 *
 * @example useTopicEvents(`conference:${id}`, ["attendance"], () => refetch(), () => refetch());
 */
export function useTopicEvents(
  topic: string | null,
  types: readonly string[],
  onEvent: (type: string, data: LiveMessage["data"]) => void,
  onReconnect: () => void,
): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const handlers = useRef({ onEvent, onReconnect });
  handlers.current = { onEvent, onReconnect };
  const typeList = types.join(",");

  useEffect(() => {
    if (!topic || typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    let delay = 2_000;
    const open = () => {
      setState("connecting");
      source = new EventSource(`${liveEndpoints.events.path}?topics=${encodeURIComponent(topic)}`);
      source.addEventListener("ready", () => {
        delay = 2_000;
        setState("open");
        handlers.current.onReconnect();
      });
      source.addEventListener("resync", () => handlers.current.onReconnect());
      for (const type of typeList.split(",").filter(Boolean))
        source.addEventListener(type, (e) => {
          const message = LiveMessage.safeParse(JSON.parse((e as MessageEvent<string>).data));
          if (message.success && message.data.topic === topic) handlers.current.onEvent(type, message.data.data);
        });
      source.onerror = () => {
        if (stopped || !source) return;
        // CONNECTING: the browser retries by itself. CLOSED (an error answer): try again later.
        if (source.readyState !== EventSource.CLOSED) {
          setState("connecting");
          return;
        }
        setState("closed");
        source.close();
        retry = setTimeout(() => {
          if (!stopped) open();
        }, delay);
        delay = Math.min(delay * 2, 60_000);
      };
    };
    open();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [topic, typeList]);

  return state;
}
