/**
 * Check-ins from the doors. A batch is verified (QR tokens with the conference's key, delegates of this
 * conference), then written in one transaction: each check-in inserted by its client-made id (a replay or a second
 * door's copy conflicts and is not recorded again), each delegate's first check-in claimed in `attendance` by
 * primary key (later ones are repeats, answered «Đã vào lúc 07:42, cửa 2»); once committed, an `attendance` event
 * on `conference:<id>` tells the screens to re-read (at most one per quarter second per process, the last never lost).
 */
import { inArray, type Query, sql } from "drizzle-orm";
import type { PgDialect } from "drizzle-orm/pg-core";
import type { CheckinBatch, CheckinBatchResult, CheckinItem, CheckinOutcome } from "../../../contracts/checkin";
import { verifyToken } from "../../../domain/checkin/token";
import { seatLabel } from "../../../domain/seating/layout";
import type { Db } from "../../db/client";
import { attendance, checkins } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { publishCoalesced } from "../../platform/live/index";
import { assertCheckIn, doorAccess } from "../conferences/policy";
import { conferenceTopic } from "../conferences/stage";
import { delegateView } from "../delegates/views";
import { seatView } from "../seating/views";
import { conferenceVerifyKey } from "./keys";

/** `07:42`: the Vietnam wall clock of an instant. */
export function wallClock(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(11, 16);
}

/** «cửa 2» for a door named by its number, else the door's own name. */
const doorName = (door: string) => (/^\d+$/.test(door) ? `cửa ${door}` : door);

/** What the door shows for a repeat: «Đã vào lúc 07:42, cửa 2». */
export const repeatMessage = (at: Date, door: string) => `Đã vào lúc ${wallClock(at)}, ${doorName(door)}.`;

const NOT_ON_LIST = "Không tìm thấy đại biểu này trong danh sách hội nghị. Hãy tải lại danh sách hoặc báo ban tổ chức.";
const REUSED = "Mã lượt điểm danh này đã được dùng cho một hội nghị khác. Hãy tải lại trang điểm danh rồi quét lại.";

interface Resolved {
  item: CheckinItem;
  delegateId: string | null;
  refusal: string | null;
}

async function resolve(db: Db, conferenceId: string, items: readonly CheckinItem[], now: Date): Promise<Resolved[]> {
  const needsKey = items.some((i) => i.token !== undefined);
  const key = needsKey ? await conferenceVerifyKey(db, conferenceId) : null;
  return Promise.all(
    items.map(async (item): Promise<Resolved> => {
      if (item.token === undefined || !key) return { item, delegateId: item.delegateId ?? null, refusal: null };
      const check = await verifyToken(item.token, { conferenceId, key, now: now.getTime() });
      return check.ok ? { item, delegateId: check.delegateId, refusal: null } : { item, delegateId: null, refusal: check.message };
    }),
  );
}

const refused = (clientId: string, message: string, delegateId: string | null = null): CheckinOutcome => ({
  clientId,
  status: "refused",
  delegateId,
  fullName: "",
  title: "",
  unitName: "",
  seatLabel: null,
  firstAt: null,
  firstDoor: null,
  message,
});

interface FirstCheckin {
  checkinId: string;
  door: string;
  scannedAt: Date;
}

interface Person {
  id: string;
  fullName: string;
  title: string;
  unitName: string;
  seatLabel: string | null;
}

interface Written {
  /** The delegates of this conference among those asked for, with their seats. */
  people: Map<string, Person>;
  /** Each of those delegates' counted check-in. */
  firsts: Map<string, FirstCheckin>;
  /** Client ids already recorded before this batch, with what they recorded. */
  reused: Map<string, { conferenceId: string; delegateId: string }>;
  /** Delegates this batch counted in. */
  claimed: number;
}

/** A PostgreSQL array literal of text values (`{"a","b"}`), whatever the driver does with JavaScript arrays. */
const pgArray = (values: readonly (string | null)[]) =>
  `{${values.map((v) => (v === null ? "NULL" : `"${v.replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;

type PreparedWrite = { execute(values: Record<string, string>): Promise<unknown> };
const writeStatements = new WeakMap<Db, PreparedWrite>();

