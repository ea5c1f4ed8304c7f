import type { Board, BoardRow, MyWork, Rollup, TrackedUnit } from "../../../contracts/tracking";
import { presentCounts as trackingCounts } from "../obligations/counts";
import type { UnitCountsRow } from "../obligations/read-model";
import type { UnitRef } from "../organisations/views";
import type { MyWorkData } from "./my-work";
import type { RollupData } from "./rollup";
import type { BoardData } from "./service";

const presentUnit = (u: UnitRef): TrackedUnit => ({
  id: u.id,
  name: u.name,
  shortName: u.shortName,
  path: u.path,
  level: u.level,
  tree: u.tree,
});

export function presentBoardRow(row: UnitCountsRow): BoardRow {
  return {
    unit: presentUnit(row.unit),
    counts: trackingCounts(row),
    nextDueAt: row.nextDueAt?.toISOString() ?? null,
    lastSubmittedAt: row.lastSubmittedAt?.toISOString() ?? null,
    late: row.late > 0,
    overdue: row.overdue > 0,
  };
}

export function presentBoard(data: BoardData, page: { limit: number; offset: number }): Board {
  const { plan, totals } = data;
  return {
    plan: { id: plan.id, title: plan.title, number: plan.number, status: plan.status, issuerUnitId: plan.issuerUnitId },
    at: data.at.toISOString(),
    allUnits: data.scope.all,
    totals: trackingCounts(totals),
    chart: {
      byStatus: { open: totals.open, submitted: totals.awaiting, returned: totals.returned, accepted: totals.accepted },
      submissionsByDay: data.submissionsByDay,
    },
    rows: data.rows.map(presentBoardRow),
    rowCount: data.rowCount,
    limit: page.limit,
    offset: page.offset,
  };
}

export function presentRollup(data: RollupData): Rollup {
  return {
    at: data.at.toISOString(),
    parent: data.parent ? presentUnit(data.parent) : null,
    breadcrumb: data.breadcrumb.map((u) => ({ id: u.id, name: u.name })),
    totals: trackingCounts(data.totals),
    own: data.own ? trackingCounts(data.own) : null,
    children: data.children.map((c) => ({ unit: presentUnit(c.unit), counts: trackingCounts(c.counts), hasChildren: c.hasChildren })),
  };
}

export function presentMyWork(data: MyWorkData): MyWork {
  return {
    at: data.at.toISOString(),
    truncated: data.truncated,
    items: data.items.map(({ timeLeft, ...row }) => ({
      obligationId: row.obligationId,
      status: row.status,
      returnedReason: row.returnedReason,
      dueDate: row.dueDate,
      dueTime: row.dueTime,
      dueAt: row.dueAt.toISOString(),
      minutesLeft: (timeLeft.overdue ? -1 : 1) * (timeLeft.days * 1440 + timeLeft.hours * 60 + timeLeft.minutes),
      overdue: timeLeft.overdue,
      timeLeftLabel: timeLeft.label,
      plan: row.plan,
      task: row.task,
      unit: row.unit,
    })),
  };
}
