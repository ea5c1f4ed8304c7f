/**
 * Seating's verbs. The layout is replaced only while nobody is seated; auto-assign and clear replace every
 * assignment under the layout's row lock and version; a move or a swap names the seats the organiser saw, and the
 * database's keys (the seat, the delegate) decide a race: one organiser wins, the other gets a 409 in Vietnamese.
 */
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type {
  AutoAssignRequest,
  MoveDelegateRequest,
  PutLayoutRequest,
  SeatChange,
  SeatingPlan,
  SwapDelegatesRequest,
} from "../../../contracts/seating";
import { assignSeats } from "../../../domain/seating/assign";
import { seatLabel, seatsOf } from "../../../domain/seating/layout";
import type { Db } from "../../db/client";
import { hallLayouts, seatAssignments, seats } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { AppError, conflict, invalidState, notFound, versionConflict } from "../../platform/errors";
import { publish } from "../../platform/live/index";
import { assertOrganiser, conferenceAccess } from "../conferences/policy";
import { delegateGroupsOf } from "../conferences/queries";
import { conferenceTopic } from "../conferences/stage";
import { delegateView } from "../delegates/views";
import { loadSeatingPlan } from "./queries";

interface Ctx {
  actor: Actor;
  conferenceId: string;
}

export async function getSeatingPlan(db: Db, { actor, conferenceId }: Ctx): Promise<SeatingPlan> {
  await conferenceAccess(db, actor, conferenceId);
  return loadSeatingPlan(db, conferenceId);
}

async function lockLayout(tx: Db, conferenceId: string, version: number | undefined) {
  const [row] = await tx.select().from(hallLayouts).where(eq(hallLayouts.conferenceId, conferenceId)).for("update");
  if (!row) {
    if (version !== undefined) throw notFound("Hội nghị chưa có bố cục hội trường. Hãy tạo bố cục trước.");
    return null;
  }
  if (version !== row.version) throw versionConflict("Sơ đồ chỗ ngồi");
  return row;
}

const changed = (tx: Db, conferenceId: string, version: number) =>
  publish(tx, { topic: conferenceTopic(conferenceId), type: "seating", data: { conferenceId, version } });

export async function putLayout(db: Db, { actor, conferenceId, input }: Ctx & { input: PutLayoutRequest }): Promise<SeatingPlan> {
  assertOrganiser(await conferenceAccess(db, actor, conferenceId));
  await db.transaction(async (tx) => {
    const current = await lockLayout(tx, conferenceId, input.version);
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(seatAssignments)
      .where(eq(seatAssignments.conferenceId, conferenceId));
    if (n > 0)
      throw invalidState(
        `Đã có ${n} đại biểu được xếp chỗ nên không thay được bố cục hội trường. Hãy bấm «Bỏ xếp chỗ» trước rồi sửa bố cục.`,
      );
    const version = (current?.version ?? 0) + 1;
    if (current) {
      await tx.delete(seats).where(eq(seats.conferenceId, conferenceId));
      await tx
        .update(hallLayouts)
        .set({ layout: input.layout, version, updatedAt: new Date() })
        .where(eq(hallLayouts.conferenceId, conferenceId));
    } else {
      const inserted = await tx.insert(hallLayouts).values({ conferenceId, layout: input.layout }).onConflictDoNothing().returning();
      if (inserted.length === 0) throw versionConflict("Sơ đồ chỗ ngồi");
    }
    const rows = seatsOf(input.layout).map((s) => ({ ...s, conferenceId }));
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(seats).values(rows.slice(i, i + 1000));
    await recordAudit(tx, { actor, action: "seating.layout", entityType: "conference", entityId: conferenceId, after: input.layout });
    await changed(tx, conferenceId, version);
  });
  return loadSeatingPlan(db, conferenceId);
}

