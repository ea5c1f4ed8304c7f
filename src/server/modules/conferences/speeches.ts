import { and, eq, sql } from "drizzle-orm";
import {
  type CreateSpeechRequest,
  DEFAULT_SPEECH_SECONDS,
  type ReorderRequest,
  type SpeechList,
  type SpeechView,
  type UpdateSpeechRequest,
} from "../../../contracts/conference-program";
import type { Db } from "../../db/client";
import { conferenceSpeeches } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { AppError, invalidState, notFound, versionConflict } from "../../platform/errors";
import { findUnitRef } from "../organisations/views";
import { createTask, deleteTask, updateTask } from "../plans/tasks";
import { findTaskBriefs } from "../plans/views";
import { assertOrganiser, conferenceAccess } from "./policy";
import { presentSpeech } from "./program-presenter";
import { listSpeechRows, lockConference, lockSpeech, type SpeechRow, taskContext } from "./program-queries";

/**
 * Speeches (tham luận). Each is a plan task for its unit ("Chuẩn bị tham luận: <topic>"), so its draft, the review
 * and the deadline are the unit's obligation, on the board like any other. Tasks go through the plans service:
 * on a draft they wait for the issue; on an issued plan the service gives out the obligation at once and records
 * the addition as an amendment.
 */

/** What the unit's task says: `Chuẩn bị tham luận: Kết quả thu ngân sách …`. */
export const speechTaskWhat = (topic: string) => `Chuẩn bị tham luận: ${topic}`;

interface Ctx {
  actor: Actor;
  conferenceId: string;
  now?: Date;
}

/** The conference's speeches in running order, each with its deadline and the status of its obligation. */
export async function listSpeeches(db: Db, { actor, conferenceId, now = new Date() }: Ctx): Promise<SpeechList> {
  const access = await conferenceAccess(db, actor, conferenceId);
  const rows = await listSpeechRows(db, conferenceId);
  const context = await taskContext(db, {
    taskIds: rows.flatMap((r) => (r.taskId ? [r.taskId] : [])),
    unitIds: rows.flatMap((r) => (r.unitId ? [r.unitId] : [])),
    access,
    actor,
    now,
  });
  return {
    speeches: rows.map((s) => presentOne(s, context)),
    planId: access.planId,
    planStatus: access.plan.status,
    canOrganise: access.canOrganise,
  };
}

function presentOne(s: SpeechRow, context: Awaited<ReturnType<typeof taskContext>>): SpeechView {
  return presentSpeech(s, {
    task: s.taskId ? context.tasks.get(s.taskId) : undefined,
    obligation: s.taskId ? context.obligations.get(s.taskId) : undefined,
    unitName: s.unitId ? context.unitNames.get(s.unitId) : undefined,
  });
}

async function presentById(db: Db, actor: Actor, conferenceId: string, speechId: string, now: Date): Promise<SpeechView> {
  const list = await listSpeeches(db, { actor, conferenceId, now });
  const found = list.speeches.find((s) => s.id === speechId);
  if (!found) throw notFound("Không tìm thấy tham luận.");
  return found;
}

async function requireUnit(db: Db, unitId: string) {
  const unit = await findUnitRef(db, unitId);
  if (!unit) throw new AppError("VALIDATION", "Không tìm thấy đơn vị trình bày tham luận. Hãy chọn lại đơn vị.");
  return unit;
}

