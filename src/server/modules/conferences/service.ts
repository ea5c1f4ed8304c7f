import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { ConferenceDetail, ConferenceSummary, CreateConferenceRequest, UpdateConferenceRequest } from "../../../contracts/conferences";
import { dueInstant, vietnamClock, vietnamToday } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import {
  conferenceAgendaItems,
  conferenceAwards,
  conferenceDelegateGroups,
  conferenceLogistics,
  conferenceSpeeches,
  conferences,
} from "../../db/schema/index";
import { type Actor, assertCan, canManage, canRead } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { AppError, invalidState, notFound, versionConflict } from "../../platform/errors";
import { findUnitRef, findUnitRefs } from "../organisations/views";
import { listReadablePlans, planTasksActor } from "../plans/queries";
import { findPlanRef } from "../plans/views";
import { agendaProblem } from "./agenda-rules";
import { assertOrganiser, conferenceAccess } from "./policy";
import { presentConferenceDetail, presentConferenceSummary } from "./presenter";

const bad = (message: string) => new AppError("VALIDATION", message);

/** The conference as its page shows it: details, delegate groups, agenda in time order with its total. */
export async function getConference(db: Db, actor: Actor, conferenceId: string): Promise<ConferenceDetail> {
  const access = await conferenceAccess(db, actor, conferenceId);
  const [conference] = await db.select().from(conferences).where(eq(conferences.id, conferenceId));
  const [groups, agenda, host] = await Promise.all([
    db
      .select()
      .from(conferenceDelegateGroups)
      .where(eq(conferenceDelegateGroups.conferenceId, conferenceId))
      .orderBy(asc(conferenceDelegateGroups.sortOrder)),
    db
      .select()
      .from(conferenceAgendaItems)
      .where(eq(conferenceAgendaItems.conferenceId, conferenceId))
      .orderBy(asc(conferenceAgendaItems.sortOrder)),
    findUnitRef(db, conference.hostUnitId),
  ]);
  return presentConferenceDetail({
    conference,
    plan: access.plan,
    hostUnitName: host?.name ?? "",
    groups,
    agenda,
    canOrganise: access.canOrganise,
  });
}

async function summaries(
  db: Db,
  planIds: string[],
  plans: Map<string, { title: string; number: string | null; status: "draft" | "issued" | "closed" }>,
) {
  if (planIds.length === 0) return [];
  const rows = await db.select().from(conferences).where(inArray(conferences.planId, planIds)).orderBy(asc(conferences.sortOrder));
  const hosts = new Map((await findUnitRefs(db, [...new Set(rows.map((r) => r.hostUnitId))])).map((u) => [u.id, u.name]));
  return rows.flatMap((r) => {
    const plan = plans.get(r.planId);
    return plan ? [presentConferenceSummary(r, plan, hosts.get(r.hostUnitId) ?? "")] : [];
  });
}

/** The conferences of a plan the actor may read (else 404, as for the plan), in the plan's order. */
export async function listPlanConferences(db: Db, actor: Actor, planId: string): Promise<ConferenceSummary[]> {
  const plan = await findPlanRef(db, planId);
  if (!plan || !(canRead(actor, plan.issuerPath) || (await planTasksActor(db, actor, plan.id))))
    throw notFound("Không tìm thấy kế hoạch hoặc bạn không có quyền xem kế hoạch này.");
  return summaries(db, [plan.id], new Map([[plan.id, plan]]));
}

/** Every conference of the plans the actor may read: upcoming first (soonest first), then past ones (latest first), then undated. */
export async function listConferences(db: Db, actor: Actor, now = new Date()): Promise<ConferenceSummary[]> {
  const plans = await listReadablePlans(db, actor);
  const list = await summaries(
    db,
    plans.map((p) => p.id),
    new Map(plans.map((p) => [p.id, p])),
  );
  const key = (c: ConferenceSummary) => {
    if (!c.endsAt && !c.startsAt) return [2, 0];
    const at = new Date(c.endsAt ?? c.startsAt ?? 0).getTime();
    return at >= now.getTime() ? [0, at] : [1, -at];
  };
  return list.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1] - kb[1];
  });
}

