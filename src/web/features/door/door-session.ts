/**
 * One door device at one conference, apart from React: the roster and arrivals it keeps, checking a delegate in
 * from a scanned code (verified offline with the conference's public key) or a pick by name, and the queue sent in
 * batches whenever the server can be reached (at once, then with growing pauses, and on the browser's `online`).
 */
import { type CheckinItem, checkinEndpoints, type Roster, type RosterDelegate } from "../../../contracts/checkin";
import { importPublicKey, type TokenRefusal, verifyToken } from "../../../domain/checkin/token";
import { searchWords } from "../../../domain/text/vietnamese";
import { ApiError, call } from "../../app/api";
import {
  type Arrival,
  arrivalKey,
  arrivalsOf,
  enqueue,
  getSetting,
  loadRoster,
  type QueuedCheckin,
  queueOf,
  saveRoster,
  settle,
} from "./store";

/** What the door shows after a scan or a pick: admitted (`counted`), already in (`repeat`), or a refused code. */
export type DoorOutcome =
  | { kind: "counted" | "repeat"; delegate: RosterDelegate | null; delegateId: string; at: string; door: string; clientId?: string }
  | { kind: "refused"; reason: TokenRefusal | "no_roster" | "no_door" };

export interface DoorState {
  roster: Roster | null;
  arrivals: Map<string, Arrival>;
  queue: QueuedCheckin[];
  /** The server answered the last request (and the browser says it is online). */
  online: boolean;
  /** The server's message when it refused the last batch (session ended, access withdrawn). */
  syncError: string | null;
  /** The server refused the roster (403/404): this user may not check in at this conference. */
  denied: string | null;
  loaded: boolean;
}

const RETRY_MS = [1000, 2000, 4000, 8000, 15_000];
const REFRESH_MS = 30_000;
/** The settings key of the door's name at a conference. */
export const doorKey = (conferenceId: string) => `door:${conferenceId}`;
const lostConnection = (error: unknown) => !(error instanceof ApiError) || error.code === "NETWORK" || error.status >= 500;

export class DoorSession {
  state: DoorState = {
    roster: null,
    arrivals: new Map(),
    queue: [],
    online: navigator.onLine,
    syncError: null,
    denied: null,
    loaded: false,
  };
  private listeners = new Set<() => void>();
  private key: Promise<CryptoKey> | null = null;
  private flushing = false;
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private refresher: ReturnType<typeof setInterval> | undefined;
  /** Check-ins are taken one after another: two quick scans of one delegate must not both be queued. */
  private admitting: Promise<unknown> = Promise.resolve();
  private readonly onOnline = () => void this.refresh().then(() => this.flush());
  private readonly onOffline = () => this.set({ online: false });

  constructor(readonly conferenceId: string) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<DoorState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Opens the local copy at once, then asks the server for a fresh roster and sends what is still queued. */
  async start(): Promise<void> {
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
    const roster = (await loadRoster(this.conferenceId)) ?? null;
    this.takeRoster(roster);
    await this.reload({ loaded: true });
    await this.refresh();
    void this.flush();
    this.refresher = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  stop(): void {
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
    clearTimeout(this.retry);
    clearInterval(this.refresher);
    this.listeners.clear();
  }

  private takeRoster(roster: Roster | null) {
    this.key = roster ? importPublicKey(roster.publicKey) : null;
    this.set({ roster });
  }

  private async reload(extra: Partial<DoorState> = {}) {
    const [arrivals, queue] = await Promise.all([arrivalsOf(this.conferenceId), queueOf(this.conferenceId)]);
    this.set({ arrivals: new Map(arrivals.map((a) => [a.delegateId, a])), queue, ...extra });
  }

  /** Online while the server answers (a refusal is an answer too); a failed connection or a 5xx means offline. */
  private reachable(ok: boolean, error: unknown = null) {
    this.set({ online: ok || !lostConnection(error) });
  }

  /** Downloads the roster when the server answers; the local copy stays in use when it does not. */
  async refresh(): Promise<void> {
    try {
      const roster = await call(checkinEndpoints.roster, { params: { id: this.conferenceId } });
      await saveRoster(roster);
      this.takeRoster(roster);
      this.reachable(true);
      await this.reload({ denied: null });
    } catch (error) {
      this.reachable(false, error);
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) this.set({ denied: error.message });
    }
  }

