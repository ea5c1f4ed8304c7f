import { eq, sql } from "drizzle-orm";
import { dueInstant, formatDeadline } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { obligations } from "../../db/schema/index";
import { type Actor, canManage } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { duplicate, forbidden, notFound } from "../../platform/errors";
import { createImplementationDraft, linkChildPlan } from "../plans/service";
import { canReadObligation, canSubmit } from "./policy";
import { presentObligation } from "./presenter";
import * as q from "./queries";

/**
 * A unit answers its obligation with its own plan, cascading it further down. Both links are written (the
 * obligation's childPlanId and the plan's parentPlanId); tasks of the child whose deadline is later than this
 * obligation's come back flagged, because deadlines must nest (commune before city).
 */
export async function answerWithChildPlan(db: Db, { actor, obligationId, planId }: { actor: Actor; obligationId: string; planId: string }) {
  return db.transaction(async (tx) => {
    const o = await q.loadObligation(tx, obligationId, true).catch(() => null);
    if (!o || !canSubmit(actor, o)) throw forbidden("Chỉ đơn vị được giao việc mới trả lời được bằng kế hoạch của mình.");
    const { plan, tasks } = await linkChildPlan(tx, { actor, childPlanId: planId, parentPlanId: o.planId });
    if (!plan.issuerPath.startsWith(o.unitPath))
      throw forbidden("Kế hoạch trả lời phải do chính đơn vị được giao (hoặc đơn vị cấp dưới của nó) ban hành.");
    await tx
      .update(obligations)
      .set({ childPlanId: plan.id, updatedAt: new Date(), version: sql`${obligations.version} + 1` })
      .where(eq(obligations.id, o.id));
    const later = tasks.filter((t) => dueInstant(t.dueDate, t.dueTime).getTime() > o.dueAt.getTime());
    const warnings = later.map(
      (t) =>
        `Nhiệm vụ «${t.what.slice(0, 80)}» của kế hoạch cấp dưới có hạn ${formatDeadline(t.dueDate, t.dueTime)}, muộn hơn hạn cấp trên ${formatDeadline(o.dueDate, o.dueTime)}.`,
    );
    await recordAudit(tx, { actor, action: "obligation.child_plan", entityType: "obligation", entityId: o.id, after: { planId: plan.id } });
    return {
      obligation: presentObligation(await q.loadObligation(tx, o.id)),
      laterThanParent: later.map((t) => ({ taskId: t.id, what: t.what, dueDate: t.dueDate, dueTime: t.dueTime })),
      warnings,
    };
  });
}

/**
 * "Lập kế hoạch thực hiện": in one transaction, the obligated unit's draft plan (the parent plan as legal basis,
 * the parent link) and the obligation linked to it. Only a manager of the obligated unit; an obligation that
 * already has its plan is refused with 409 DUPLICATE naming that plan (the page then opens it).
 */
export async function createImplementationPlan(db: Db, { actor, obligationId }: { actor: Actor; obligationId: string }) {
  return db.transaction(async (tx) => {
    const o = await q.loadObligation(tx, obligationId, true);
    if (!canReadObligation(actor, o)) throw notFound("Không tìm thấy việc cần làm.");
    if (!canManage(actor, o.unitPath)) throw forbidden("Chỉ cán bộ quản lý của đơn vị được giao mới lập được kế hoạch thực hiện.");
    if (o.childPlanId) throw duplicate("Việc này đã có kế hoạch thực hiện. Hãy mở kế hoạch đó.", { planId: o.childPlanId });
    const planId = await createImplementationDraft(tx, { actor, parentPlanId: o.planId, issuerUnitId: o.unitId });
    await tx
      .update(obligations)
      .set({ childPlanId: planId, updatedAt: new Date(), version: sql`${obligations.version} + 1` })
      .where(eq(obligations.id, o.id));
    await recordAudit(tx, { actor, action: "obligation.implementation_plan", entityType: "obligation", entityId: o.id, after: { planId } });
    return { planId, obligation: presentObligation(await q.loadObligation(tx, o.id)) };
  });
}