/** Adds a speech at the end of the running order, with its unit's task (and, on an issued plan, its obligation). */
export async function createSpeech(
  db: Db,
  { actor, conferenceId, input, now = new Date() }: Ctx & { input: CreateSpeechRequest },
): Promise<SpeechView> {
  const access = await conferenceAccess(db, actor, conferenceId);
  assertOrganiser(access);
  const unit = await requireUnit(db, input.unitId);
  const id = await db.transaction(async (tx) => {
    await lockConference(tx, conferenceId);
    const { task } = await createTask(tx, {
      actor,
      planId: access.planId,
      now,
      input: {
        what: speechTaskWhat(input.topic),
        deliverable: "document",
        target: { unitIds: [unit.id] },
        dueDate: input.dueDate,
        dueTime: input.dueTime ?? null,
      },
    });
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${conferenceSpeeches.runningOrder}), 0)::int + 1`.mapWith(Number) })
      .from(conferenceSpeeches)
      .where(eq(conferenceSpeeches.conferenceId, conferenceId));
    const [row] = await tx
      .insert(conferenceSpeeches)
      .values({
        conferenceId,
        topic: input.topic,
        unitId: unit.id,
        unitName: unit.name,
        taskId: task.id,
        timeLimitSeconds: input.timeLimitSeconds ?? DEFAULT_SPEECH_SECONDS,
        runningOrder: next,
      })
      .returning();
    await recordAudit(tx, { actor, action: "conference.speech.create", entityType: "conference_speech", entityId: row.id, after: input });
    return row.id;
  });
  return presentById(db, actor, conferenceId, id, now);
}

/**
 * Edits a speech. Topic and time limit change on the speech; unit and deadline change its task through the plans
 * service: on a draft freely, on an issued plan the deadline only (its obligation moves, the unit is told).
 */
export async function updateSpeech(
  db: Db,
  { actor, conferenceId, speechId, input, now = new Date() }: Ctx & { speechId: string; input: UpdateSpeechRequest },
): Promise<SpeechView> {
  const access = await conferenceAccess(db, actor, conferenceId);
  assertOrganiser(access);
  const { version, ...changes } = input;
  const unit = changes.unitId ? await requireUnit(db, changes.unitId) : undefined;
  await db.transaction(async (tx) => {
    const current = await lockSpeech(tx, conferenceId, speechId);
    if (current.version !== version) throw versionConflict("Tham luận");
    const unitChanged = unit !== undefined && unit.id !== current.unitId;
    if (unitChanged && access.plan.status !== "draft")
      throw invalidState(
        "Kế hoạch đã ban hành nên không đổi được đơn vị trình bày tham luận (việc đã giao cho đơn vị). Hãy điều chỉnh kế hoạch hoặc thêm tham luận mới.",
      );
    const [task] = current.taskId ? await findTaskBriefs(tx, [current.taskId]) : [];
    const dueChanged = changes.dueDate !== undefined || changes.dueTime !== undefined;
    if (task && (dueChanged || (access.plan.status === "draft" && (unitChanged || changes.topic !== undefined)))) {
      const draft = access.plan.status === "draft";
      await updateTask(tx, {
        actor,
        taskId: task.id,
        input: {
          version: task.version,
          ...(changes.dueDate !== undefined ? { dueDate: changes.dueDate } : dueChanged && task.dueDate ? { dueDate: task.dueDate } : {}),
          ...(changes.dueTime !== undefined ? { dueTime: changes.dueTime } : {}),
          ...(draft && changes.topic !== undefined ? { what: speechTaskWhat(changes.topic) } : {}),
          ...(draft && unitChanged && unit ? { target: { unitIds: [unit.id] } } : {}),
        },
      });
    } else if (!task && dueChanged) {
      throw invalidState("Tham luận này chưa có nhiệm vụ trong kế hoạch nên chưa đặt được hạn nộp. Hãy xóa và thêm lại tham luận.");
    }
    const [row] = await tx
      .update(conferenceSpeeches)
      .set({
        ...(changes.topic !== undefined ? { topic: changes.topic } : {}),
        ...(changes.timeLimitSeconds !== undefined ? { timeLimitSeconds: changes.timeLimitSeconds } : {}),
        ...(unit ? { unitId: unit.id, unitName: unit.name } : {}),
        version: sql`${conferenceSpeeches.version} + 1`,
      })
      .where(and(eq(conferenceSpeeches.id, speechId), eq(conferenceSpeeches.version, version)))
      .returning({ id: conferenceSpeeches.id });
    if (!row) throw versionConflict("Tham luận");
    await recordAudit(tx, {
      actor,
      action: "conference.speech.update",
      entityType: "conference_speech",
      entityId: speechId,
      before: current,
      after: changes,
    });
  });
  return presentById(db, actor, conferenceId, speechId, now);
}

/** Removes a speech and its task while the plan is a draft; the running order closes the gap. */
export async function deleteSpeech(db: Db, { actor, conferenceId, speechId, version }: Ctx & { speechId: string; version: number }) {
  const access = await conferenceAccess(db, actor, conferenceId);
  assertOrganiser(access);
  await db.transaction(async (tx) => {
    await lockConference(tx, conferenceId);
    const current = await lockSpeech(tx, conferenceId, speechId);
    if (current.version !== version) throw versionConflict("Tham luận");
    if (current.taskId && access.plan.status !== "draft")
      throw invalidState(
        "Kế hoạch đã ban hành nên không xóa được tham luận đã giao cho đơn vị. Hãy điều chỉnh kế hoạch (kèm lý do) nếu cần bỏ tham luận.",
      );
    await tx.delete(conferenceSpeeches).where(eq(conferenceSpeeches.id, speechId));
    const [task] = current.taskId ? await findTaskBriefs(tx, [current.taskId]) : [];
    if (task) await deleteTask(tx, { actor, taskId: task.id, version: task.version });
    await tx
      .update(conferenceSpeeches)
      .set({ runningOrder: sql`${conferenceSpeeches.runningOrder} - 1` })
      .where(and(eq(conferenceSpeeches.conferenceId, conferenceId), sql`${conferenceSpeeches.runningOrder} > ${current.runningOrder}`));
    await recordAudit(tx, {
      actor,
      action: "conference.speech.delete",
      entityType: "conference_speech",
      entityId: speechId,
      before: current,
    });
  });
}

/** Sets the running order: the list must name every speech of the conference once, each at the version the page saw. */
export async function reorderSpeeches(
  db: Db,
  { actor, conferenceId, input, now = new Date() }: Ctx & { input: ReorderRequest },
): Promise<SpeechList> {
  const access = await conferenceAccess(db, actor, conferenceId);
  assertOrganiser(access);
  await db.transaction(async (tx) => {
    await lockConference(tx, conferenceId);
    const rows = await listSpeechRows(tx, conferenceId);
    assertSameSet(rows, input, "tham luận");
    for (const [i, item] of input.items.entries())
      await tx
        .update(conferenceSpeeches)
        .set({ runningOrder: i + 1, version: sql`${conferenceSpeeches.version} + 1` })
        .where(eq(conferenceSpeeches.id, item.id));
    await recordAudit(tx, {
      actor,
      action: "conference.speech.reorder",
      entityType: "conference",
      entityId: conferenceId,
      after: input.items.map((i) => i.id),
    });
  });
  return listSpeeches(db, { actor, conferenceId, now });
}

/** The order names each row once, at its current version; anything else means someone changed the list meanwhile. */
export function assertSameSet(rows: Array<{ id: string; version: number }>, input: ReorderRequest, what: string): void {
  const ids = new Set(input.items.map((i) => i.id));
  if (ids.size !== input.items.length) throw new AppError("VALIDATION", `Danh sách thứ tự có ${what} bị lặp lại.`);
  const byId = new Map(rows.map((r) => [r.id, r.version]));
  const stale = rows.length !== ids.size || input.items.some((i) => byId.get(i.id) !== i.version);
  if (stale) throw versionConflict(`Danh sách ${what}`);
}