  pending(): number {
    return this.state.queue.filter((q) => !q.result).length;
  }

  /** Delegates whose name, unit or title hold every word typed (with or without diacritics), at most `limit`. */
  find(query: string, limit = 20): RosterDelegate[] {
    const words = searchWords(query);
    if (words.length === 0 || !this.state.roster) return [];
    return this.state.roster.delegates.filter((d) => words.every((w) => d.searchKey.includes(w))).slice(0, limit);
  }

  delegate(id: string): RosterDelegate | null {
    return this.state.roster?.delegates.find((d) => d.id === id) ?? null;
  }

  /** A scanned or typed code: verified offline, then checked in. */
  async checkInCode(token: string): Promise<DoorOutcome> {
    if (!this.key) return { kind: "refused", reason: "no_roster" };
    const check = await verifyToken(token.trim(), { conferenceId: this.conferenceId, key: await this.key, now: Date.now() });
    if (!check.ok) return { kind: "refused", reason: check.reason };
    return this.admit(check.delegateId, { token: token.trim() });
  }

  /** A delegate found by name. */
  checkInDelegate(delegateId: string): Promise<DoorOutcome> {
    return this.admit(delegateId, { delegateId });
  }

  private admit(delegateId: string, what: { token: string } | { delegateId: string }): Promise<DoorOutcome> {
    const next = this.admitting.then(() => this.admitNow(delegateId, what));
    this.admitting = next.catch(() => undefined);
    return next;
  }

  private async admitNow(delegateId: string, what: { token: string } | { delegateId: string }): Promise<DoorOutcome> {
    const door = (await getSetting(doorKey(this.conferenceId)))?.trim() ?? "";
    if (!door) return { kind: "refused", reason: "no_door" };
    const delegate = this.delegate(delegateId);
    const known = this.state.arrivals.get(delegateId);
    if (known) return { kind: "repeat", delegate, delegateId, at: known.at, door: known.door };
    const at = new Date().toISOString();
    const item: QueuedCheckin = {
      clientId: crypto.randomUUID(),
      conferenceId: this.conferenceId,
      ...what,
      forDelegate: delegateId,
      door,
      scannedAt: at,
    };
    const arrival: Arrival = {
      key: arrivalKey(this.conferenceId, delegateId),
      conferenceId: this.conferenceId,
      delegateId,
      at,
      door,
      confirmed: false,
    };
    await enqueue(item, arrival);
    await this.reload();
    void this.flush();
    return { kind: "counted", delegate, delegateId, at, door, clientId: item.clientId };
  }

  /** Sends the queue in batches of up to 500 until it is empty; on failure tries again later, each pause longer. */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    clearTimeout(this.retry);
    try {
      for (;;) {
        const batch = (await queueOf(this.conferenceId)).filter((q) => !q.result).slice(0, 500);
        if (batch.length === 0) break;
        const checkins = batch.map(
          (q): CheckinItem => ({ clientId: q.clientId, token: q.token, delegateId: q.delegateId, door: q.door, scannedAt: q.scannedAt }),
        );
        const { results } = await call(checkinEndpoints.post, { params: { id: this.conferenceId }, body: { checkins } });
        const answers = new Map(results.map((r) => [r.clientId, r]));
        await settle(
          this.conferenceId,
          batch.flatMap((q) => (answers.has(q.clientId) ? [{ ...q, result: answers.get(q.clientId) }] : [])),
        );
        this.failures = 0;
        this.reachable(true);
        this.set({ syncError: null });
        await this.reload();
      }
    } catch (error) {
      this.reachable(false, error);
      this.set({ syncError: lostConnection(error) ? null : (error as ApiError).message });
      this.retry = setTimeout(() => void this.flush(), RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)]);
    } finally {
      this.flushing = false;
    }
  }
}
