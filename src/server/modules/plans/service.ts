import { and, eq, sql } from "drizzle-orm";
import type { AmendPlanRequest, CreatePlanRequest, IssuePreview, PlanChanges, PlanDetail, PlanSummary } from "../../../contracts/plans";
import { dueInstant, formatDeadline, vietnamToday } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { planAmendments, plans } from "../../db/schema/index";
import { type Actor, canManage, canRead } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { AppError, conflict, duplicate, forbidden, invalidState, versionConflict } from "../../platform/errors";
import { notifyObligationsAssigned } from "../notifications/notify";
import { createObligationsForTask } from "../obligations/create";
import { unitNames as namesOfUnits, requireUnit } from "../organisations/queries";
import { canTrackPlan } from "../tracking/service";
import { readAnnexes } from "./annexes";
import { assertNumberFree, isNumberClash } from "./numbers";
import { fieldsBefore, readOutline, writeOutline } from "./outline";
import { defaultPlace } from "./place";
import { assertCanAssignTo, assertCanManagePlan, assertDraft, assertIssued, canReadPlan } from "./policy";
import { presentPlanDetail, presentPlanSummary, unitIdsNamedBy } from "./presenter";
import * as q from "./queries";
import { resolveTarget } from "./targets";

/** The plan with tasks, counts, parent and children, if the actor may read it (else 404, not 403: no probing). */
export async function getPlan(db: Db, actor: Actor, planId: string): Promise<PlanDetail> {
  const plan = await q.findPlan(db, planId);
  if (!plan || !(canReadPlan(actor, plan.issuerPath, false) || (await q.planTasksActor(db, actor, planId))))
    throw new AppError("NOT_FOUND", "Không tìm thấy kế hoạch hoặc bạn không có quyền xem kế hoạch này.");
  const [counts, taskRows, parentDue, parent, children, canTrack, sections, annexes] = await Promise.all([
    q.obligationCounts(db, [plan.id]),
    q.listTasks(db, plan.id),
    q.parentDeadline(db, plan),
    plan.parentPlanId ? q.findPlan(db, plan.parentPlanId) : Promise.resolve(undefined),
    q.childPlans(db, plan.id),
    canTrackPlan(db, actor, plan),
    readOutline(db, plan.id),
    readAnnexes(db, plan.id),
  ]);
  const unitNames = await namesOfUnits(db, unitIdsNamedBy(taskRows));
  return presentPlanDetail({
    plan,
    sections,
    annexes,
    unitNames,
    counts: counts.get(plan.id),
    tasks: taskRows,
    parentDue,
    parent: parent ?? null,
    children,
    canManage: canManage(actor, plan.issuerPath),
    canTrack,
  });
}

export async function listPlans(db: Db, actor: Actor, options: { status?: "draft" | "issued" | "closed" }): Promise<PlanSummary[]> {
  const rows = await q.listReadablePlans(db, actor, options.status);
  const counts = await q.obligationCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentPlanSummary(r, counts.get(r.id)));
}

/** A parent must exist, be readable, and not be the plan itself or one of its descendants. */
async function checkParent(db: Db, actor: Actor, parentPlanId: string, selfId?: string): Promise<void> {
  let cursor: string | null = parentPlanId;
  for (let depth = 0; cursor && depth < 50; depth += 1) {
    if (cursor === selfId) throw conflict("Kế hoạch cấp trên không thể là chính kế hoạch này hoặc một kế hoạch cấp dưới của nó.");
    const row = await q.findPlan(db, cursor);
    if (!row) throw new AppError("VALIDATION", "Không tìm thấy kế hoạch cấp trên. Hãy chọn lại.");
    if (depth === 0 && !canRead(actor, row.issuerPath) && !(await q.planTasksActor(db, actor, row.id)))
      throw forbidden("Bạn không xem được kế hoạch cấp trên đã chọn nên không thể liên kết với nó.");
    cursor = row.parentPlanId;
  }
}

