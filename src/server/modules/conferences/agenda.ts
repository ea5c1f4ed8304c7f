import { eq } from "drizzle-orm";
import type { AddAgendaItemRequest, MoveAgendaItemRequest, UpdateAgendaItemRequest } from "../../../contracts/conferences";
import { dueInstant, vietnamClock, vietnamToday } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { conferenceAgendaItems, conferences } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { AppError, conflict, invalidState, notFound } from "../../platform/errors";
import { findUnitRef } from "../organisations/views";
import { agendaProblem, movedAgenda } from "./agenda-rules";
import { agendaKindOf } from "./imported";
import { assertOrganiser, conferenceAccess } from "./policy";
import { lockConference } from "./service";

type AgendaRow = typeof conferenceAgendaItems.$inferSelect;

interface AgendaChange {
  actor: Actor;
  conferenceId: string;
  version: number;
  action: string;
  /** The agenda as it should be, from the agenda as it is and the conference's day (`2026-06-02`). */
  change: (items: AgendaRow[], day: string) => AgendaRow[] | Promise<AgendaRow[]>;
}

/**
 * Every agenda write: organisers only, the conference's version checked and bumped, the new agenda checked whole
 * (inside the hours, no overlap; refused with the clash named and nothing changed) and written in one transaction,
 * in time order.
 */
async function changeAgenda(db: Db, o: AgendaChange): Promise<void> {
  const access = await conferenceAccess(db, o.actor, o.conferenceId);
  assertOrganiser(access);
  await db.transaction(async (tx) => {
    const conference = await lockConference(tx, o.conferenceId, o.version);
    if (!conference.startsAt || !conference.endsAt)
      throw invalidState("Hội nghị chưa có ngày và giờ bắt đầu, kết thúc. Hãy nhập ở thẻ «Thông tin» trước khi sắp xếp chương trình.");
    const before = await tx.select().from(conferenceAgendaItems).where(eq(conferenceAgendaItems.conferenceId, o.conferenceId));
    const after = await o.change(before, vietnamToday(conference.startsAt));
    const problem = agendaProblem(after, conference);
    if (problem) throw conflict(problem);
    const ordered = [...after].sort(
      (a, b) =>
        (a.startsAt?.getTime() ?? Number.MAX_SAFE_INTEGER) - (b.startsAt?.getTime() ?? Number.MAX_SAFE_INTEGER) ||
        a.sortOrder - b.sortOrder,
    );
    const kept = new Set(ordered.map((a) => a.id));
    for (const gone of before.filter((a) => !kept.has(a.id)))
      await tx.delete(conferenceAgendaItems).where(eq(conferenceAgendaItems.id, gone.id));
    const existing = new Set(before.map((a) => a.id));
    for (const [i, item] of ordered.entries()) {
      const { id, conferenceId, ...fields } = item;
      if (existing.has(id))
        await tx
          .update(conferenceAgendaItems)
          .set({ ...fields, sortOrder: i })
          .where(eq(conferenceAgendaItems.id, id));
      else await tx.insert(conferenceAgendaItems).values({ ...item, sortOrder: i });
    }
    await tx
      .update(conferences)
      .set({ version: conference.version + 1, updatedAt: new Date() })
      .where(eq(conferences.id, o.conferenceId));
    await recordAudit(tx, { actor: o.actor, action: o.action, entityType: "conference", entityId: o.conferenceId });
  });
}

function times(day: string, start: string, end: string) {
  if (end <= start) throw new AppError("VALIDATION", `Giờ kết thúc (${end}) phải sau giờ bắt đầu (${start}).`);
  return { startsAt: dueInstant(day, start), endsAt: dueInstant(day, end) };
}

async function checkUnit(db: Db, unitId: string | null | undefined) {
  if (unitId && !(await findUnitRef(db, unitId))) throw new AppError("VALIDATION", "Không tìm thấy đơn vị phụ trách. Hãy chọn lại.");
}

function requireItem(items: AgendaRow[], itemId: string): AgendaRow {
  const item = items.find((i) => i.id === itemId);
  if (!item) throw notFound("Không tìm thấy mục này trong chương trình hội nghị. Hãy tải lại trang.");
  return item;
}

export async function addAgendaItem(db: Db, o: { actor: Actor; conferenceId: string; input: AddAgendaItemRequest }) {
  const { version, start, end, kind, responsibleUnitId, ...fields } = o.input;
  await checkUnit(db, responsibleUnitId);
  await changeAgenda(db, {
    actor: o.actor,
    conferenceId: o.conferenceId,
    version,
    action: "conference.agenda_add",
    change: (items, day) => [
      ...items,
      {
        id: crypto.randomUUID(),
        conferenceId: o.conferenceId,
        ...fields,
        responsibleUnitId: responsibleUnitId ?? null,
        kind: kind ?? agendaKindOf(fields.content),
        ...times(day, start, end),
        sortOrder: items.length,
      },
    ],
  });
}

export async function updateAgendaItem(db: Db, o: { actor: Actor; conferenceId: string; itemId: string; input: UpdateAgendaItemRequest }) {
  const { version, start, end, ...fields } = o.input;
  await checkUnit(db, fields.responsibleUnitId);
  await changeAgenda(db, {
    actor: o.actor,
    conferenceId: o.conferenceId,
    version,
    action: "conference.agenda_update",
    change: (items, day) => {
      const item = requireItem(items, o.itemId);
      const was = { start: item.startsAt, end: item.endsAt };
      const clock = (at: Date | null) => (at ? vietnamClock(at) : null);
      const s = start ?? clock(was.start);
      const e = end ?? clock(was.end);
      const hours = start !== undefined || end !== undefined ? times(day, s ?? "", e ?? "") : {};
      const changed = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      return items.map((i) => (i.id === item.id ? { ...i, ...changed, ...hours } : i));
    },
  });
}

export async function deleteAgendaItem(db: Db, o: { actor: Actor; conferenceId: string; itemId: string; version: number }) {
  await changeAgenda(db, {
    actor: o.actor,
    conferenceId: o.conferenceId,
    version: o.version,
    action: "conference.agenda_delete",
    change: (items) => {
      requireItem(items, o.itemId);
      return items.filter((i) => i.id !== o.itemId);
    },
  });
}

/** Moves an item to a new start, keeping its length; with `shiftFollowing` every later item moves as much (all or nothing). */
export async function moveAgendaItem(db: Db, o: { actor: Actor; conferenceId: string; itemId: string; input: MoveAgendaItemRequest }) {
  await changeAgenda(db, {
    actor: o.actor,
    conferenceId: o.conferenceId,
    version: o.input.version,
    action: "conference.agenda_move",
    change: (items, day) => {
      const item = requireItem(items, o.itemId);
      if (!item.startsAt || !item.endsAt) throw invalidState("Mục này chưa có giờ. Hãy sửa mục để nhập giờ bắt đầu và kết thúc.");
      return movedAgenda(items, item.id, dueInstant(day, o.input.start), o.input.shiftFollowing);
    },
  });
}
