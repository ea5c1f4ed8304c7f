import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { conferences } from "../../db/schema/index";
import { type Actor, assertCan, canManage, canRead } from "../../platform/access";
import { notFound } from "../../platform/errors";
import { unitView } from "../organisations/views";
import { planTasksActor } from "../plans/queries";
import { findPlanRef, type PlanRef } from "../plans/views";

/** Who may do what to a conference; every route of this module (and the stage, the program) asks here. */

export interface ConferenceAccess {
  conferenceId: string;
  planId: string;
  hostUnitId: string;
  hostPath: string;
  plan: PlanRef;
  /** Managers of the plan's issuer or of the host unit: they edit the conference and run its stage. */
  canOrganise: boolean;
}

/**
 * The conference, if the actor may read its plan (the plan's readers: the issuer's subtree and the units the plan
 * gives work to); else 404, as for a plan, so ids cannot be probed.
 */
export async function conferenceAccess(db: Db, actor: Actor, conferenceId: string): Promise<ConferenceAccess> {
  const host = unitView("host");
  const [row] = await db
    .select({ id: conferences.id, planId: conferences.planId, hostUnitId: conferences.hostUnitId, hostPath: host.path })
    .from(conferences)
    .innerJoin(host, eq(host.id, conferences.hostUnitId))
    .where(eq(conferences.id, conferenceId));
  const plan = row ? await findPlanRef(db, row.planId) : undefined;
  const readable =
    row && plan && (canRead(actor, plan.issuerPath) || canRead(actor, row.hostPath) || (await planTasksActor(db, actor, plan.id)));
  if (!row || !plan || !readable) throw notFound("Không tìm thấy hội nghị hoặc bạn không có quyền xem hội nghị này.");
  return {
    conferenceId: row.id,
    planId: row.planId,
    hostUnitId: row.hostUnitId,
    hostPath: row.hostPath,
    plan,
    canOrganise: canManage(actor, plan.issuerPath) || canManage(actor, row.hostPath),
  };
}

/** Editing the conference, its agenda, speeches, awards and logistics, and driving the stage timer. */
export function assertOrganiser(access: ConferenceAccess): void {
  assertCan(access.canOrganise, "Chỉ cán bộ quản lý của đơn vị tổ chức hội nghị mới được thực hiện thao tác này.");
}
