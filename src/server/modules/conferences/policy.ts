import { eq, sql } from "drizzle-orm";
import type { ConferenceRole } from "../../../contracts/conferences";
import type { Db } from "../../db/client";
import { conferenceRoleGrants, conferences } from "../../db/schema/index";
import { type Actor, assertCan, canManage, canRead } from "../../platform/access";
import { SESSION_CACHE_MS, sessionsEpoch } from "../../platform/auth";
import { forbidden, notFound } from "../../platform/errors";
import { unitView } from "../organisations/views";
import { planTasksActor } from "../plans/queries";
import { type PlanRef, planView } from "../plans/views";

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

const doorGrants = new WeakMap<Db, Map<string, { at: number; epoch: number; access: ConferenceAccess }>>();
const accessQueries = new WeakMap<Db, ReturnType<typeof prepareAccessQuery>>();

function prepareAccessQuery(db: Db) {
  const host = unitView("host");
  const issuer = unitView("issuer");
  const plan = planView("p");
  return db
    .select({
      id: conferences.id,
      planId: conferences.planId,
      hostUnitId: conferences.hostUnitId,
      hostPath: host.path,
      plan: {
        id: plan.id,
        title: plan.title,
        number: plan.number,
        status: plan.status,
        issuerUnitId: plan.issuerUnitId,
        issuerPath: issuer.path,
      },
      roles: sql<string | null>`(select string_agg(${conferenceRoleGrants.role}, ',') from ${conferenceRoleGrants}
        where ${conferenceRoleGrants.conferenceId} = ${conferences.id} and ${conferenceRoleGrants.userId} = ${sql.placeholder("userId")})`,
    })
    .from(conferences)
    .innerJoin(host, eq(host.id, conferences.hostUnitId))
    .innerJoin(plan, eq(plan.id, conferences.planId))
    .innerJoin(issuer, eq(issuer.id, plan.issuerUnitId))
    .where(eq(conferences.id, sql.placeholder("conferenceId")))
    .prepare("conference_access");
}

function accessQuery(db: Db) {
  let query = accessQueries.get(db);
  if (!query) {
    query = prepareAccessQuery(db);
    accessQueries.set(db, query);
  }
  return query;
}

async function loadAccess(
  db: Db,
  actor: Actor,
  conferenceId: string,
): Promise<{ access: ConferenceAccess; readsPlan: () => Promise<boolean> } | null> {
  // One round trip, a statement prepared once per database: the door checks in hundreds of delegates a minute, and
  // each check-in asks here (building and planning it each time cost more than the check-in itself).
  const [row] = await accessQuery(db).execute({ conferenceId, userId: actor.userId });
  if (!row) return null;
  const granted = new Set((row.roles ?? "").split(",").filter(Boolean) as ConferenceRole[]);
  const byTree = canRead(actor, row.plan.issuerPath) || canRead(actor, row.hostPath) || granted.has("organiser");
  const canOrganise = canManage(actor, row.plan.issuerPath) || canManage(actor, row.hostPath) || granted.has("organiser");
  return {
    // Asked only when the tree does not settle it. An account made only for the door holds no unit: it reads no
    // plan (and the tree's scoping refuses such accounts).
    readsPlan: async () => byTree || (actor.grants.length > 0 && (await planTasksActor(db, actor, row.planId))),
    access: {
      conferenceId: row.id,
      planId: row.planId,
      hostUnitId: row.hostUnitId,
      hostPath: row.hostPath,
      plan: row.plan,
      canOrganise,
      canCheckIn: canOrganise || granted.has("door"),
    },
  };
}

/**
 * The conference, if the actor may read its plan (the plan's readers: the issuer's subtree and the units the plan
 * gives work to, and its granted organisers); else 404, as for a plan, so ids cannot be probed. Door staff who read
 * nothing else get 403: they see the roster and check in (`doorAccess`), nothing more.
 */
export async function conferenceAccess(db: Db, actor: Actor, conferenceId: string): Promise<ConferenceAccess> {
  const found = await loadAccess(db, actor, conferenceId);
  if (!found) throw notFound(NOT_FOUND);
  if (!(await found.readsPlan())) {
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
  // The door asks for every scan: a grant to check in is kept as long as the session is (a second, forgotten at once
  // here when users, grants, units or the conference's roles change).
  const key = `${actor.userId} ${conferenceId}`;
  let known = doorGrants.get(db);
  if (!known) {
    known = new Map();
    doorGrants.set(db, known);
  }
  const hit = known.get(key);
  if (hit && hit.epoch === sessionsEpoch() && Date.now() - hit.at < SESSION_CACHE_MS) return hit.access;
  const epoch = sessionsEpoch();
  const found = await loadAccess(db, actor, conferenceId);
  if (!found || !(found.access.canCheckIn || (await found.readsPlan()))) throw notFound(NOT_FOUND);
  if (found.access.canCheckIn) {
    if (known.size >= 10_000) known.clear();
    known.set(key, { at: Date.now(), epoch, access: found.access });
  }
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

/**
 * The conferences whose doors this actor may staff (organisers by the tree or by grant, and door staff), soonest
 * first: the door page's list. Every conference is read with its host's and issuer's paths and the actor's grants in
 * one query, then kept by the same rule as `loadAccess`.
 */
export async function checkInConferences(db: Db, actor: Actor) {
  const host = unitView("host");
  const issuer = unitView("issuer");
  const plan = planView("p");
  const rows = await db
    .select({
      id: conferences.id,
      title: conferences.title,
      startsAt: conferences.startsAt,
      venue: conferences.venue,
      hostPath: host.path,
      issuerPath: issuer.path,
      roles: sql<string | null>`(select string_agg(${conferenceRoleGrants.role}, ',') from ${conferenceRoleGrants}
        where ${conferenceRoleGrants.conferenceId} = ${conferences.id} and ${conferenceRoleGrants.userId} = ${actor.userId})`,
    })
    .from(conferences)
    .innerJoin(host, eq(host.id, conferences.hostUnitId))
    .innerJoin(plan, eq(plan.id, conferences.planId))
    .innerJoin(issuer, eq(issuer.id, plan.issuerUnitId));
  return rows
    .filter((r) => r.roles !== null || canManage(actor, r.issuerPath) || canManage(actor, r.hostPath))
    .sort((a, b) => (a.startsAt?.getTime() ?? Number.MAX_SAFE_INTEGER) - (b.startsAt?.getTime() ?? Number.MAX_SAFE_INTEGER))
    .map((r) => ({ id: r.id, title: r.title, startsAt: r.startsAt?.toISOString() ?? null, venue: r.venue }));
}
