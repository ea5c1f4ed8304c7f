import { scanAtoms } from "./atoms";
import { combineAtoms } from "./combine";
import type { DateExpression, ReadDatesOptions } from "./types";

export type { DateExpression, DateKind, ReadDatesOptions } from "./types";

/** Longest text read in one call: a paragraph is never this long, and a 10 MB line must stay fast. */
export const MAX_DATE_TEXT = 100_000;

/**
 * Reads every date and time expression of a Vietnamese text, in order. Never throws.
 * `readDates("chậm nhất 08 giờ, ngày 31/5/2026")[0]` → `{ kind: "deadline", date: "2026-05-31", time: "08:00", … }`.
 */
export function readDates(text: string, options: ReadDatesOptions = {}): DateExpression[] {
  try {
    if (typeof text !== "string" || text.length === 0) return [];
    const t = text.length > MAX_DATE_TEXT ? text.slice(0, MAX_DATE_TEXT) : text;
    const year = options.year != null && Number.isInteger(options.year) ? options.year : null;
    return combineAtoms(t, scanAtoms(t), year);
  } catch {
    // A reader of free text must not bring the import down; an unreadable text has no dates.
    return [];
  }
}

/** The public JSON shape of one expression (the CLI prints this): `toDateJson(readDates("08 giờ")[0])`. */
export function toDateJson(e: DateExpression): Pick<DateExpression, "kind" | "date" | "time" | "end" | "endTime" | "raw"> {
  return { kind: e.kind, date: e.date, time: e.time, end: e.end, endTime: e.endTime, raw: e.raw };
}

const DURATION = /(?<![\p{L}\p{N}/])(?:½|1\/2|\d{1,2})\s*(?:ngày|buổi)(?![\p{L}])/iu;

/** The first length of time written in a text, as written: `readDuration("tổ chức: ½ ngày (xong …)") === "½ ngày"`. */
export function readDuration(text: string): string | null {
  const m = DURATION.exec(text.slice(0, 100_000));
  return m ? m[0] : null;
}
