import { randomBytes } from "node:crypto";
import type { Actor } from "../access";
import type { LiveEvent } from "./publish";

/** An event as a subscriber receives it: with the id a reconnecting client sends back as `Last-Event-ID`. */
export interface DeliveredEvent extends LiveEvent {
  id: string;
}

/** Where the hub sends a subscriber's events. `resync` means "events may have been missed: re-read everything". */
export interface LiveSink {
  event(e: DeliveredEvent): void;
  resync(): void;
}

/** Decides whether `actor` may hear topic `<kind>:<id>`; a module registers one per kind it owns. */
export type TopicAuthorizer = (actor: Actor, id: string) => boolean | Promise<boolean>;

const REPLAY = 1_000;

/**
 * One per process: fans out the events its database listener hears to the subscribers of each topic, and keeps
 * the last 1,000 so a client reconnecting to this process with `Last-Event-ID` misses nothing. Ids carry the
 * process's tag: an id from another process (or too old) gets a `resync` instead.
 */
export class LiveHub {
  readonly tag = randomBytes(4).toString("hex");
  private seq = 0;
  private readonly recent: DeliveredEvent[] = [];
  private readonly byTopic = new Map<string, Set<LiveSink>>();
  private readonly authorizers = new Map<string, TopicAuthorizer>();

  constructor() {
    this.authorizeTopic("user", (actor, id) => actor.userId === id);
    this.authorizeTopic("unit", (actor, id) => actor.grants.some((g) => g.unitId === id && (g.role === "member" || g.role === "manager")));
  }

  /** Registers who may hear `<kind>:…` (e.g. "plan": whoever may read the plan). */
  authorizeTopic(kind: string, authorizer: TopicAuthorizer): void {
    if (this.authorizers.has(kind)) throw new Error(`live topic kind registered twice: ${kind}`);
    this.authorizers.set(kind, authorizer);
  }

  /** True when the actor may hear the topic; an unknown kind is never allowed. */
  async mayHear(actor: Actor, topic: string): Promise<boolean> {
    const at = topic.indexOf(":");
    const authorizer = at > 0 ? this.authorizers.get(topic.slice(0, at)) : undefined;
    return authorizer ? Boolean(await authorizer(actor, topic.slice(at + 1))) : false;
  }

  /** A payload heard on the channel (from any process, this one included, after its transaction committed). */
  deliver(payload: string): void {
    let parsed: LiveEvent;
    try {
      parsed = JSON.parse(payload) as LiveEvent;
    } catch {
      return;
    }
    if (typeof parsed?.topic !== "string" || typeof parsed.type !== "string") return;
    this.seq += 1;
    const event: DeliveredEvent = { id: `${this.tag}-${this.seq}`, topic: parsed.topic, type: parsed.type, data: parsed.data ?? {} };
    this.recent.push(event);
    if (this.recent.length > REPLAY) this.recent.shift();
    for (const sink of this.byTopic.get(event.topic) ?? []) sink.event(event);
  }

  /** The listener lost its connection: events may have gone by unheard, so every subscriber re-reads. */
  gap(): void {
    const all = new Set<LiveSink>();
    for (const sinks of this.byTopic.values()) for (const s of sinks) all.add(s);
    for (const s of all) s.resync();
  }

  subscribe(topics: readonly string[], sink: LiveSink): () => void {
    for (const t of topics) {
      const sinks = this.byTopic.get(t) ?? new Set<LiveSink>();
      sinks.add(sink);
      this.byTopic.set(t, sinks);
    }
    return () => {
      for (const t of topics) {
        const sinks = this.byTopic.get(t);
        sinks?.delete(sink);
        if (sinks?.size === 0) this.byTopic.delete(t);
      }
    };
  }

  /** The events after `lastId` on these topics, or null when this process cannot tell (another process, too old). */
  since(lastId: string, topics: readonly string[]): DeliveredEvent[] | null {
    const [tag, n] = lastId.split("-");
    const seq = Number(n);
    if (tag !== this.tag || !Number.isInteger(seq) || seq > this.seq) return null;
    const oldest = this.recent[0] ? Number(this.recent[0].id.split("-")[1]) : this.seq + 1;
    if (seq + 1 < oldest) return null;
    const wanted = new Set(topics);
    return this.recent.filter((e) => Number(e.id.split("-")[1]) > seq && wanted.has(e.topic));
  }

  /** How many subscriptions are open (tests, health). */
  get subscribers(): number {
    let n = 0;
    for (const sinks of this.byTopic.values()) n += sinks.size;
    return n;
  }
}
