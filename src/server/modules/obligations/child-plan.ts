import { eq, sql } from "drizzle-orm";
import { dueInstant, formatDeadline } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { obligations } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { forbidden } from "../../platform/errors";
import { linkChildPlan } from "../plans/service";
import { canSubmit } from "./policy";
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