export async function autoAssign(db: Db, { actor, conferenceId, input }: Ctx & { input: AutoAssignRequest }): Promise<SeatingPlan> {
  assertOrganiser(await conferenceAccess(db, actor, conferenceId));
  await db.transaction(async (tx) => {
    const layout = await lockLayout(tx, conferenceId, input.version);
    if (!layout) throw notFound("Hội nghị chưa có bố cục hội trường. Hãy tạo bố cục trước.");
    const groups = await delegateGroupsOf(tx, conferenceId);
    if (input.presidiumGroupId && !groups.some((g) => g.id === input.presidiumGroupId))
      throw notFound("Không tìm thấy nhóm đại biểu này trong hội nghị. Hãy chọn lại nhóm ngồi đoàn chủ tịch.");
    const d = delegateView("d");
    const delegates = await tx
      .select({ id: d.id, groupId: d.groupId, unitName: d.unitName, protocolRank: d.protocolRank, fullName: d.fullName })
      .from(d)
      .where(eq(d.conferenceId, conferenceId));
    if (delegates.length === 0) throw invalidState("Hội nghị chưa có đại biểu nào để xếp chỗ. Hãy nhập danh sách đại biểu trước.");
    const hall = await tx
      .select({
        id: seats.id,
        section: seats.section,
        blockIndex: seats.blockIndex,
        rowNumber: seats.rowNumber,
        protocolOrder: seats.protocolOrder,
      })
      .from(seats)
      .where(eq(seats.conferenceId, conferenceId));
    const result = assignSeats(delegates, hall, { groupOrder: groups.map((g) => g.id), presidiumGroupId: input.presidiumGroupId });
    if (!result.ok) throw invalidState(result.message);
    await tx.delete(seatAssignments).where(eq(seatAssignments.conferenceId, conferenceId));
    const rows = result.seats.map((s) => ({ ...s, conferenceId }));
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(seatAssignments).values(rows.slice(i, i + 1000));
    await tx
      .update(hallLayouts)
      .set({ version: layout.version + 1, updatedAt: new Date() })
      .where(eq(hallLayouts.conferenceId, conferenceId));
    await recordAudit(tx, {
      actor,
      action: "seating.auto_assign",
      entityType: "conference",
      entityId: conferenceId,
      after: { seated: rows.length },
    });
    await changed(tx, conferenceId, layout.version + 1);
  });
  return loadSeatingPlan(db, conferenceId);
}

export async function clearSeating(db: Db, { actor, conferenceId, version }: Ctx & { version: number }): Promise<SeatingPlan> {
  assertOrganiser(await conferenceAccess(db, actor, conferenceId));
  await db.transaction(async (tx) => {
    const layout = await lockLayout(tx, conferenceId, version);
    if (!layout) throw notFound("Hội nghị chưa có bố cục hội trường.");
    await tx.delete(seatAssignments).where(eq(seatAssignments.conferenceId, conferenceId));
    await tx
      .update(hallLayouts)
      .set({ version: version + 1, updatedAt: new Date() })
      .where(eq(hallLayouts.conferenceId, conferenceId));
    await recordAudit(tx, { actor, action: "seating.clear", entityType: "conference", entityId: conferenceId });
    await changed(tx, conferenceId, version + 1);
  });
  return loadSeatingPlan(db, conferenceId);
}

/** The constraint a database error broke, when it is a unique violation. */
function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const x = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (x.code === "23505") return String(x.constraint ?? x.message ?? "");
  }
  return null;
}

/** Checks the seats and delegates named belong to the conference; answers the seats by id. */
async function checkParts(tx: Db, conferenceId: string, seatIds: string[], delegateIds: string[]) {
  const found = await tx
    .select({ id: seats.id, blockName: seats.blockName, rowNumber: seats.rowNumber, seatNumber: seats.seatNumber })
    .from(seats)
    .where(and(eq(seats.conferenceId, conferenceId), inArray(seats.id, seatIds)));
  if (found.length !== new Set(seatIds).size) throw notFound("Không tìm thấy ghế này trong hội trường. Hãy tải lại sơ đồ chỗ ngồi.");
  const d = delegateView("d");
  const people = await tx
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.conferenceId, conferenceId), inArray(d.id, delegateIds)));
  if (people.length !== new Set(delegateIds).size)
    throw notFound("Không tìm thấy đại biểu này trong hội nghị. Hãy tải lại sơ đồ chỗ ngồi.");
  return new Map(found.map((s) => [s.id, s]));
}

const STALE =
  "Đại biểu vừa được người khác chuyển chỗ nên thao tác của bạn chưa được thực hiện. Hãy xem sơ đồ mới rồi làm lại nếu vẫn cần.";

