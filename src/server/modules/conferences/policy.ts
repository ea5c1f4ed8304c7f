import { and, eq } from "drizzle-orm";
import type { ConferenceRole } from "../../../contracts/conferences";
import type { Db } from "../../db/client";
import { conferenceRoleGrants, conferences } from "../../db/schema/index";
import { type Actor, assertCan, canManage, canRead } from "../../platform/access";
import { forbidden, notFound } from "../../platform/errors";
import { unitView } from "../organisations/views";
import { planTasksActor } from "../plans/queries";
import { findPlanRef, type PlanRef } from "../plans/views";

/** Who may do what to a conference; every route of this module (and the stage, the program, seating, check-in) asks here. */

export interface ConferenceAccess {
  conferenceId: string;
  planId: string;
  hostUnitId: string;
  hostPath: string;
  plan: PlanRef;
  /** Managers of the plan's issuer or of the host unit, and those granted `organiser` on the conference. */
  canOrganise: boolean;
  /** Organisers and those granted `door`: they download the roster and check delegates in. */
  canCheckIn: boolean;
}

const NOT_FOUND = "Không tìm thấy hội nghị hoặc bạn không có quyền xem hội nghị này.";

async function loadAccess(db: Db, actor: Actor, conferenceId: string): Promise<{ access: ConferenceAccess; readsPlan: boolean } | null> {
  const host = unitView("host");
  const [row] = await db
    .select({ id: conferences.id, planId: conferences.planId, hostUnitId: conferences.hostUnitId, hostPath: host.path })
    .from(conferences)
    .innerJoin(host, eq(host.id, conferences.hostUnitId))
    .where(eq(conferences.id, conferenceId));
  const plan = row ? await findPlanRef(db, row.planId) : undefined;
  if (!row || !plan) return null;
  const granted = await conferenceRolesOf(db, actor.userId, conferenceId);
  const readsPlan =
    canRead(actor, plan.issuerPath) ||
    canRead(actor, row.hostPath) ||
    granted.has("organiser") ||
    (await planTasksActor(db, actor, plan.id));
  const canOrganise = canManage(actor, plan.issuerPath) || canManage(actor, row.hostPath) || granted.has("organiser");
  return {
    readsPlan,
    access: {
      conferenceId: row.id,
      planId: row.planId,
      hostUnitId: row.hostUnitId,
      hostPath: row.hostPath,
      plan,
      canOrganise,
      canCheckIn: canOrganise || granted.has("door"),
    },
  };
}

/** The roles `userId` holds on the conference. */
export async function conferenceRolesOf(db: Db, userId: string, conferenceId: string): Promise<Set<ConferenceRole>> {
  const rows = await db
    .select({ role: conferenceRoleGrants.role })
    .from(conferenceRoleGrants)
    .where(and(eq(conferenceRoleGrants.conferenceId, conferenceId), eq(conferenceRoleGrants.userId, userId)));
  return new Set(rows.map((r) => r.role));
}

/**
 * The conference, if the actor may read its plan (the plan's readers: the issuer's subtree and the units the plan
 * gives work to, and its granted organisers); else 404, as for a plan, so ids cannot be probed. Door staff who read
 * nothing else get 403: they see the roster and check in (`doorAccess`), nothing more.
 */
export async function conferenceAccess(db: Db, actor: Actor, conferenceId: string): Promise<ConferenceAccess> {
  const found = await loadAccess(db, actor, conferenceId);
  if (!found) throw notFound(NOT_FOUND);
  if (!found.readsPlan) {
    if (found.access.canCheckIn)
      throw forbidden(
        "Bạn được giao soát vé ở cửa hội nghị này: chỉ xem được danh sách đại biểu và điểm danh, không xem được nội dung khác.",
      );
    throw notFound(NOT_FOUND);
  }
  return found.access;
}

/**
 * The conference for the door: readers of the conference and its door staff; the caller then asks `assertCheckIn`.
 * Anyone else gets 404.
 */
export async function doorAccess(db: Db, actor: Actor, conferenceId: string): Promise<ConferenceAccess> {
  const found = await loadAccess(db, actor, conferenceId);
  if (!found || !(found.readsPlan || found.access.canCheckIn)) throw notFound(NOT_FOUND);
  return found.access;
}

/** Editing the conference, its agenda, speeches, awards and logistics, and driving the stage timer. */
export function assertOrganiser(access: ConferenceAccess): void {
  assertCan(
    access.canOrganise,
    "Chỉ cán bộ quản lý của đơn vị tổ chức hội nghị hoặc người được giao tổ chức mới được thực hiện thao tác này.",
  );
}

/** Downloading the roster and checking delegates in: door staff and organisers. */
export function assertCheckIn(access: ConferenceAccess): void {
  assertCan(access.canCheckIn, "Chỉ người được giao soát vé ở cửa hoặc cán bộ tổ chức hội nghị mới được điểm danh đại biểu.");
}
