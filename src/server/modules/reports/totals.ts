import { and, eq, type SQL, sql } from "drizzle-orm";
import { alias, unionAll } from "drizzle-orm/pg-core";
import type { IndicatorTotal } from "../../../contracts/reports";
import type { Db } from "../../db/client";
import { reportIndicators, reportValues, unitReports } from "../../db/schema/index";
import { obligationSent, SEGMENT } from "../obligations/read-model";
import { inUnitScope, type UnitScope, underUnitPath, unitView } from "../organisations/views";
import type { IndicatorRow } from "./queries";

/**
 * The numbers of a form summed up the unit tree. One query per level: every value of the form in the subtree of
 * `parentPath`, grouped by the child of the parent that heads each unit's subtree (`left(path, len + 37)`, as the
 * obligations roll-up does), per indicator; a ratio's parts are summed over the units that gave both, in the same
 * query, so the ratio is recomputed from sums and never averaged.
 */

const unit = unitView("unit");

export interface SubtreeSums {
  headPath: string;
  indicatorId: string;
  /** Σ of the values (of the numerator, for a ratio). */
  sum: number;
  /** Σ of the denominators, for a ratio; null otherwise. */
  denominator: number | null;
  units: number;
}

export async function sumsBySubtree(db: Db, options: { formId: string; scope: UnitScope; parentPath: string }): Promise<SubtreeSums[]> {
  const { formId, scope, parentPath } = options;
  const width = sql.raw(String(parentPath.length + SEGMENT));
  const head = sql<string>`left(${unit.path}, ${width})`;
  const where = (...more: SQL[]) =>
    and(
      eq(unitReports.formId, formId),
      parentPath ? underUnitPath(unit, parentPath) : undefined,
      inUnitScope(unit, scope),
      obligationSent(unitReports.obligationId),
      ...more,
    );
  const entered = db
    .select({
      headPath: head.as("head_path"),
      indicatorId: sql<string>`${reportValues.indicatorId}`.as("indicator_id"),
      sum: sql<number>`sum(${reportValues.value})`.mapWith(Number).as("sum"),
      denominator: sql<number | null>`null::numeric`.mapWith(Number).as("denominator"),
      units: sql<number>`count(*)::int`.mapWith(Number).as("units"),
    })
    .from(reportValues)
    .innerJoin(unitReports, eq(unitReports.id, reportValues.reportId))
    .innerJoin(unit, eq(unit.id, unitReports.unitId))
    .where(where())
    .groupBy(head, reportValues.indicatorId);
  const numerator = alias(reportValues, "numerator");
  const denominator = alias(reportValues, "denominator");
  const ratios = db
    .select({
      headPath: head.as("head_path"),
      indicatorId: sql<string>`${reportIndicators.id}`.as("indicator_id"),
      sum: sql<number>`sum(${numerator.value})`.mapWith(Number).as("sum"),
      denominator: sql<number | null>`sum(${denominator.value})`.mapWith(Number).as("denominator"),
      units: sql<number>`count(*)::int`.mapWith(Number).as("units"),
    })
    .from(reportIndicators)
    .innerJoin(numerator, eq(numerator.indicatorId, reportIndicators.numeratorId))
    .innerJoin(denominator, and(eq(denominator.reportId, numerator.reportId), eq(denominator.indicatorId, reportIndicators.denominatorId)))
    .innerJoin(unitReports, eq(unitReports.id, numerator.reportId))
    .innerJoin(unit, eq(unit.id, unitReports.unitId))
    .where(where(eq(reportIndicators.formId, formId)))
    .groupBy(head, reportIndicators.id);
  return unionAll(entered, ratios);
}

/** Adds up groups of sums (the children of a level into the level's total). */
export function addSums(groups: readonly SubtreeSums[]): Map<string, Omit<SubtreeSums, "headPath" | "indicatorId">> {
  const totals = new Map<string, Omit<SubtreeSums, "headPath" | "indicatorId">>();
  for (const g of groups) {
    const t = totals.get(g.indicatorId) ?? { sum: 0, denominator: null, units: 0 };
    totals.set(g.indicatorId, {
      sum: t.sum + g.sum,
      denominator: g.denominator === null ? t.denominator : (t.denominator ?? 0) + g.denominator,
      units: t.units + g.units,
    });
  }
  return totals;
}

/**
 * One total per indicator of the form: a sum for integers and decimals, the ratio of the summed parts × 100 for a
 * computed ratio, and null for an entered percentage (percentages of different bases do not add up).
 */
export function indicatorTotals(
  indicators: readonly IndicatorRow[],
  sums: Map<string, Omit<SubtreeSums, "headPath" | "indicatorId">>,
  expected: number,
): IndicatorTotal[] {
  return indicators.map((i) => {
    const s = sums.get(i.id);
    const included = s?.units ?? 0;
    let value: number | null = null;
    if (s && included > 0) {
      if (i.numeratorId && i.denominatorId) value = s.denominator ? (s.sum / s.denominator) * 100 : null;
      else if (i.kind !== "percentage") value = s.sum;
    }
    return { indicatorId: i.id, value, included, expected };
  });
}