export interface CreatePlanOptions {
  actor: Actor;
  input: CreatePlanRequest;
}

/** A new draft of the issuing unit; the layout follows the issuer's tree (Party → party layout), the place its name. */
export async function createPlan(db: Db, { actor, input }: CreatePlanOptions): Promise<string> {
  const issuer = await requireUnit(db, input.issuerUnitId, "Không tìm thấy đơn vị ban hành.");
  assertCanManagePlan(actor, issuer.path);
  if (input.parentPlanId) await checkParent(db, actor, input.parentPlanId);
  const { sections, ...fields } = input;
  return db.transaction(async (tx) => {
    await assertNumberFree(tx, { issuerUnitId: issuer.id, number: input.number, issuedOn: input.issuedOn });
    const [row] = await tx
      .insert(plans)
      .values({
        ...fields,
        place: input.place?.trim() || (await defaultPlace(tx, issuer.id)),
        layout: issuer.tree === "party" ? "party" : "state",
        signer: input.signer ?? null,
        createdBy: actor.userId,
      })
      .returning();
    if (sections?.length) await writeOutline(tx, row.id, sections);
    await recordAudit(tx, {
      actor,
      action: "plan.create",
      entityType: "plan",
      entityId: row.id,
      after: { title: row.title, issuerUnitId: row.issuerUnitId },
    });
    return row.id;
  });
}

/** The number, issuing date and issuer `plan` would have after `changes`, for assertNumberFree. */
const numberUse = (plan: q.PlanRow, changes: PlanChanges) => ({
  issuerUnitId: plan.issuerUnitId,
  number: changes.number !== undefined ? changes.number : plan.number,
  issuedOn: changes.issuedOn !== undefined ? changes.issuedOn : plan.issuedOn,
  planId: plan.id,
});

/** Applies `changes` (the outline's rows too) when the stored version is `version`; else 409 and nothing changes. */
async function writeChanges(tx: Db, planId: string, version: number, changes: PlanChanges, extra: Partial<typeof plans.$inferInsert> = {}) {
  const { sections, ...fields } = changes;
  const [row] = await tx
    .update(plans)
    .set({ ...fields, ...extra, updatedAt: new Date(), version: sql`${plans.version} + 1` })
    .where(and(eq(plans.id, planId), eq(plans.version, version)))
    .returning()
    .catch((error: unknown) => {
      // The unique index is the last word when a write slipped past assertNumberFree.
      if (isNumberClash(error)) throw duplicate("Số kế hoạch này đã được đơn vị dùng trong năm. Hãy dùng số khác.");
      throw error;
    });
  if (!row) throw versionConflict("Kế hoạch");
  if (sections) await writeOutline(tx, planId, sections);
  return row;
}

export interface UpdatePlanOptions {
  actor: Actor;
  planId: string;
  changes: PlanChanges;
  version: number;
}

/** Edits a draft. Two managers on one draft: the second save carries a stale version and gets 409. */
export async function updatePlan(db: Db, { actor, planId, changes, version }: UpdatePlanOptions): Promise<void> {
  if (changes.parentPlanId) await checkParent(db, actor, changes.parentPlanId, planId);
  await db.transaction(async (tx) => {
    const plan = await q.lockPlan(tx, planId);
    assertCanManagePlan(actor, plan.issuerPath);
    assertDraft(plan.status);
    if (changes.number !== undefined || changes.issuedOn !== undefined) await assertNumberFree(tx, numberUse(plan, changes));
    const before = await fieldsBefore(tx, plan, changes);
    await writeChanges(tx, planId, version, changes);
    await recordAudit(tx, {
      actor,
      action: "plan.update",
      entityType: "plan",
      entityId: planId,
      before,
      after: changes,
    });
  });
}

export interface IssuePlanOptions {
  actor: Actor;
  planId: string;
  version: number;
  now?: Date;
}

