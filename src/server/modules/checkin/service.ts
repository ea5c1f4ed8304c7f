/**
 * Check-ins from the doors. A batch is verified (QR tokens with the conference's key, delegates of this
 * conference), then written in one transaction: each check-in inserted by its client-made id (a replay or a second
 * door's copy conflicts and is not recorded again), each delegate's first check-in claimed in `attendance` by
 * primary key (later ones are repeats, answered «Đã vào lúc 07:42, cửa 2»), and one live event per counted check-in
 * published on `conference:<id>` as the transaction commits.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { CheckinBatch, CheckinBatchResult, CheckinItem, CheckinOutcome } from "../../../contracts/checkin";
import { verifyToken } from "../../../domain/checkin/token";
import type { Db } from "../../db/client";
import { attendance, checkins } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { publish } from "../../platform/live/index";
import { assertCheckIn, doorAccess } from "../conferences/policy";
import { conferenceTopic } from "../conferences/stage";
import { delegateView } from "../delegates/views";
import { seatOfDelegates } from "../seating/queries";
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

export async function recordCheckins(
  db: Db,
  { actor, conferenceId, input, now = new Date() }: { actor: Actor; conferenceId: string; input: CheckinBatch; now?: Date },
): Promise<CheckinBatchResult> {
  assertCheckIn(await doorAccess(db, actor, conferenceId));
  const resolved = await resolve(db, conferenceId, input.checkins, now);
  const ids = [...new Set(resolved.flatMap((r) => (r.delegateId ? [r.delegateId] : [])))];
  const d = delegateView("d");
  const people = ids.length
    ? await db
        .select({ id: d.id, fullName: d.fullName, title: d.title, unitName: d.unitName })
        .from(d)
        .where(and(eq(d.conferenceId, conferenceId), inArray(d.id, ids)))
    : [];
  const person = new Map(people.map((p) => [p.id, p]));
  const valid = resolved.filter((r) => r.delegateId && person.has(r.delegateId));

  const { firsts, reused } = await db.transaction(async (tx) => {
    const rows = valid.map((r) => ({
      id: r.item.clientId,
      conferenceId,
      delegateId: r.delegateId as string,
      door: r.item.door,
      method: r.item.token === undefined ? ("name" as const) : ("qr" as const),
      scannedAt: new Date(r.item.scannedAt),
      actorId: actor.userId,
    }));
    const inserted = rows.length ? await tx.insert(checkins).values(rows).onConflictDoNothing().returning({ id: checkins.id }) : [];
    const fresh = new Set(inserted.map((r) => r.id));
    const replayed = rows.filter((r) => !fresh.has(r.id)).map((r) => r.id);
    const earlier = replayed.length
      ? await tx
          .select({ id: checkins.id, conferenceId: checkins.conferenceId, delegateId: checkins.delegateId })
          .from(checkins)
          .where(inArray(checkins.id, replayed))
      : [];
    const claims = rows
      .filter((r) => fresh.has(r.id))
      .map((r) => ({ delegateId: r.delegateId, conferenceId, checkinId: r.id, door: r.door, scannedAt: r.scannedAt }));
    const counted = claims.length ? await tx.insert(attendance).values(claims).onConflictDoNothing().returning() : [];
    const known = new Map(counted.map((a) => [a.delegateId, a]));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length)
      for (const a of await tx.select().from(attendance).where(inArray(attendance.delegateId, missing))) known.set(a.delegateId, a);
    if (counted.length)
      await publish(
        tx,
        counted.map((a) => ({
          topic: conferenceTopic(conferenceId),
          type: "attendance",
          data: { delegateId: a.delegateId, door: a.door },
        })),
      );
    return { firsts: known, reused: new Map(earlier.map((e) => [e.id, e])) };
  });

  const seatsOf = await seatOfDelegates(db, conferenceId, [...person.keys()]);
  const results = resolved.map((r): CheckinOutcome => {
    const clientId = r.item.clientId;
    if (r.refusal) return refused(clientId, r.refusal);
    const p = r.delegateId ? person.get(r.delegateId) : undefined;
    if (!r.delegateId || !p) return refused(clientId, NOT_ON_LIST, r.delegateId);
    const earlier = reused.get(clientId);
    if (earlier && (earlier.conferenceId !== conferenceId || earlier.delegateId !== r.delegateId))
      return refused(clientId, REUSED, r.delegateId);
    const first = firsts.get(r.delegateId);
    const seatLabel = seatsOf.get(r.delegateId)?.label ?? null;
    const base = { clientId, delegateId: r.delegateId, fullName: p.fullName, title: p.title, unitName: p.unitName, seatLabel };
    if (!first) return refused(clientId, NOT_ON_LIST, r.delegateId);
    const firstAt = first.scannedAt.toISOString();
    if (first.checkinId === clientId)
      return { ...base, status: "counted", firstAt, firstDoor: first.door, message: seatLabel ? `Mời vào. ${seatLabel}.` : "Mời vào." };
    return { ...base, status: "repeat", firstAt, firstDoor: first.door, message: repeatMessage(first.scannedAt, first.door) };
  });
  return { results };
}
