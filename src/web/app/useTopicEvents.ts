import { useEffect, useRef, useState } from "react";
import { LiveMessage, liveEndpoints } from "../../contracts/live";

/** The stream's state as a page may show it: connecting (or reconnecting), open, or refused (403, 404…). */
export type LiveState = "connecting" | "open" | "closed";

interface Listener {
  types: readonly string[];
  onEvent: (type: string, data: LiveMessage["data"]) => void;
  onReconnect: () => void;
  onState: (state: LiveState) => void;
}

/**
 * One stream per topic for the whole page, shared by every component that hears it: a browser holds only six
 * connections to a server, and each open stream keeps one (the conference page's panels, the header bell and a
 * projector screen in another tab would otherwise use them up).
 */
interface Channel {
  listeners: Set<Listener>;
  source: EventSource | null;
  bound: Set<string>;
  retry: ReturnType<typeof setTimeout> | null;
  delay: number;
  state: LiveState;
}
const channels = new Map<string, Channel>();

function setState(channel: Channel, state: LiveState): void {
  channel.state = state;
  for (const l of channel.listeners) l.onState(state);
}

function bind(topic: string, channel: Channel, type: string): void {
  if (!channel.source || channel.bound.has(type)) return;
  channel.bound.add(type);
  channel.source.addEventListener(type, (e) => {
    const message = LiveMessage.safeParse(JSON.parse((e as MessageEvent<string>).data));
    if (!message.success || message.data.topic !== topic) return;
    for (const l of channel.listeners) if (l.types.includes(type)) l.onEvent(type, message.data.data);
  });
}

function open(topic: string, channel: Channel): void {
  setState(channel, "connecting");
  const source = new EventSource(`${liveEndpoints.events.path}?topics=${encodeURIComponent(topic)}`);
  channel.source = source;
  channel.bound = new Set();
  const reread = () => {
    for (const l of channel.listeners) l.onReconnect();
  };
  source.addEventListener("ready", () => {
    channel.delay = 2_000;
    setState(channel, "open");
    reread();
  });
  source.addEventListener("resync", reread);
  for (const l of channel.listeners) for (const type of l.types) bind(topic, channel, type);
  source.onerror = () => {
    if (channel.source !== source) return;
    // CONNECTING: the browser retries by itself. CLOSED (an error answer): try again later.
    if (source.readyState !== EventSource.CLOSED) return setState(channel, "connecting");
    setState(channel, "closed");
    source.close();
    channel.source = null;
    channel.retry = setTimeout(() => {
      channel.retry = null;
      if (channels.get(topic) === channel) open(topic, channel);
    }, channel.delay);
    channel.delay = Math.min(channel.delay * 2, 60_000);
  };
}

function join(topic: string, listener: Listener): () => void {
  let channel = channels.get(topic);
  if (!channel) {
    channel = { listeners: new Set(), source: null, bound: new Set(), retry: null, delay: 2_000, state: "connecting" };
    channels.set(topic, channel);
    channel.listeners.add(listener);
    open(topic, channel);
  } else {
    channel.listeners.add(listener);
    for (const type of listener.types) bind(topic, channel, type);
    listener.onState(channel.state);
    // Joining an open stream: events before this moment were not heard by this listener, so it reads once.
    if (channel.state === "open") listener.onReconnect();
  }
  const joined = channel;
  return () => {
    joined.listeners.delete(listener);
    if (joined.listeners.size > 0) return;
    channels.delete(topic);
    if (joined.retry) clearTimeout(joined.retry);
    joined.source?.close();
  };
}

/**
 * Hears one topic of the live stream (`GET /api/events?topics=<topic>`, server-sent events) while the component is
 * mounted: `onEvent(type, data)` for each event of the listed `types` on that topic, and `onReconnect()` whenever the
 * stream (re)opens or the server asks for a `resync`, so the page re-reads what it shows and nothing missed stays
 * missed. The browser's EventSource reconnects by itself; a refused stream is tried again with a growing delay.
 *
 * @example useTopicEvents(`conference:${id}`, ["attendance"], () => refetch(), () => refetch());
 */
export function useTopicEvents(
  topic: string | null,
  types: readonly string[],
  onEvent: (type: string, data: LiveMessage["data"]) => void,
  onReconnect: () => void,
): LiveState {
  const [state, setLocal] = useState<LiveState>("connecting");
  const handlers = useRef({ onEvent, onReconnect });
  handlers.current = { onEvent, onReconnect };
  const typeList = types.join(",");

  useEffect(() => {
    if (!topic || typeof EventSource === "undefined") return;
    return join(topic, {
      types: typeList.split(",").filter(Boolean),
      onEvent: (type, data) => handlers.current.onEvent(type, data),
      onReconnect: () => handlers.current.onReconnect(),
      onState: setLocal,
    });
  }, [topic, typeList]);

  return state;
}
