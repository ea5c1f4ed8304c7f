import type { boardStatusFilters, TrackingCounts } from "../../../contracts/tracking";
import type { RawCounts } from "./queries";

export type BoardStatusFilter = (typeof boardStatusFilters)[number];

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
export function trackingCounts(raw: RawCounts): TrackingCounts {
  return {
    expected: raw.expected,
    submitted: raw.submitted,
    onTime: raw.onTime,
    late: raw.late,
    overdue: raw.overdue,
    returned: raw.returned,
    accepted: raw.accepted,
    completeness: ratio(raw.submitted, raw.expected),
    onTimeRate: ratio(raw.onTime, raw.expected),
  };
}