/** Date and times (Vietnam wall-clock) → instants; refuses a start without a date or an end not after the start. */
function hoursOf(date: string | null, start: string | null, end: string | null) {
  if (!date) {
    if (start || end) throw bad("Hãy chọn ngày họp trước khi nhập giờ bắt đầu, kết thúc.");
    return { startsAt: null, endsAt: null };
  }
  if (!start) throw bad("Hãy nhập giờ bắt đầu của hội nghị.");
  const startsAt = dueInstant(date, start);
  const endsAt = end ? dueInstant(date, end) : null;
  if (endsAt && endsAt <= startsAt) throw bad(`Giờ kết thúc (${end}) phải sau giờ bắt đầu (${start}).`);
  return { startsAt, endsAt };
}

/** A conference entered by hand for a plan, by its organisers (managers of the issuer); the host is the issuer unless named. */
export async function createConference(db: Db, o: { actor: Actor; planId: string; input: CreateConferenceRequest }): Promise<string> {
  const plan = await findPlanRef(db, o.planId);
  if (!plan || !(canRead(o.actor, plan.issuerPath) || (await planTasksActor(db, o.actor, plan.id))))
    throw notFound("Không tìm thấy kế hoạch hoặc bạn không có quyền xem kế hoạch này.");
  assertCan(canManage(o.actor, plan.issuerPath), "Chỉ cán bộ quản lý của đơn vị ban hành kế hoạch mới thêm được hội nghị.");
  const { delegateGroups = [], date = null, startTime = null, endTime = null, hostUnitId, ...fields } = o.input;
  const host = await findUnitRef(db, hostUnitId ?? plan.issuerUnitId);
  if (!host) throw bad("Không tìm thấy đơn vị chủ trì hội nghị. Hãy chọn lại.");
  const hours = hoursOf(date, startTime, endTime);
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: count() }).from(conferences).where(eq(conferences.planId, plan.id));
    const [row] = await tx
      .insert(conferences)
      .values({ ...fields, planId: plan.id, hostUnitId: host.id, ...hours, sortOrder: n })
      .returning({ id: conferences.id });
    if (delegateGroups.length)
      await tx.insert(conferenceDelegateGroups).values(delegateGroups.map((g, i) => ({ ...g, conferenceId: row.id, sortOrder: i })));
    await recordAudit(tx, { actor: o.actor, action: "conference.create", entityType: "conference", entityId: row.id, after: o.input });
    return row.id;
  });
}

/** Locks the conference row and checks the version the client saw: 409 when someone changed it since. */
export async function lockConference(tx: Db, conferenceId: string, version: number) {
  const [row] = await tx.select().from(conferences).where(eq(conferences.id, conferenceId)).for("update");
  if (!row) throw notFound("Không tìm thấy hội nghị.");
  if (row.version !== version) throw versionConflict("Hội nghị");
  return row;
}

/**
 * Changes the conference (organisers only, version checked). A new date carries the agenda with it (same clock
 * times); new hours that leave an agenda item outside are refused, naming the item.
 */
