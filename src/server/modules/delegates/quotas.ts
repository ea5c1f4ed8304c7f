import { and, asc, eq } from "drizzle-orm";
import type { CreateQuotaRequest, DelegateView, NomineeList, QuotaList, QuotaUnit, QuotaView } from "../../../contracts/delegates";
import { CreateQuotaRequest as CreateQuotaSchema, NomineeRequest, UpdateNomineeRequest } from "../../../contracts/delegates";
import { nameKey } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { delegateQuotas, delegates } from "../../db/schema/index";
import { type Actor, canActFor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { forbidden, invalidState, notFound } from "../../platform/errors";
import { assertOrganiser, type ConferenceAccess, conferenceAccess } from "../conferences/policy";
import { obligationsOfTasks } from "../obligations/of-tasks";
import { findUnitRefs } from "../organisations/views";
import { createTask } from "../plans/tasks";
import { findTaskBriefs } from "../plans/views";
import { createDelegate, deleteDelegate, presentRows, updateDelegate } from "./service";

/**
 * Quotas (đề nghị cử đại biểu): a plan task with deliverable `delegates`, so each unit's obligation is on the board
 * like any other. The unit fills its nominees here (its members and managers above it; another unit gets 403) and
 * submits the obligation through the obligations module when its list is complete.
 */

export const quotaTaskWhat = (count: number, titles: readonly string[]) =>
  `Cử ${count} đại biểu dự hội nghị${titles.length ? ` (${titles.join(", ")})` : ""}`;

/** Titles asked for that no nominee holds yet; each nominee fills one wanted title at most. */
export function missingTitles(wanted: readonly string[], held: readonly string[]): string[] {
  const left = held.map(nameKey);
  return wanted.filter((t) => {
    const at = left.indexOf(nameKey(t));
    if (at === -1) return true;
    left.splice(at, 1);
    return false;
  });
}

type QuotaRow = typeof delegateQuotas.$inferSelect;

async function quotaViews(db: Db, access: ConferenceAccess, actor: Actor, rows: QuotaRow[], now: Date): Promise<QuotaView[]> {
  const taskIds = rows.map((q) => q.taskId);
  const briefs = new Map((await findTaskBriefs(db, taskIds)).map((t) => [t.id, t]));
  const owed = await obligationsOfTasks(db, { taskIds, issuerPath: access.plan.issuerPath, actor, now });
  const nominees = await db
    .select({ quotaId: delegates.quotaId, unitId: delegates.unitId, title: delegates.title })
    .from(delegates)
    .where(eq(delegates.conferenceId, access.conferenceId));
  const views: QuotaView[] = [];
  for (const q of rows) {
    const brief = briefs.get(q.taskId);
    const obligations = owed.filter((o) => o.taskId === q.taskId);
    // Before the plan is issued there is no obligation yet: the task's listed units show what will be asked.
    const units = obligations.length
      ? obligations.map((o) => ({ id: o.unitId, name: o.unitName, path: null as string | null, obligation: o }))
      : (await findUnitRefs(db, brief?.unitIds ?? [])).map((u) => ({
          id: u.id,
          name: u.name,
          path: u.path as string | null,
          obligation: undefined,
        }));
    const unitViews: QuotaUnit[] = [];
    for (const u of units) {
      const mine = nominees.filter((n) => n.quotaId === q.id && n.unitId === u.id);
      const o = u.obligation;
      const open = !o || o.status === "open" || o.status === "returned";
      unitViews.push({
        unitId: u.id,
        unitName: u.name,
        nominated: mine.length,
        missingTitles: missingTitles(
          q.titles,
          mine.map((n) => n.title),
        ),
        obligationId: o?.id ?? null,
        obligationStatus: o?.status ?? null,
        obligationVersion: o?.version ?? null,
        canEdit: open && (access.canOrganise || Boolean(o?.canSubmit)),
        canSubmit: Boolean(o?.canSubmit) && open,
      });
    }
    // A unit's officers see their own line (before and after submitting); organisers see every unit.
    const paths = access.canOrganise
      ? new Map<string, string>()
      : new Map(
          (
            await findUnitRefs(
              db,
              units.map((u) => u.id),
            )
          ).map((u) => [u.id, u.path]),
        );
    const visible = access.canOrganise ? unitViews : unitViews.filter((u) => canActFor(actor, u.unitId, paths.get(u.unitId) ?? "\u0000"));
    views.push({
      id: q.id,
      taskId: q.taskId,
      what: brief?.what ?? "",
      count: q.count,
      titles: q.titles,
      groupId: q.groupId,
      dueDate: brief?.dueDate ?? null,
      units: visible,
    });
  }
  return views;
}

export async function listQuotas(
  db: Db,
  { actor, conferenceId, now = new Date() }: { actor: Actor; conferenceId: string; now?: Date },
): Promise<QuotaList> {
  const access = await conferenceAccess(db, actor, conferenceId);
  const rows = await db
    .select()
    .from(delegateQuotas)
    .where(eq(delegateQuotas.conferenceId, conferenceId))
    .orderBy(asc(delegateQuotas.createdAt));
  const quotas = await quotaViews(db, access, actor, rows, now);
  return { quotas: access.canOrganise ? quotas : quotas.filter((q) => q.units.length > 0), canOrganise: access.canOrganise };
}

export async function createQuota(
  db: Db,
  { actor, conferenceId, input, now = new Date() }: { actor: Actor; conferenceId: string; input: CreateQuotaRequest; now?: Date },
): Promise<QuotaView> {
  const access = await conferenceAccess(db, actor, conferenceId);
  assertOrganiser(access);
  const parsed = CreateQuotaSchema.parse(input);
  if (parsed.titles.length > parsed.count)
    throw invalidState(
      `Đề nghị cử ${parsed.count} đại biểu nhưng nêu ${parsed.titles.length} chức danh. Hãy bớt chức danh hoặc tăng số đại biểu.`,
    );
  const id = await db.transaction(async (tx) => {
    const { task } = await createTask(tx, {
      actor,
      planId: access.planId,
      now,
      input: {
        what: quotaTaskWhat(parsed.count, parsed.titles),
        deliverable: "delegates",
        target: parsed.target,
        dueDate: parsed.dueDate,
        dueTime: parsed.dueTime ?? null,
      },
    });
    const [row] = await tx
      .insert(delegateQuotas)
      .values({ conferenceId, taskId: task.id, count: parsed.count, titles: parsed.titles, groupId: parsed.groupId ?? null })
      .returning();
    await recordAudit(tx, { actor, action: "delegate.quota.create", entityType: "delegate_quota", entityId: row.id, after: parsed });
    return row.id;
  });
  const [row] = await db.select().from(delegateQuotas).where(eq(delegateQuotas.id, id));
  const [view] = await quotaViews(db, access, actor, [row], now);
  return view;
}

interface UnitCtx {
  actor: Actor;
  quotaId: string;
  unitId: string;
  now?: Date;
}

/** The quota, the unit's line in it and the conference access; 404 for a unit not asked, 403 for someone not acting for it. */
async function quotaUnit(db: Db, { actor, quotaId, unitId, now = new Date() }: UnitCtx, write: boolean) {
  const [quota] = await db.select().from(delegateQuotas).where(eq(delegateQuotas.id, quotaId));
  if (!quota) throw notFound("Không tìm thấy đề nghị cử đại biểu.");
  const access = await conferenceAccess(db, actor, quota.conferenceId);
  const [view] = await quotaViews(db, { ...access, canOrganise: true }, actor, [quota], now);
  const unit = view.units.find((u) => u.unitId === unitId);
  if (!unit) throw notFound("Đơn vị này không được đề nghị cử đại biểu theo đề nghị này.");
  const [ref] = await findUnitRefs(db, [unitId]);
  const actsForUnit = ref ? canActFor(actor, unitId, ref.path) : false;
  if (!access.canOrganise && !actsForUnit)
    throw forbidden("Chỉ cán bộ của đơn vị được đề nghị (hoặc ban tổ chức) mới xem và cử đại biểu của đơn vị.");
  if (write && !unit.canEdit && (unit.obligationStatus === "submitted" || unit.obligationStatus === "accepted"))
    throw invalidState("Đơn vị đã gửi danh sách đại biểu nên không sửa được nữa. Nếu cần sửa, đề nghị ban tổ chức trả lại.");
  if (write && !access.canOrganise && !unit.canEdit)
    throw invalidState("Kế hoạch chưa ban hành nên đơn vị chưa cử đại biểu được. Hãy chờ kế hoạch được ban hành.");
  return { quota, access, view: { ...view, units: [unit] }, unit, unitName: ref?.name ?? unit.unitName };
}

export async function listNominees(db: Db, ctx: UnitCtx): Promise<NomineeList> {
  const { quota, view, unit } = await quotaUnit(db, ctx, false);
  const rows = await db
    .select()
    .from(delegates)
    .where(and(eq(delegates.quotaId, quota.id), eq(delegates.unitId, ctx.unitId)))
    .orderBy(asc(delegates.protocolRank), asc(delegates.createdAt));
  return { quota: view, unit, nominees: await presentRows(db, quota.conferenceId, rows) };
}

export async function addNominee(db: Db, ctx: UnitCtx & { input: unknown }): Promise<DelegateView> {
  const { quota, unitName, unit } = await quotaUnit(db, ctx, true);
  if (unit.nominated >= quota.count)
    throw invalidState(`Đơn vị đã cử đủ ${quota.count} đại biểu theo đề nghị. Hãy sửa hoặc bỏ bớt một đại biểu trước khi thêm.`);
  const input = NomineeRequest.parse(ctx.input);
  return createDelegate(db, {
    actor: ctx.actor,
    conferenceId: quota.conferenceId,
    input: { ...input, unitName, groupId: quota.groupId },
    quotaId: quota.id,
    unitId: ctx.unitId,
  });
}

const ownNominee = (quotaId: string, unitId: string) => (row: { unitId: string | null; quotaId: string | null }) => {
  if (row.quotaId !== quotaId || row.unitId !== unitId) throw notFound("Không tìm thấy đại biểu do đơn vị cử theo đề nghị này.");
};

export async function updateNominee(db: Db, ctx: UnitCtx & { delegateId: string; input: unknown }): Promise<DelegateView> {
  const { quota } = await quotaUnit(db, ctx, true);
  const input = UpdateNomineeRequest.parse(ctx.input);
  return updateDelegate(db, {
    actor: ctx.actor,
    conferenceId: quota.conferenceId,
    delegateId: ctx.delegateId,
    input,
    allowed: ownNominee(quota.id, ctx.unitId),
  });
}

export async function removeNominee(db: Db, ctx: UnitCtx & { delegateId: string; version: number }): Promise<void> {
  const { quota } = await quotaUnit(db, ctx, true);
  await deleteDelegate(db, {
    actor: ctx.actor,
    conferenceId: quota.conferenceId,
    delegateId: ctx.delegateId,
    version: ctx.version,
    allowed: ownNominee(quota.id, ctx.unitId),
  });
}