/** A task whose deadline is set (a task imported without one has `dueDate` null until the clerk sets it). */
export const hasDue = <T extends { dueDate: string | null }>(t: T): t is T & { dueDate: string } => t.dueDate !== null;

/**
 * What issuing `plan` would do now: the tasks with their resolved units, the problems that refuse it (a task
 * without a deadline, with unmatched names or no unit), proposed deadlines not yet checked, and the warnings.
 */
async function issueCheck(tx: Db, plan: q.PlanRow, now: Date) {
  const taskRows = await q.listTasks(tx, plan.id);
  const resolved = [];
  const problems: string[] = [];
  const missingDue: string[] = [];
  for (const task of taskRows) {
    const unmatched = task.target.unmatchedNames ?? [];
    if (!hasDue(task)) missingDue.push(`«${short(task.what)}»`);
    if (unmatched.length) {
      problems.push(`«${short(task.what)}»: chưa xác định được đơn vị ${unmatched.map((u) => `"${u}"`).join(", ")}`);
      continue;
    }
    const units = await resolveTarget(tx, task.target);
    if (units.length === 0) problems.push(`«${short(task.what)}»: chưa chọn đơn vị thực hiện`);
    else if (hasDue(task)) resolved.push({ task, units });
  }
  const blockers: string[] = [];
  if (missingDue.length)
    blockers.push(`${missingDue.length} nhiệm vụ chưa có hạn (văn bản không ghi hạn, cần đặt hạn): ${missingDue.join("; ")}`);
  if (problems.length) blockers.push(`${problems.length} nhiệm vụ cần chọn đơn vị thực hiện: ${problems.join("; ")}`);
  const warnings: string[] = [];
  if (taskRows.length === 0) warnings.push("Kế hoạch chưa có nhiệm vụ nào nên không tạo việc cần theo dõi cho đơn vị nào.");
  const parentDue = await q.parentDeadline(tx, plan);
  let pastDeadlines = 0;
  for (const { task } of resolved) {
    warnings.push(...deadlineWarnings(task, now, parentDue));
    if (dueInstant(task.dueDate, task.dueTime).getTime() < now.getTime()) pastDeadlines += 1;
  }
  const toCheck = taskRows
    .filter((t) => t.dueToCheck && hasDue(t))
    .map((t) => `«${short(t.what)}»: hạn đề xuất ${formatDeadline(t.dueDate ?? "", t.dueTime)}`);
  if (toCheck.length)
    warnings.push(`${toCheck.length} hạn do hệ thống đề xuất (ngày khai mạc hội nghị) chưa được kiểm tra: ${toCheck.join("; ")}.`);
  return { taskRows, resolved, blockers, problems, missingDue, toCheck, warnings, pastDeadlines };
}

/** What issuing would do (N obligations to M units, K deadlines already past) and what still blocks it; managers only. */
export async function previewIssue(
  db: Db,
  { actor, planId, now = new Date() }: { actor: Actor; planId: string; now?: Date },
): Promise<IssuePreview> {
  const plan = await q.requirePlan(db, planId);
  assertCanManagePlan(actor, plan.issuerPath);
  if (plan.status !== "draft") throw invalidState("Kế hoạch này đã được ban hành trước đó.");
  const c = await issueCheck(db, plan, now);
  // The number clash issuing would meet, shown before the user confirms.
  const clash = await assertNumberFree(db, { ...numberUse(plan, {}), issuedOn: plan.issuedOn ?? vietnamToday(now), now, lock: false }).then(
    () => undefined,
    (error: unknown) => (error instanceof AppError && error.code === "DUPLICATE" ? error.message : Promise.reject(error)),
  );
  if (clash) c.blockers.push(clash.replace(/\.$/, ""));
  return {
    obligations: c.resolved.reduce((sum, r) => sum + r.units.length, 0),
    units: new Set(c.resolved.flatMap((r) => r.units.map((u) => u.id))).size,
    tasks: c.taskRows.length,
    pastDeadlines: c.pastDeadlines,
    toCheck: c.toCheck,
    blockers: c.blockers,
    warnings: c.warnings,
  };
}