/** The check-in statement's text and its placeholders in order (also read by the test of its generic plan). */
export function checkinWriteQuery(db: Db): Query {
  const p = (name: string) => sql.placeholder(name);
  const d = delegateView("d");
  const s = seatView("s");
  const statement = sql`
    with input (id, delegate_id, door, method, scanned_at) as (
      select * from unnest(${p("ids")}::uuid[], ${p("inputDelegates")}::uuid[], ${p("doors")}::text[], ${p("methods")}::text[],
        ${p("scannedAts")}::timestamptz[])),
    asked as materialized (
      select ${d.id} as id, ${d.conferenceId} as conference_id, ${d.fullName} as full_name, ${d.title} as title,
        ${d.unitName} as unit_name
      from ${d} where ${d.id} = any(${p("delegateIds")}::uuid[])),
    people as (
      select k.id, k.full_name, k.title, k.unit_name,
        ${s.blockName} as block_name, ${s.rowNumber} as row_number, ${s.seatNumber} as seat_number
      from asked k left join ${s} on ${s.delegateId} = k.id
      where k.conference_id = ${p("conferenceId")}::uuid),
    c as (
      insert into ${checkins} (id, conference_id, delegate_id, door, method, scanned_at, actor_id)
      select i.id, ${p("conferenceId")}::uuid, i.delegate_id, i.door, i.method, i.scanned_at, ${p("actorId")}::uuid
      from input i where i.delegate_id in (select id from people)
      on conflict (id) do nothing
      returning id, delegate_id, door, scanned_at),
    a as (
      insert into ${attendance} (delegate_id, conference_id, checkin_id, door, scanned_at)
      select distinct on (delegate_id) delegate_id, ${p("conferenceId")}::uuid, id, door, scanned_at from c order by delegate_id, scanned_at, id
      on conflict (delegate_id) do nothing
      returning delegate_id, checkin_id, door, scanned_at)
    select 'person' as kind, p.id::text as delegate_id,
      json_build_object('fullName', p.full_name, 'title', p.title, 'unitName', p.unit_name,
        'blockName', p.block_name, 'rowNumber', p.row_number, 'seatNumber', p.seat_number)::text as ref,
      null as door, null::timestamptz as scanned_at from people p
    union all
    select 'claimed', a.delegate_id::text, a.checkin_id::text, a.door, a.scanned_at from a
    union all
    select 'first', t.delegate_id::text, t.checkin_id::text, t.door, t.scanned_at from ${attendance} t
      where t.delegate_id in (select id from people)
    union all
    select 'earlier', e.delegate_id::text, e.conference_id::text, e.id::text, null from ${checkins} e
      where e.id = any(${p("ids")}::uuid[])`;
  return (db as unknown as { dialect: PgDialect }).dialect.sqlToQuery(statement);
}

/**
 * The check-in statement, prepared once per database with the batch as arrays (so its text never changes): planning
 * this statement each time cost the database more than running it. The asked delegates are read by their primary
 * key alone (a materialised step) and only then kept if of this conference: with the conference beside them in one
 * filter, the generic plan a prepared statement falls back to after five runs guessed a conference's size from the
 * number of conferences and scanned the conference's index instead, every delegate of it on each scan (30,000 index
 * entries per check-in in the bench: 983 scans/s instead of 1,317).
 */
function writeStatement(db: Db): PreparedWrite {
  const known = writeStatements.get(db);
  if (known) return known;
  // Drizzle prepares raw SQL through its session (the query builders' own path); no fields: the driver's rows.
  const internals = db as unknown as {
    session: { prepareQuery(query: Query, fields: undefined, name: string, arrayMode: boolean): PreparedWrite };
  };
  const prepared = internals.session.prepareQuery(checkinWriteQuery(db), undefined, "checkin_write", false);
  writeStatements.set(db, prepared);
  return prepared;
}

/**
 * One statement (so one round trip, its own transaction): keep the check-ins whose delegate is of this conference,
 * insert them by client id, claim each new one's delegate in `attendance`, and read
 * back every involved delegate (name, unit, seat), their counted check-in and the earlier rows of replayed client
 * ids (the statement's snapshot shows the rows from before it).
 */