export async function updateConference(db: Db, o: { actor: Actor; conferenceId: string; input: UpdateConferenceRequest }) {
  const access = await conferenceAccess(db, o.actor, o.conferenceId);
  assertOrganiser(access);
  const { version, delegateGroups, date, startTime, endTime, hostUnitId, ...fields } = o.input;
  if (hostUnitId && !(await findUnitRef(db, hostUnitId))) throw bad("Không tìm thấy đơn vị chủ trì hội nghị. Hãy chọn lại.");
  await db.transaction(async (tx) => {
    const before = await lockConference(tx, o.conferenceId, version);
    const was = {
      date: before.startsAt ? vietnamToday(before.startsAt) : null,
      start: before.startsAt ? vietnamClock(before.startsAt) : null,
      end: before.endsAt ? vietnamClock(before.endsAt) : null,
    };
    const hours = hoursOf(
      date === undefined ? was.date : date,
      startTime === undefined ? was.start : startTime,
      endTime === undefined ? was.end : endTime,
    );
    const agenda = await tx.select().from(conferenceAgendaItems).where(eq(conferenceAgendaItems.conferenceId, o.conferenceId));
    const dayShift = before.startsAt && hours.startsAt ? dayStart(hours.startsAt) - dayStart(before.startsAt) : 0;
    const moved = agenda.map((a) => ({
      ...a,
      startsAt: a.startsAt && dayShift ? new Date(a.startsAt.getTime() + dayShift) : a.startsAt,
      endsAt: a.endsAt && dayShift ? new Date(a.endsAt.getTime() + dayShift) : a.endsAt,
    }));
    const problem = agendaProblem(moved, hours);
    if (problem) throw invalidState(`Chưa lưu giờ mới của hội nghị: ${problem}`);
    await tx
      .update(conferences)
      .set({ ...fields, ...(hostUnitId ? { hostUnitId } : {}), ...hours, version: before.version + 1, updatedAt: new Date() })
      .where(eq(conferences.id, o.conferenceId));
    if (dayShift)
      for (const a of moved)
        await tx.update(conferenceAgendaItems).set({ startsAt: a.startsAt, endsAt: a.endsAt }).where(eq(conferenceAgendaItems.id, a.id));
    if (delegateGroups) {
      await tx.delete(conferenceDelegateGroups).where(eq(conferenceDelegateGroups.conferenceId, o.conferenceId));
      if (delegateGroups.length)
        await tx
          .insert(conferenceDelegateGroups)
          .values(delegateGroups.map((g, i) => ({ ...g, conferenceId: o.conferenceId, sortOrder: i })));
    }
    await recordAudit(tx, {
      actor: o.actor,
      action: "conference.update",
      entityType: "conference",
      entityId: o.conferenceId,
      after: o.input,
    });
  });
}

/** The start of the Vietnam day of an instant, in ms. */
const dayStart = (at: Date) => dueInstant(vietnamToday(at), "00:00").getTime();

/**
 * Deletes a conference (organisers, version checked) while nothing depends on it: any time while the plan is a
 * draft; once issued, only if it has no speeches, awards or logistics tasks (those are obligations units work on).
 */
export async function deleteConference(db: Db, o: { actor: Actor; conferenceId: string; version: number }) {
  const access = await conferenceAccess(db, o.actor, o.conferenceId);
  assertOrganiser(access);
  await db.transaction(async (tx) => {
    await lockConference(tx, o.conferenceId, o.version);
    if (access.plan.status !== "draft") {
      const byConference = eq(conferenceSpeeches.conferenceId, o.conferenceId);
      const [[s], [a], [l]] = await Promise.all([
        tx.select({ n: count() }).from(conferenceSpeeches).where(byConference),
        tx.select({ n: count() }).from(conferenceAwards).where(eq(conferenceAwards.conferenceId, o.conferenceId)),
        tx.select({ n: count() }).from(conferenceLogistics).where(eq(conferenceLogistics.conferenceId, o.conferenceId)),
      ]);
      if (s.n + a.n + l.n > 0)
        throw invalidState(
          `Kế hoạch đã ban hành và hội nghị còn ${s.n} tham luận, ${a.n} khen thưởng, ${l.n} việc hậu cần. Hãy xóa các mục này trước, hoặc sửa thông tin hội nghị thay vì xóa.`,
        );
    }
    await tx.delete(conferences).where(and(eq(conferences.id, o.conferenceId)));
    await recordAudit(tx, { actor: o.actor, action: "conference.delete", entityType: "conference", entityId: o.conferenceId });
  });
}