/**
 * Draft → issued in one transaction: the text freezes and every task becomes one obligation per target unit.
 * Refused (409, naming them) while a task has no deadline, unmatched names or no unit; past deadlines, unchecked
 * proposed deadlines and deadlines later than the parent plan's are not silent: they come back as warnings.
 */
export async function issuePlan(db: Db, { actor, planId, version, now = new Date() }: IssuePlanOptions) {
  return db.transaction(async (tx) => {
    const plan = await q.lockPlan(tx, planId);
    assertCanManagePlan(actor, plan.issuerPath);
    if (plan.status !== "draft") throw invalidState("Kế hoạch này đã được ban hành trước đó.");
    if (plan.version !== version) throw versionConflict("Kế hoạch");
    const { resolved, blockers, problems, missingDue, warnings } = await issueCheck(tx, plan, now);
    if (blockers.length) throw invalidState(`Chưa thể ban hành. ${blockers.join(". ")}.`, { problems, missingDeadlines: missingDue });
    for (const { units } of resolved) assertCanAssignTo(actor, units);
    await assertNumberFree(tx, { ...numberUse(plan, {}), issuedOn: plan.issuedOn ?? vietnamToday(now), now });

    let obligationsCreated = 0;
    for (const { task, units } of resolved)
      obligationsCreated += await createObligationsForTask(tx, { planId, task, unitIds: units.map((u) => u.id), actorId: actor.userId });
    await writeChanges(tx, planId, version, {}, { status: "issued", issuedAt: now, issuedOn: plan.issuedOn ?? vietnamToday(now) });
    await recordAudit(tx, { actor, action: "plan.issue", entityType: "plan", entityId: planId, after: { obligationsCreated, warnings } });
    await notifyObligationsAssigned(tx, { planId, actorId: actor.userId, now });
    return { warnings, obligationsCreated };
  });
}

/** Past deadlines and deadlines later than the parent's, as Vietnamese warnings. */
export function deadlineWarnings(
  task: { what: string; dueDate: string; dueTime: string | null },
  now: Date,
  parentDue: Date | null,
): string[] {
  const due = dueInstant(task.dueDate, task.dueTime);
  const when = formatDeadline(task.dueDate, task.dueTime);
  const out: string[] = [];
  if (due.getTime() < now.getTime())
    out.push(
      `Nhiệm vụ «${short(task.what)}» có hạn ${when} đã qua: các đơn vị chưa nộp sẽ bị tính quá hạn ngay. Nếu cần, hãy điều chỉnh hạn.`,
    );
  if (parentDue && due.getTime() > parentDue.getTime())
    out.push(`Nhiệm vụ «${short(task.what)}» có hạn ${when}, muộn hơn hạn của kế hoạch cấp trên; hạn cấp dưới phải sớm hơn hạn cấp trên.`);
  return out;
}

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

export interface AmendPlanOptions extends AmendPlanRequest {
  actor: Actor;
  planId: string;
}

/** An issued plan changes only here: the change, its note and the fields before and after are kept. */
export async function amendPlan(db: Db, { actor, planId, note, changes, version }: AmendPlanOptions): Promise<void> {
  if (Object.keys(changes).length === 0) throw new AppError("VALIDATION", "Hãy nêu ít nhất một nội dung cần điều chỉnh.");
  if (changes.parentPlanId) await checkParent(db, actor, changes.parentPlanId, planId);
  await db.transaction(async (tx) => {
    const plan = await q.lockPlan(tx, planId);
    assertCanManagePlan(actor, plan.issuerPath);
    assertIssued(plan.status, "điều chỉnh");
    if (changes.number !== undefined || changes.issuedOn !== undefined) await assertNumberFree(tx, numberUse(plan, changes));
    const before = await fieldsBefore(tx, plan, changes);
    await writeChanges(tx, planId, version, changes);
    await tx.insert(planAmendments).values({ planId, actorId: actor.userId, note, before, after: changes });
    await recordAudit(tx, {
      actor,
      action: "plan.amend",
      entityType: "plan",
      entityId: planId,
      before,
      after: { note, ...changes },
    });
  });
}

