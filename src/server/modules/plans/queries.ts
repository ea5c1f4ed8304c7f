import { and, asc, eq, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { planAmendments, plans, tasks } from "../../db/schema/index";
import { type Actor, scopeToActor } from "../../platform/access";
import { notFound } from "../../platform/errors";
import { countsByPlan, type RawCounts } from "../obligations/counts";
import {
  earliestDueAnsweredBy,
  earliestDueOfUnit,
  obligationCountOfTask,
  someObligationOfPlan,
  unitOwesUnderPlan,
} from "../obligations/read-model";
import { unitView } from "../organisations/views";
import { userFullNames } from "../people/queries";

export type PlanRow = typeof plans.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type PlanWithIssuer = PlanRow & { issuerName: string; issuerPath: string };

// The issuer comes from organisations' unit view; obligations from the pieces obligations exports.
const issuer = unitView("issuer");
const issuerColumns = { plan: plans, issuerName: issuer.name, issuerPath: issuer.path };

export async function findPlan(db: Db, id: string): Promise<PlanWithIssuer | undefined> {
  const [row] = await db.select(issuerColumns).from(plans).innerJoin(issuer, eq(issuer.id, plans.issuerUnitId)).where(eq(plans.id, id));
  return row ? { ...row.plan, issuerName: row.issuerName, issuerPath: row.issuerPath } : undefined;
}

export async function requirePlan(db: Db, id: string): Promise<PlanWithIssuer> {
  const row = await findPlan(db, id);
  if (!row) throw notFound("Không tìm thấy kế hoạch.");
  return row;
}

/** Locks the plan row for the rest of the transaction so concurrent edits of one plan queue up. */
export async function lockPlan(tx: Db, id: string): Promise<PlanWithIssuer> {
  const [locked] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, id)).for("update");
  if (!locked) throw notFound("Không tìm thấy kế hoạch.");
  return requirePlan(tx, id);
}

/** Some obligation of the plan falls to a unit the actor reads (a commune sees the plans that task it). */
function tasksActorUnits(db: Db, actor: Actor): SQL {
  return someObligationOfPlan(db, plans.id, (unit) => scopeToActor(actor, unit.path));
}

/** Plans issued inside the actor's readable subtrees, plus plans that give the actor's units obligations. */
export async function listReadablePlans(db: Db, actor: Actor, status?: PlanRow["status"]): Promise<PlanWithIssuer[]> {
  const scope = scopeToActor(actor, issuer.path);
  const rows = await db
    .select(issuerColumns)
    .from(plans)
    .innerJoin(issuer, eq(issuer.id, plans.issuerUnitId))
    .where(and(scope ? or(scope, tasksActorUnits(db, actor)) : undefined, status ? eq(plans.status, status) : undefined))
    .orderBy(sql`${plans.updatedAt} desc`);
  return rows.map((r) => ({ ...r.plan, issuerName: r.issuerName, issuerPath: r.issuerPath }));
}

export async function planTasksActor(db: Db, actor: Actor, planId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.id, planId), tasksActorUnits(db, actor)));
  return Boolean(row);
}

/**
 * Obligation counts per plan at `now` (the request's clock), by the one rule of obligations/counts.ts that the
 * board, the roll-up and "my work" use too.
 */
export function obligationCounts(db: Db, planIds: string[], now: Date = new Date()): Promise<Map<string, RawCounts>> {
  return countsByPlan(db, planIds, now);
}

export async function listTasks(db: Db, planId: string): Promise<Array<TaskRow & { obligationCount: number }>> {
  const rows = await db
    .select({ task: tasks, obligationCount: obligationCountOfTask(tasks.id) })
    .from(tasks)
    .where(eq(tasks.planId, planId))
    .orderBy(asc(tasks.sortOrder), asc(tasks.createdAt));
  return rows.map((r) => ({ ...r.task, obligationCount: r.obligationCount }));
}

export async function findTask(db: Db, id: string, lock = false): Promise<TaskRow> {
  const query = db.select().from(tasks).where(eq(tasks.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("Không tìm thấy nhiệm vụ.");
  return row;
}

export async function childPlans(db: Db, planId: string): Promise<PlanWithIssuer[]> {
  const rows = await db
    .select(issuerColumns)
    .from(plans)
    .innerJoin(issuer, eq(issuer.id, plans.issuerUnitId))
    .where(eq(plans.parentPlanId, planId))
    .orderBy(asc(plans.createdAt));
  return rows.map((r) => ({ ...r.plan, issuerName: r.issuerName, issuerPath: r.issuerPath }));
}

/**
 * The deadline a child plan must nest inside: the earliest obligation it answers (linked by childPlanId),
 * else the earliest obligation of the parent plan falling to the child's issuer. Null when there is none.
 */
export async function parentDeadline(db: Db, plan: Pick<PlanRow, "id" | "parentPlanId" | "issuerUnitId">): Promise<Date | null> {
  const linked = await earliestDueAnsweredBy(db, plan.id);
  if (linked) return linked;
  if (!plan.parentPlanId) return null;
  return earliestDueOfUnit(db, plan.parentPlanId, plan.issuerUnitId);
}

/** A plan's amendments in order, each with the full name of who made it (from people, which owns users). */
export async function listAmendments(db: Db, planId: string) {
  const rows = await db
    .select()
    .from(planAmendments)
    .where(eq(planAmendments.planId, planId))
    .orderBy(asc(planAmendments.at), asc(planAmendments.id));
  const names = await userFullNames(
    db,
    rows.flatMap((r) => (r.actorId ? [r.actorId] : [])),
  );
  return rows.map((amendment) => ({ amendment, actorName: (amendment.actorId && names.get(amendment.actorId)) ?? null }));
}

/** Issued plans a unit issued or owes something under (its calendar shows their conferences). */
export async function issuedPlansOfUnit(db: Db, unitId: string) {
  return db
    .select({ id: plans.id, number: plans.number, title: plans.title, updatedAt: plans.updatedAt })
    .from(plans)
    .where(and(eq(plans.status, "issued"), or(eq(plans.issuerUnitId, unitId), unitOwesUnderPlan(db, plans.id, unitId))));
}
