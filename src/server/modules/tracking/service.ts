import type { BoardFilter } from "../../../contracts/tracking";
import { normalizeTones, searchKey } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/access";
import { forbidden, notFound } from "../../platform/errors";
import type { RawCounts } from "../obligations/counts";
import { boardSummary, countsByUnit, reachesPlan, reachesUnder, type UnitCountsRow, unitOrder } from "../obligations/read-model";
import { findUnitRef as findUnit, type UnitRef } from "../organisations/views";
import { findPlanRef as findPlan, type PlanRef } from "../plans/views";
import { messages, type TrackingScope, trackingScope } from "./policy";

export const DEFAULT_BOARD_LIMIT = 200;

/** The plan and what the actor may count of it; 404 for an unknown plan, 403 when the actor reaches no unit of it. */
export async function authorizeTracking(db: Db, actor: Actor, planId: string): Promise<{ plan: PlanRef; scope: TrackingScope }> {
  const plan = await findPlan(db, planId);
  if (!plan) throw notFound("Không tìm thấy kế hoạch. Có thể kế hoạch đã bị xoá hoặc đường dẫn sai.");
  const scope = trackingScope(actor, plan.issuerPath);
  if (!(await reachesAny(db, plan.id, scope))) throw forbidden(messages.board);
  return { plan, scope };
}

const reachesAny = async (db: Db, planId: string, scope: TrackingScope) => scope.all || reachesPlan(db, planId, scope);

/** Whether the actor may open the plan's board (the plan page offers the tab only then): the rule of authorizeTracking. */
export function canTrackPlan(db: Db, actor: Actor, plan: { id: string; issuerPath: string }): Promise<boolean> {
  return reachesAny(db, plan.id, trackingScope(actor, plan.issuerPath));
}

/**
 * A unit named in a tracking request (roll-up parent, board filter): 404 when unknown, 403 when the actor
 * counts no obligation of the plan at or under it, so a request cannot read the name of a unit outside its scope.
 */
export async function authorizeTrackedUnit(db: Db, plan: PlanRef, scope: TrackingScope, unitId: string, missing: string): Promise<UnitRef> {
  const unit = await findUnit(db, unitId);
  if (!unit) throw notFound(missing);
  if (!(await reachesUnder(db, plan.id, scope, unit.path))) throw forbidden(messages.unit);
  return unit;
}

export interface BoardData {
  plan: PlanRef;
  scope: TrackingScope;
  at: Date;
  /** Sorted: one page when paged, else every row the filters keep. */
  rows: UnitCountsRow[];
  /** Rows the filters keep, before paging. */
  rowCount: number;
  totals: RawCounts;
  submissionsByDay: Array<{ date: string; submitted: number; late: number; cumulative: number }>;
}

export interface LoadBoardOptions {
  actor: Actor;
  planId: string;
  now: Date;
  filter: BoardFilter;
  /** Without a page every row comes back (the Excel export). */
  page?: { limit: number; offset: number };
}

/** The board of a plan at `now`: per-unit counts (aggregated in SQL), their totals and the chart series. */
export async function loadBoard(db: Db, { actor, planId, now, filter, page }: LoadBoardOptions): Promise<BoardData> {
  const { plan, scope } = await authorizeTracking(db, actor, planId);
  let underPath: string | undefined;
  if (filter.unitId) {
    const unit = await authorizeTrackedUnit(db, plan, scope, filter.unitId, "Không tìm thấy đơn vị dùng để lọc. Hãy chọn lại đơn vị.");
    underPath = unit.path;
  }
  const options = {
    planId: plan.id,
    now,
    filter: { scope, searchKey: filter.q ? searchKey(filter.q) : undefined, tree: filter.tree, underPath },
    status: filter.status,
  };
  const { sort = "name", order: direction = "asc" } = filter;
  // Independent reads: on PostgreSQL they run side by side on two pooled connections.
  const [summary, order] = await Promise.all([boardSummary(db, options), page ? unitOrder(db, { ...options, sort }) : undefined]);
  let running = 0;
  const submissionsByDay = summary.days.map((d) => ({ ...d, cumulative: (running += d.submitted) }));
  const result = { plan, scope, at: now, totals: summary.totals, submissionsByDay };
  if (!page || !order) {
    const rows = sortUnits(await countsByUnit(db, options), (r) => r.unit.name, sort === "name" ? null : sortValue[sort], direction);
    return { ...result, rows, rowCount: rows.length };
  }
  // Only the order crosses for every unit; the full counts are read for the page alone.
  const ordered = sortUnits(order, (r) => r.name, sort === "name" ? null : (r) => r.value, direction);
  const pageIds = ordered.slice(page.offset, page.offset + page.limit).map((r) => r.unitId);
  const counts = new Map((await countsByUnit(db, { ...options, status: undefined, unitIds: pageIds })).map((r) => [r.unit.id, r]));
  return { ...result, rows: pageIds.flatMap((id) => counts.get(id) ?? []), rowCount: ordered.length };
}

// Same settings as compareVi; the names are tone-normalised once per row instead of once per comparison.
const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

type NumericSort = Exclude<NonNullable<BoardFilter["sort"]>, "name">;
const rate = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const sortValue: Record<NumericSort, (r: UnitCountsRow) => number | null> = {
  expected: (r) => r.expected,
  submitted: (r) => r.submitted,
  completeness: (r) => rate(r.submitted, r.expected),
  onTimeRate: (r) => rate(r.onTime, r.expected),
  late: (r) => r.late,
  overdue: (r) => r.overdue,
  returned: (r) => r.returned,
  accepted: (r) => r.accepted,
  nextDueAt: (r) => r.nextDueAt?.getTime() ?? null,
  lastSubmittedAt: (r) => r.lastSubmittedAt?.getTime() ?? null,
};

/**
 * Sorts by a value (or by name when `valueOfItem` is null) in Vietnamese order, ties by name ascending;
 * items without a value (no deadline left, nothing submitted) go last in either direction.
 */
export function sortUnits<T>(
  items: readonly T[],
  nameOf: (item: T) => string,
  valueOfItem: ((item: T) => number | null) | null,
  order: "asc" | "desc",
): T[] {
  const keyed = items.map((item) => ({ item, name: normalizeTones(nameOf(item)), value: valueOfItem ? valueOfItem(item) : null }));
  const sign = order === "desc" ? -1 : 1;
  const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
  if (!valueOfItem) keyed.sort((a, b) => sign * byName(a, b));
  else
    keyed.sort((a, b) => {
      const x = a.value;
      const y = b.value;
      if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
      return x === y ? byName(a, b) : sign * (x - y);
    });
  return keyed.map((k) => k.item);
}
