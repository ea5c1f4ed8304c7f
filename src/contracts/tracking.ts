import { z } from "zod";
import { IdParams, Uuid } from "./common";
import { ObligationCounts } from "./counts";
import { endpoint, file, json, MIME } from "./http";

/** The tracking board, the roll-up by tree level and "my work"; counts are `ObligationCounts` (contracts/counts.ts). */

export const boardStatusFilters = ["pending", "submitted", "onTime", "late", "overdue", "returned", "accepted", "complete"] as const;
export const boardSorts = [
  "name",
  "expected",
  "submitted",
  "completeness",
  "onTimeRate",
  "late",
  "overdue",
  "returned",
  "accepted",
  "nextDueAt",
  "lastSubmittedAt",
] as const;

const Search = z.string().trim().max(200, { error: "Từ khoá tìm kiếm quá dài (tối đa 200 ký tự)." });

/** Shared by the board, its Excel export and the web filters. */
export const BoardFilter = z.strictObject({
  status: z
    .enum(boardStatusFilters, {
      error: "Trạng thái lọc phải là một trong: pending, submitted, onTime, late, overdue, returned, accepted, complete.",
    })
    .optional(),
  q: Search.optional(),
  sort: z.enum(boardSorts, { error: `Cột sắp xếp phải là một trong: ${boardSorts.join(", ")}.` }).optional(),
  order: z.enum(["asc", "desc"], { error: "Thứ tự sắp xếp phải là asc hoặc desc." }).optional(),
  /** The unit tree: state, party, military, … */
  tree: z.string().trim().min(1).max(50, { error: "Tên cây đơn vị quá dài." }).optional(),
  /** Only this unit and the units under it. */
  unitId: Uuid.optional(),
});
export type BoardFilter = z.infer<typeof BoardFilter>;

export const BoardQuery = BoardFilter.extend({
  limit: z.coerce
    .number({ error: "limit phải là số." })
    .int()
    .min(1, { error: "limit phải từ 1 đến 1000." })
    .max(1000, { error: "limit phải từ 1 đến 1000." })
    .optional(),
  offset: z.coerce.number({ error: "offset phải là số." }).int().min(0, { error: "offset không được âm." }).optional(),
});
export type BoardQuery = z.infer<typeof BoardQuery>;

export const TrackedUnit = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  path: z.string(),
  level: z.number().int(),
  tree: z.string(),
});
export type TrackedUnit = z.infer<typeof TrackedUnit>;

export const BoardRow = z.object({
  unit: TrackedUnit,
  counts: ObligationCounts,
  /** The earliest deadline still owed (ISO instant), or null when everything is in. */
  nextDueAt: z.string().nullable(),
  lastSubmittedAt: z.string().nullable(),
  late: z.boolean(),
  overdue: z.boolean(),
});
export type BoardRow = z.infer<typeof BoardRow>;

export const BoardPlan = z.object({
  id: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  status: z.enum(["draft", "issued", "closed"]),
  issuerUnitId: z.string(),
});

export const BoardChart = z.object({
  /** Obligations by stored status; the four add up to `expected`. */
  byStatus: z.object({ open: z.number().int(), submitted: z.number().int(), returned: z.number().int(), accepted: z.number().int() }),
  /** Obligations delivered per Vietnam day (by their latest submission), with the running total. */
  submissionsByDay: z.array(
    z.object({ date: z.string(), submitted: z.number().int(), late: z.number().int(), cumulative: z.number().int() }),
  ),
});

