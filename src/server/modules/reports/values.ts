import { and, eq } from "drizzle-orm";
import type { SaveValuesRequest, UnitReport } from "../../../contracts/reports";
import { ratioOf, valueProblems } from "../../../domain/reports/rules";
import type { Db } from "../../db/client";
import { reportValues, unitReports } from "../../db/schema/index";
import { type Actor, assertCan } from "../../platform/access";
import { notFound, versionConflict } from "../../platform/errors";
import { canReadObligation, canSubmit } from "../obligations/policy";
import { loadObligation, type ObligationContext } from "../obligations/queries";
import { findTaskRef } from "../plans/views";
import { presentFormOf } from "./forms";
import { assertReportEditable, invalid } from "./policy";
import { asRule, type FormRow, findFormOfTask, formMissing, formParts } from "./queries";
import { storedSections } from "./section-rows";

/**
 * A unit's report under its task's form: one per obligation, its values per indicator. Saving checks every
 * rule of the form on the values as they would be after the save; one broken rule and nothing is saved.
 */

/**
 * The obligation, its task and the task's form. Reading needs the obligation's read rule (404 otherwise); writing
 * is asked of the writer's rule instead, so a unit writing into another unit's report is told 403.
 */
export async function reportContext(db: Db, actor: Actor, obligationId: string, write = false) {
  const missing = "Không tìm thấy việc cần làm.";
  const obligation = await loadObligation(db, obligationId).catch(() => undefined);
  if (!obligation) throw notFound(missing);
  if (write)
    assertCan(canSubmit(actor, obligation), "Bạn chỉ được viết, nhập số liệu cho báo cáo của đơn vị mình; báo cáo này thuộc đơn vị khác.");
  else if (!canReadObligation(actor, obligation)) throw notFound(missing);
  const [task, form] = await Promise.all([findTaskRef(db, obligation.taskId), findFormOfTask(db, obligation.taskId)]);
  if (!task) throw notFound(missing);
  if (!form) throw notFound(formMissing);
  return { obligation, task, form };
}

async function storedValues(db: Db, reportId: string | undefined): Promise<Map<string, number>> {
  if (!reportId) return new Map();
  const rows = await db.select().from(reportValues).where(eq(reportValues.reportId, reportId));
  return new Map(rows.map((r) => [r.indicatorId, r.value]));
}

export async function findReport(db: Db, obligationId: string, lock = false) {
  const query = db.select().from(unitReports).where(eq(unitReports.obligationId, obligationId));
  const [row] = await (lock ? query.for("update") : query);
  return row;
}

export async function present(
  db: Db,
  actor: Actor,
  context: { obligation: ObligationContext; task: NonNullable<Awaited<ReturnType<typeof findTaskRef>>>; form: FormRow },
): Promise<UnitReport> {
  const { obligation, task, form } = context;
  const report = await findReport(db, obligation.id);
  const [values, sections] = await Promise.all([storedValues(db, report?.id), storedSections(db, report?.id)]);
  const presented = await presentFormOf(db, actor, task, form);
  const computed = presented.indicators
    .filter((i) => i.ratio)
    .map((i) => ({ indicatorId: i.id, value: ratioOf(values.get(i.ratio?.numeratorId ?? ""), values.get(i.ratio?.denominatorId ?? "")) }));
  return {
    obligationId: obligation.id,
    unit: { id: obligation.unitId, name: obligation.unitName },
    obligationStatus: obligation.status,
    form: presented,
    version: report?.version ?? 0,
    values: presented.indicators.filter((i) => !i.computed).map((i) => ({ indicatorId: i.id, value: values.get(i.id) ?? null })),
    computed,
    sections,
    canEdit: canSubmit(actor, obligation) && obligation.status !== "accepted" && obligation.planStatus === "issued",
  };
}

export type ReportContext = Awaited<ReturnType<typeof reportContext>>;

export async function getUnitReport(db: Db, actor: Actor, obligationId: string): Promise<UnitReport> {
  return present(db, actor, await reportContext(db, actor, obligationId));
}

export interface SaveValuesOptions {
  actor: Actor;
  obligationId: string;
  input: SaveValuesRequest;
}

/** Sets the given values (null clears one), checks every rule on the result, and saves all or nothing. */
export async function saveValues(db: Db, { actor, obligationId, input }: SaveValuesOptions): Promise<UnitReport> {
  const context = await reportContext(db, actor, obligationId, true);
  await db.transaction(async (tx) => {
    // The obligation's row lock queues this save behind an acceptance under way, and its state is read afresh.
    const obligation = await loadObligation(tx, obligationId, true);
    assertReportEditable(obligation);
    let report = await findReport(tx, obligationId, true);
    if ((report?.version ?? 0) !== input.version) throw versionConflict("Báo cáo của đơn vị");
    const values = await storedValues(tx, report?.id);
    for (const v of input.values) {
      if (v.value === null) values.delete(v.indicatorId);
      else values.set(v.indicatorId, v.value);
    }
    const { indicators } = await formParts(tx, context.form.id);
    const problems = valueProblems(indicators.map(asRule), values);
    if (problems.length > 0) throw invalid(problems.join(" "), { problems });
    if (report) {
      [report] = await tx
        .update(unitReports)
        .set({ version: report.version + 1, updatedBy: actor.userId, updatedAt: new Date() })
        .where(and(eq(unitReports.id, report.id), eq(unitReports.version, report.version)))
        .returning();
    } else {
      [report] = await tx
        .insert(unitReports)
        .values({ formId: context.form.id, obligationId, unitId: obligation.unitId, updatedBy: actor.userId })
        .onConflictDoNothing()
        .returning();
    }
    // A first save racing another first save finds the row taken: the later one is told, as with a stale version.
    if (!report) throw versionConflict("Báo cáo của đơn vị");
    const reportId = report.id;
    await tx.delete(reportValues).where(eq(reportValues.reportId, reportId));
    if (values.size > 0)
      await tx.insert(reportValues).values([...values].map(([indicatorId, value]) => ({ reportId, indicatorId, value })));
  });
  return present(db, actor, await reportContext(db, actor, obligationId));
}