async function writeMove<T>(seatName: () => string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === null) throw error;
    if (constraint.includes("delegate"))
      throw conflict("Đại biểu này vừa được xếp vào một ghế khác. Hãy tải lại sơ đồ chỗ ngồi rồi làm lại nếu vẫn cần.");
    throw conflict(`${seatName()} vừa có người khác được xếp vào. Hãy chọn một ghế trống khác.`);
  }
}

export async function moveDelegate(db: Db, { actor, conferenceId, input }: Ctx & { input: MoveDelegateRequest }): Promise<SeatChange> {
  assertOrganiser(await conferenceAccess(db, actor, conferenceId));
  let target = "Ghế này";
  return writeMove(
    () => target,
    () =>
      db.transaction(async (tx) => {
        const found = await checkParts(
          tx,
          conferenceId,
          [input.toSeatId, ...(input.fromSeatId ? [input.fromSeatId] : [])],
          [input.delegateId],
        );
        const to = found.get(input.toSeatId);
        if (to) target = `Ghế «${seatLabel(to)}»`;
        if (input.fromSeatId === input.toSeatId) throw new AppError("NOTHING_TO_DO", "Đại biểu đã ngồi ở ghế này.");
        const [occupied] = await tx
          .select({ delegateId: seatAssignments.delegateId })
          .from(seatAssignments)
          .where(eq(seatAssignments.seatId, input.toSeatId));
        if (occupied) throw conflict(`${target} đã có người ngồi. Hãy chọn ghế trống, hoặc đổi chỗ hai đại biểu.`);
        if (input.fromSeatId) {
          const removed = await tx
            .delete(seatAssignments)
            .where(and(eq(seatAssignments.seatId, input.fromSeatId), eq(seatAssignments.delegateId, input.delegateId)))
            .returning();
          if (removed.length === 0) throw conflict(STALE);
        }
        await tx.insert(seatAssignments).values({ seatId: input.toSeatId, delegateId: input.delegateId, conferenceId });
        await recordAudit(tx, { actor, action: "seating.move", entityType: "conference", entityId: conferenceId, after: input });
        await publish(tx, { topic: conferenceTopic(conferenceId), type: "seating", data: { conferenceId, delegateId: input.delegateId } });
        return {
          seats: [
            ...(input.fromSeatId ? [{ seatId: input.fromSeatId, delegateId: null }] : []),
            { seatId: input.toSeatId, delegateId: input.delegateId },
          ],
        };
      }),
  );
}

export async function swapDelegates(db: Db, { actor, conferenceId, input }: Ctx & { input: SwapDelegatesRequest }): Promise<SeatChange> {
  assertOrganiser(await conferenceAccess(db, actor, conferenceId));
  const { a, b } = input;
  if (a.seatId === b.seatId || a.delegateId === b.delegateId)
    throw new AppError("NOTHING_TO_DO", "Hãy chọn hai đại biểu ở hai ghế khác nhau để đổi chỗ.");
  return writeMove(
    () => "Một trong hai ghế",
    () =>
      db.transaction(async (tx) => {
        await checkParts(tx, conferenceId, [a.seatId, b.seatId], [a.delegateId, b.delegateId]);
        const removed = await tx
          .delete(seatAssignments)
          .where(
            or(
              and(eq(seatAssignments.seatId, a.seatId), eq(seatAssignments.delegateId, a.delegateId)),
              and(eq(seatAssignments.seatId, b.seatId), eq(seatAssignments.delegateId, b.delegateId)),
            ),
          )
          .returning();
        if (removed.length !== 2) throw conflict(STALE);
        await tx.insert(seatAssignments).values([
          { seatId: b.seatId, delegateId: a.delegateId, conferenceId },
          { seatId: a.seatId, delegateId: b.delegateId, conferenceId },
        ]);
        await recordAudit(tx, { actor, action: "seating.swap", entityType: "conference", entityId: conferenceId, after: input });
        await publish(tx, { topic: conferenceTopic(conferenceId), type: "seating", data: { conferenceId, delegateId: a.delegateId } });
        return {
          seats: [
            { seatId: b.seatId, delegateId: a.delegateId },
            { seatId: a.seatId, delegateId: b.delegateId },
          ],
        };
      }),
  );
}
