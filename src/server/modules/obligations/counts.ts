import { inArray, type SQL, sql } from "drizzle-orm";
import type { ObligationCounts } from "../../../contracts/counts";
import type { Db } from "../../db/client";
import { obligations } from "../../db/schema/index";

/**
 * The one count rule for obligations, used by the plan list and plan page, the board, the roll-up and "my work".
 *
 * - done: `submitted` or `accepted`. The unit has sent what was asked (DOMAIN.md: completeness = submitted ÷ expected;
 *   an accepted obligation was submitted first, so acceptance never takes it out of "submitted").
 * - owed: `open` or `returned` (sent back, so owed again). Every obligation is exactly one of done or owed.
 * - overdue: owed and `due_at` strictly before `now`, where `now` is passed in (never the database clock), so one
 *   request counts every view at one instant and tests set the clock: the rule of `isOverdue` in domain/deadlines.
 * - late: submitted after its due instant (the flag set at submission), whatever happened after.
 * - on time: done and not late.
 */
export const DONE_STATUSES = ["submitted", "accepted"] as const;
export const OWED_STATUSES = ["open", "returned"] as const;

export const n = (expr: SQL) => sql<number>`${expr}`.mapWith(Number);
/** SQL: the obligation is still owed (open or returned). */
export const owed = sql`${obligations.status} in ('open', 'returned')`;
/** SQL: the obligation is done (submitted or accepted). */
export const done = sql`${obligations.status} in ('submitted', 'accepted')`;
/** SQL: owed and past its due instant at `now`. */
export const overdueAt = (now: Date) => sql`(${owed} and ${obligations.dueAt} < ${now.toISOString()}::timestamptz)`;

/** Raw counts of a set of obligations, as the SQL below computes them. */
export interface RawCounts {
  expected: number;
  /** open, never submitted */
  open: number;
  /** submitted, waiting for review */
  awaiting: number;
  /** done: submitted or accepted */
  submitted: number;
  onTime: number;
  late: number;
  overdue: number;
  returned: number;
  accepted: number;
}

/** The aggregate columns of `RawCounts` over the rows of `obligations` in a query, at `now`. */
export function countColumns(now: Date) {
  return {
    expected: n(sql`count(*)::int`),
    open: n(sql`count(*) filter (where ${obligations.status} = 'open')::int`),
    awaiting: n(sql`count(*) filter (where ${obligations.status} = 'submitted')::int`),
    submitted: n(sql`count(*) filter (where ${done})::int`),
    onTime: n(sql`count(*) filter (where ${done} and not ${obligations.lateSubmission})::int`),
    late: n(sql`count(*) filter (where ${obligations.lateSubmission})::int`),
    overdue: n(sql`count(*) filter (where ${overdueAt(now)})::int`),
    returned: n(sql`count(*) filter (where ${obligations.status} = 'returned')::int`),
    accepted: n(sql`count(*) filter (where ${obligations.status} = 'accepted')::int`),
  };
}

export const emptyCounts = (): RawCounts => ({
  expected: 0,
  open: 0,
  awaiting: 0,
  submitted: 0,
  onTime: 0,
  late: 0,
  overdue: 0,
  returned: 0,
  accepted: 0,
});

const keys = Object.keys(emptyCounts()) as Array<keyof RawCounts>;

/** Adds counts of disjoint sets of obligations (units, subtrees). */
export function sumCounts(rows: readonly RawCounts[]): RawCounts {
  const total = emptyCounts();
  for (const row of rows) for (const k of keys) total[k] += row[k];
  return total;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

/** The wire counts: completeness = submitted ÷ expected, onTimeRate = onTime ÷ expected (4 decimals). */
export function presentCounts(raw: RawCounts | undefined): ObligationCounts {
  const c = raw ?? emptyCounts();
  return {
    expected: c.expected,
    submitted: c.submitted,
    onTime: c.onTime,
    late: c.late,
    overdue: c.overdue,
    returned: c.returned,
    accepted: c.accepted,
    completeness: ratio(c.submitted, c.expected),
    onTimeRate: ratio(c.onTime, c.expected),
  };
}

/** Counts per plan at `now` (the plan list and plan page). */
export async function countsByPlan(db: Db, planIds: readonly string[], now: Date): Promise<Map<string, RawCounts>> {
  if (planIds.length === 0) return new Map();
  const rows = await db
    .select({ planId: obligations.planId, ...countColumns(now) })
    .from(obligations)
    .where(inArray(obligations.planId, [...planIds]))
    .groupBy(obligations.planId);
  return new Map(rows.map(({ planId, ...counts }) => [planId, counts]));
}
