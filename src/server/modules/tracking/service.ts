import type { BoardFilter } from "../../../contracts/tracking";
import { normalizeTones, searchKey } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/access";
import { forbidden, notFound } from "../../platform/errors";
import { sumCounts, type BoardStatusFilter } from "./counts";
import { messages, trackingScope, type TrackingScope } from "./policy";
import { countsByUnit, deliveriesByDay, findPlan, findUnit, reachesPlan, type PlanRef, type RawCounts, type UnitCountsRow } from "./queries";

export const DEFAULT_BOARD_LIMIT = 200;

/** The plan and what the actor may count of it; 404 for an unknown plan, 403 when the actor reaches no unit of it. */
export async function authorizeTracking(db: Db, actor: Actor, planId: string): Promise<{ plan: PlanRef; scope: TrackingScope }> {
  const plan = await findPlan(db, planId);
  if (!plan) throw notFound("Không tìm thấy kế hoạch. Có thể kế hoạch đã bị xoá hoặc đường dẫn sai.");
  const scope = trackingScope(actor, plan.issuerPath);
  if (!scope.all && !(await reachesPlan(db, plan.id, scope))) throw forbidden(messages.board);
  return { plan, scope };
}

export interface BoardData {
  plan: PlanRef;
  scope: TrackingScope;
  at: Date;
  /** Every row the filters keep, sorted; paging is the caller's. */
  rows: UnitCountsRow[];
  totals: RawCounts;
  submissionsByDay: Array<{ date: string; submitted: number; late: number; cumulative: number }>;
}

export interface LoadBoardOptions {
  actor: Actor;
  planId: string;
  now: Date;
  filter: BoardFilter;
}

/** The board of a plan at `now`: per-unit counts (aggregated in SQL), their totals and the chart series. */
export async function loadBoard(db: Db, { actor, planId, now, filter }: LoadBoardOptions): Promise<BoardData> {
  const { plan, scope } = await authorizeTracking(db, actor, planId);
  let underPath: string | undefined;
  if (filter.unitId) {
    const unit = await findUnit(db, filter.unitId);
    if (!unit) throw notFound("Không tìm thấy đơn vị dùng để lọc. Hãy chọn lại đơn vị.");
    underPath = unit.path;
  }
  const unitFilter = { scope, searchKey: filter.q ? searchKey(filter.q) : undefined, tree: filter.tree, underPath };
  const status: BoardStatusFilter | undefined = filter.status;
  const rows = await countsByUnit(db, { planId: plan.id, now, filter: unitFilter, status });
  const days = await deliveriesByDay(db, { planId: plan.id, filter: unitFilter, unitIds: status ? rows.map((r) => r.unit.id) : undefined });
  let running = 0;
  const submissionsByDay = days.map((d) => ({ ...d, cumulative: (running += d.submitted) }));
  return { plan, scope, at: now, rows: sortRows(rows, filter), totals: sumCounts(rows), submissionsByDay };
}

// Same settings as compareVi; the names are tone-normalised once per row instead of once per comparison.
const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

type SortKey = NonNullable<BoardFilter["sort"]>;
const rate = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const sortValue: Record<Exclude<SortKey, "name">, (r: UnitCountsRow) => number | null> = {
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

/** Sorts by the chosen column (Vietnamese order for names), ties by name; empty dates go last either way. */
export function sortRows(rows: UnitCountsRow[], { sort = "name", order = "asc" }: Pick<BoardFilter, "sort" | "order">): UnitCountsRow[] {
  const keyed = rows.map((row) => ({ row, name: normalizeTones(row.unit.name) }));
  const sign = order === "desc" ? -1 : 1;
  const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
  if (sort === "name") keyed.sort((a, b) => sign * byName(a, b));
  else {
    const value = sortValue[sort];
    keyed.sort((a, b) => {
      const x = value(a.row);
      const y = value(b.row);
      if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
      return x === y ? byName(a, b) : sign * (x - y);
    });
  }
  return keyed.map((k) => k.row);
}