async function writeCheckins(
  db: Db,
  o: { conferenceId: string; actorId: string; items: readonly Resolved[]; delegateIds: readonly string[] },
): Promise<Written> {
  const written: Written = { people: new Map(), firsts: new Map(), reused: new Map(), claimed: 0 };
  const items = o.items.filter((r) => r.delegateId);
  if (o.delegateIds.length === 0) return written;
  type Row = { kind: string; delegate_id: string; ref: string; door: string | null; scanned_at: Date | string | null };
  // node-postgres and PGlite both answer `{ rows }`.
  const result = (await writeStatement(db).execute({
    conferenceId: o.conferenceId,
    actorId: o.actorId,
    ids: pgArray(items.map((r) => r.item.clientId)),
    inputDelegates: pgArray(items.map((r) => r.delegateId)),
    doors: pgArray(items.map((r) => r.item.door)),
    methods: pgArray(items.map((r) => (r.item.token === undefined ? "name" : "qr"))),
    scannedAts: pgArray(items.map((r) => r.item.scannedAt)),
    delegateIds: pgArray(o.delegateIds),
  })) as unknown as { rows: Row[] };
  for (const row of result.rows) {
    if (row.kind === "person") {
      const p = JSON.parse(row.ref) as Omit<Person, "id" | "seatLabel"> & {
        blockName: string | null;
        rowNumber: number;
        seatNumber: number;
      };
      const seat = p.blockName === null ? null : seatLabel({ blockName: p.blockName, rowNumber: p.rowNumber, seatNumber: p.seatNumber });
      written.people.set(row.delegate_id, {
        id: row.delegate_id,
        fullName: p.fullName,
        title: p.title,
        unitName: p.unitName,
        seatLabel: seat,
      });
    } else if (row.kind === "first" || row.kind === "claimed") {
      if (row.kind === "claimed") written.claimed += 1;
      written.firsts.set(row.delegate_id, { checkinId: row.ref, door: row.door as string, scannedAt: new Date(row.scanned_at as string) });
    } else if (row.kind === "earlier") written.reused.set(row.door as string, { conferenceId: row.ref, delegateId: row.delegate_id });
  }
  // A door racing this one on the same delegate or client id: its rows committed after this statement's snapshot was
  // taken, and the conflict made this statement wait for them. A second read (a new snapshot) sees them.
  const missing = [...written.people.keys()].filter((id) => !written.firsts.has(id));
  const ids = items.filter((r) => missing.includes(r.delegateId as string)).map((r) => r.item.clientId);
  if (ids.length) {
    for (const a of await db.select().from(attendance).where(inArray(attendance.delegateId, missing)))
      written.firsts.set(a.delegateId, { checkinId: a.checkinId, door: a.door, scannedAt: a.scannedAt });
    for (const e of await db.select().from(checkins).where(inArray(checkins.id, ids)))
      if (!written.reused.has(e.id)) written.reused.set(e.id, { conferenceId: e.conferenceId, delegateId: e.delegateId });
  }
  return written;
}

export async function recordCheckins(
  db: Db,
  { actor, conferenceId, input, now = new Date() }: { actor: Actor; conferenceId: string; input: CheckinBatch; now?: Date },
): Promise<CheckinBatchResult> {
  assertCheckIn(await doorAccess(db, actor, conferenceId));
  const resolved = await resolve(db, conferenceId, input.checkins, now);
  const ids = [...new Set(resolved.flatMap((r) => (r.delegateId ? [r.delegateId] : [])))];
  const {
    people: person,
    firsts,
    reused,
    claimed,
  } = await writeCheckins(db, {
    conferenceId,
    actorId: actor.userId,
    items: resolved,
    delegateIds: ids,
  });
  // Screens re-read the attendance on this event: one per quarter second is enough, whatever the doors' pace.
  if (claimed > 0) publishCoalesced(db, { topic: conferenceTopic(conferenceId), type: "attendance" });
  const results = resolved.map((r): CheckinOutcome => {
    const clientId = r.item.clientId;
    if (r.refusal) return refused(clientId, r.refusal);
    const p = r.delegateId ? person.get(r.delegateId) : undefined;
    if (!r.delegateId || !p) return refused(clientId, NOT_ON_LIST, r.delegateId);
    const earlier = reused.get(clientId);
    if (earlier && (earlier.conferenceId !== conferenceId || earlier.delegateId !== r.delegateId))
      return refused(clientId, REUSED, r.delegateId);
    const first = firsts.get(r.delegateId);
    const { seatLabel } = p;
    const base = { clientId, delegateId: r.delegateId, fullName: p.fullName, title: p.title, unitName: p.unitName, seatLabel };
    if (!first) return refused(clientId, NOT_ON_LIST, r.delegateId);
    const firstAt = first.scannedAt.toISOString();
    if (first.checkinId === clientId)
      return { ...base, status: "counted", firstAt, firstDoor: first.door, message: seatLabel ? `Mời vào. ${seatLabel}.` : "Mời vào." };
    return { ...base, status: "repeat", firstAt, firstDoor: first.door, message: repeatMessage(first.scannedAt, first.door) };
  });
  return { results };
}