/** Records a change to an issued plan that did not go through amendPlan (a task added later). */
export async function recordAmendment(
  tx: Db,
  entry: { planId: string; actorId: string; note: string; before: unknown; after: unknown },
): Promise<void> {
  await tx.insert(planAmendments).values(entry);
}

export async function closePlan(db: Db, { actor, planId, version }: { actor: Actor; planId: string; version: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const plan = await q.lockPlan(tx, planId);
    assertCanManagePlan(actor, plan.issuerPath);
    assertIssued(plan.status, "kết thúc");
    await writeChanges(tx, planId, version, {}, { status: "closed", closedAt: new Date() });
    await recordAudit(tx, { actor, action: "plan.close", entityType: "plan", entityId: planId });
  });
}

export async function getAmendments(db: Db, actor: Actor, planId: string) {
  await getPlan(db, actor, planId);
  const rows = await q.listAmendments(db, planId);
  return rows.map((r) => ({
    id: r.amendment.id,
    at: r.amendment.at.toISOString(),
    actorId: r.amendment.actorId,
    actorName: r.actorName,
    note: r.amendment.note,
    before: r.amendment.before,
    after: r.amendment.after,
  }));
}

/**
 * The draft plan with which `issuerUnitId` implements `parentPlanId` (from one of its obligations, inside that
 * transaction): the issuer's own draft, the parent plan (number, date, issuer, title) as its legal basis and
 * the parent link. The actor must manage the issuer and read the parent (a unit tasked by it does).
 */
export async function createImplementationDraft(
  tx: Db,
  { actor, parentPlanId, issuerUnitId }: { actor: Actor; parentPlanId: string; issuerUnitId: string },
) {
  const parent = await q.requirePlan(tx, parentPlanId);
  const [y, m, d] = (parent.issuedOn ?? "").split("-");
  const text = [
    parent.number ? `Kế hoạch số ${parent.number}` : "Kế hoạch",
    parent.issuedOn ? `ngày ${Number(d)} tháng ${Number(m)} năm ${y}` : "",
    `của ${parent.issuerName}`,
    `về ${parent.title}`,
  ]
    .filter(Boolean)
    .join(" ");
  const legalBasis = {
    text: text.slice(0, 2000),
    documentNumber: parent.number,
    documentDate: parent.issuedOn,
    issuer: parent.issuerName,
    planId: parent.id,
  };
  return createPlan(tx, {
    actor,
    input: {
      issuerUnitId,
      parentPlanId: parent.id,
      title: `Kế hoạch thực hiện ${parent.title}`.slice(0, 1000),
      legalBases: [legalBasis],
    },
  });
}

/**
 * Makes `childPlanId` implement `parentPlanId` (called when a unit answers an obligation with its own plan,
 * inside that transaction). The actor must manage the child's issuer; a child already under another plan is refused.
 */
export async function linkChildPlan(
  tx: Db,
  { actor, childPlanId, parentPlanId }: { actor: Actor; childPlanId: string; parentPlanId: string },
) {
  const child = await q.lockPlan(tx, childPlanId);
  assertCanManagePlan(actor, child.issuerPath);
  if (child.parentPlanId && child.parentPlanId !== parentPlanId)
    throw conflict("Kế hoạch này đã được gắn với một kế hoạch cấp trên khác. Hãy gỡ liên kết cũ trước.");
  if (child.id === parentPlanId) throw conflict("Một kế hoạch không thể trả lời chính nó.");
  if (!child.parentPlanId) await writeChanges(tx, child.id, child.version, { parentPlanId });
  return { plan: child, tasks: (await q.listTasks(tx, child.id)).filter(hasDue) };
}
