/** What a date expression means in a plan. */
export type DateKind = "deadline" | "event" | "range" | "reference" | "recurring" | "period";

/**
 * One date or time expression found in a text.
 *
 * Conventions (the issue leaves them open):
 * - a time without a date (`08 giờ`) has `date: null`, `time: "08:00"`;
 * - a time range on one day (`08h00' - 08h05'`) keeps `end: null` and sets `endTime`;
 * - a month, quarter, week or part of a year is a span: `date` = first day, `end` = last day.
 *   `trước tháng 10/2024` is read as that month (`deadline`, 2024-10-01 … 2024-10-31); when it falls due
 *   is decided once, by `dueOf` in domain/deadlines (`trước tháng 10` → end of 30 September);
 * - a recurring expression (`trước ngày 15 hằng tháng`) has no single date: `date: null`;
 * - a day or month written without a year takes the document year; with none known, `date` is null.
 */
export interface DateExpression {
  kind: DateKind;
  date: string | null;
  time: string | null;
  end: string | null;
  endTime: string | null;
  /** The exact substring, cue words included (`chậm nhất 08 giờ, ngày 31/5/2026`). */
  raw: string;
  /** Offset of `raw` in the text read. */
  index: number;
  /** True when the day is known (not a month/quarter span, not missing). */
  dayPrecise: boolean;
  /** A deadline replaced by another in the same text: `hạn cũ là ngày 10.4`, or the rest beside `lùi sang ngày 18.4`. */
  superseded: boolean;
}

export interface ReadDatesOptions {
  /** Year of the document, used where the text leaves the year out. */
  year?: number | null;
}
