/**
 * What a door device keeps in IndexedDB (idb), so the page goes on when the hall's network drops: each conference's
 * roster with its public key, the arrivals this device knows of (its own check-ins and those the roster or the
 * server reported), the queue of check-ins not yet accepted by the server, and the door's name.
 */
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { CheckinOutcome, Roster } from "../../../contracts/checkin";

/** One check-in made on this device: sent in batches until the server has answered it. */
export interface QueuedCheckin {
  clientId: string;
  conferenceId: string;
  token?: string;
  delegateId?: string;
  /** The delegate this device took the check-in for (read from the verified code or picked by name). */
  forDelegate: string | null;
  door: string;
  scannedAt: string;
  /** Filled when the server has answered; until then the check-in is pending. */
  result?: CheckinOutcome;
}

/** A delegate known to be in: when and at which door; `confirmed` once the server has said so. */
export interface Arrival {
  key: string;
  conferenceId: string;
  delegateId: string;
  at: string;
  door: string;
  confirmed: boolean;
}

interface DoorDb extends DBSchema {
  rosters: { key: string; value: Roster };
  arrivals: { key: string; value: Arrival; indexes: { byConference: string } };
  queue: { key: string; value: QueuedCheckin; indexes: { byConference: string } };
  settings: { key: string; value: string };
}

let opened: Promise<IDBPDatabase<DoorDb>> | null = null;

function db(): Promise<IDBPDatabase<DoorDb>> {
  opened ??= openDB<DoorDb>("kehoach-door", 1, {
    upgrade(database) {
      database.createObjectStore("rosters");
      database.createObjectStore("arrivals", { keyPath: "key" }).createIndex("byConference", "conferenceId");
      database.createObjectStore("queue", { keyPath: "clientId" }).createIndex("byConference", "conferenceId");
      database.createObjectStore("settings");
    },
  });
  return opened;
}

export const arrivalKey = (conferenceId: string, delegateId: string) => `${conferenceId}:${delegateId}`;

export async function loadRoster(conferenceId: string): Promise<Roster | undefined> {
  return (await db()).get("rosters", conferenceId);
}

/**
 * Keeps a freshly downloaded roster and takes its check-ins as confirmed arrivals (the server's word wins over a
 * local guess: a delegate this device let in but whom another door counted first shows that door's time).
 */
/** The conferences whose roster this device holds: the door list when the server cannot be reached. */
export async function savedRosters(): Promise<Array<{ id: string; title: string }>> {
  return (await (await db()).getAll("rosters")).map((r) => ({ id: r.conferenceId, title: r.title }));
}

export async function saveRoster(roster: Roster): Promise<void> {
  const tx = (await db()).transaction(["rosters", "arrivals"], "readwrite");
  await tx.objectStore("rosters").put(roster, roster.conferenceId);
  const arrivals = tx.objectStore("arrivals");
  for (const d of roster.delegates) {
    if (!d.checkedInAt || !d.door) continue;
    const key = arrivalKey(roster.conferenceId, d.id);
    await arrivals.put({ key, conferenceId: roster.conferenceId, delegateId: d.id, at: d.checkedInAt, door: d.door, confirmed: true });
  }
  await tx.done;
}

export async function arrivalsOf(conferenceId: string): Promise<Arrival[]> {
  return (await db()).getAllFromIndex("arrivals", "byConference", conferenceId);
}

export async function queueOf(conferenceId: string): Promise<QueuedCheckin[]> {
  const all = await (await db()).getAllFromIndex("queue", "byConference", conferenceId);
  return all.sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
}

/** Records a check-in made on this device: queued for the server and, when the delegate is known, an arrival. */
export async function enqueue(item: QueuedCheckin, arrival: Arrival | null): Promise<void> {
  const tx = (await db()).transaction(["queue", "arrivals"], "readwrite");
  await tx.objectStore("queue").put(item);
  if (arrival) await tx.objectStore("arrivals").put(arrival);
  await tx.done;
}

/** Stores the server's answers: counted and repeat confirm the delegate's (first) arrival, refused removes a local guess. */
export async function settle(conferenceId: string, answered: QueuedCheckin[]): Promise<void> {
  const tx = (await db()).transaction(["queue", "arrivals"], "readwrite");
  const arrivals = tx.objectStore("arrivals");
  for (const item of answered) {
    await tx.objectStore("queue").put(item);
    const r = item.result;
    if (!r?.delegateId) continue;
    const key = arrivalKey(conferenceId, r.delegateId);
    if (r.status === "refused") {
      const known = await arrivals.get(key);
      if (known && !known.confirmed) await arrivals.delete(key);
    } else if (r.firstAt && r.firstDoor)
      await arrivals.put({ key, conferenceId, delegateId: r.delegateId, at: r.firstAt, door: r.firstDoor, confirmed: true });
  }
  await tx.done;
}

export async function getSetting(key: string): Promise<string | undefined> {
  return (await db()).get("settings", key);
}

export async function setSetting(key: string, value: string): Promise<void> {
  await (await db()).put("settings", value, key);
}