export const Board = z.object({
  plan: BoardPlan,
  /** The instant the counts were computed at. */
  at: z.string(),
  /** True when the actor sees every unit of the plan, false when only its own units. */
  allUnits: z.boolean(),
  totals: ObligationCounts,
  chart: BoardChart,
  rows: z.array(BoardRow),
  /** Rows matching the filters, before paging. */
  rowCount: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type Board = z.infer<typeof Board>;

export const RollupQuery = z.strictObject({ parentUnitId: Uuid.optional() });

export const RollupRow = z.object({
  unit: TrackedUnit,
  counts: ObligationCounts,
  /** True when units under this one carry obligations: the UI may drill down. */
  hasChildren: z.boolean(),
});

export const Rollup = z.object({
  at: z.string(),
  /** The unit whose children are listed; null above the tops of the trees. */
  parent: TrackedUnit.nullable(),
  /** From the top down to the parent, for drilling back up. */
  breadcrumb: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The parent's subtree: equals `own` plus the sum of `children`. */
  totals: ObligationCounts,
  /** The parent unit's own obligations, when it has any. */
  own: ObligationCounts.nullable(),
  children: z.array(RollupRow),
});
export type Rollup = z.infer<typeof Rollup>;

export const MyWorkQuery = z.strictObject({
  unitId: Uuid.optional(),
  limit: z.coerce
    .number({ error: "limit phải là số." })
    .int()
    .min(1, { error: "limit phải từ 1 đến 500." })
    .max(500, { error: "limit phải từ 1 đến 500." })
    .optional(),
});

export const MyWorkItem = z.object({
  obligationId: z.string(),
  status: z.enum(["open", "returned"]),
  returnedReason: z.string().nullable(),
  dueDate: z.string(),
  dueTime: z.string().nullable(),
  dueAt: z.string(),
  /** Whole minutes to the deadline; negative once overdue (rounded against the unit, as `timeLeft`). */
  minutesLeft: z.number().int(),
  overdue: z.boolean(),
  /** "còn 2 ngày 3 giờ" / "quá hạn 45 phút" */
  timeLeftLabel: z.string(),
  plan: z.object({ id: z.string(), title: z.string(), number: z.string().nullable() }),
  task: z.object({
    id: z.string(),
    what: z.string(),
    deliverable: z.enum(["report", "document", "conference", "delegates", "confirmation"]),
    /** The task carries a report form: "Việc của tôi" links to its "Báo cáo" page. */
    hasReportForm: z.boolean(),
  }),
  unit: z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable() }),
});
export type MyWorkItem = z.infer<typeof MyWorkItem>;

export const MyWork = z.object({ at: z.string(), items: z.array(MyWorkItem), truncated: z.boolean() });
export type MyWork = z.infer<typeof MyWork>;

/** One unit's (or every visible unit's) obligations of a plan: how a manager gets from a board row to a submission. */
export const PlanObligationsQuery = z.strictObject({ unitId: Uuid.optional() });
export const PlanObligationItem = z.object({
  id: z.string(),
  status: z.enum(["open", "submitted", "returned", "accepted"]),
  dueDate: z.string(),
  dueTime: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  lateSubmission: z.boolean(),
  submittedAt: z.string().nullable(),
  task: z.object({ id: z.string(), what: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }),
});
export const PlanObligations = z.object({ items: z.array(PlanObligationItem) });
export type PlanObligations = z.infer<typeof PlanObligations>;

const tags = ["tracking"];

/** The board, the roll-up, a plan's obligations and "my work". */
export const trackingEndpoints = {
  board: endpoint({
    method: "GET",
    path: "/api/plans/:id/board",
    tags,
    summary: "Bảng theo dõi kế hoạch: tổng hợp và từng đơn vị (lọc, sắp xếp, phân trang)",
    params: IdParams,
    query: BoardQuery,
    reply: json(Board),
  }),
  boardXlsx: endpoint({
    method: "GET",
    path: "/api/plans/:id/board.xlsx",
    tags,
    summary: "Xuất bảng theo dõi ra tệp Excel (cùng bộ lọc và thứ tự như trên màn hình, không phân trang)",
    params: IdParams,
    query: BoardFilter,
    reply: file(MIME.xlsx, "Tệp Excel (.xlsx)"),
  }),
  rollup: endpoint({
    method: "GET",
    path: "/api/plans/:id/rollup",
    tags,
    summary: "Tổng hợp theo cấp: mỗi đơn vị con với số liệu của cả cây bên dưới",
    params: IdParams,
    query: RollupQuery,
    reply: json(Rollup),
  }),
  planObligations: endpoint({
    method: "GET",
    path: "/api/plans/:id/obligations",
    tags,
    summary: "Các nghĩa vụ của kế hoạch mà người dùng được xem (lọc theo một đơn vị), hạn gần nhất trước",
    params: IdParams,
    query: PlanObligationsQuery,
    reply: json(PlanObligations),
  }),
  myWork: endpoint({
    method: "GET",
    path: "/api/my-work",
    tags,
    summary: "Việc của tôi: nhiệm vụ đơn vị mình còn phải nộp, hạn gần nhất trước",
    query: MyWorkQuery,
    reply: json(MyWork),
  }),
};
