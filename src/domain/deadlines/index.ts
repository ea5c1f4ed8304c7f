/**
 * Deadline rules, pure and exact to the minute. Vietnam keeps UTC+7 all year (no daylight saving), so a
 * fixed offset is correct and needs no time-zone database. A deadline is a date (`2026-05-31`) with an
 * optional time (`08:00`); without a time it lasts the whole Vietnam day, not until its midnight start.
 * "Late" and "overdue" mean strictly after the due instant: a report in at 08:00 for "chậm nhất 08 giờ" is on time.
 */

export const VIETNAM_OFFSET_MINUTES = 7 * 60;
const MINUTE = 60_000;
const OFFSET_MS = VIETNAM_OFFSET_MINUTES * MINUTE;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date in ISO form: `isIsoDate("2026-02-30")` → false. */
export function isIsoDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** True for a 24-hour `HH:MM`: `isClockTime("08:00")` → true, `isClockTime("24:00")` → false. */
export function isClockTime(text: string): boolean {
  return TIME.test(text);
}

function parseDate(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * The instant from which a deadline is missed: `dueInstant("2026-05-31", "08:00")` → 2026-05-31T01:00:00Z;
 * `dueInstant("2026-05-31", null)` → 2026-05-31T17:00:00Z (the start of 1 June in Vietnam).
 */
export function dueInstant(date: string, time: string | null): Date {
  const [y, mo, d] = parseDate(date);
  if (time === null) return new Date(Date.UTC(y, mo - 1, d + 1) - OFFSET_MS);
  const m = TIME.exec(time);
  if (!m) throw new RangeError(`not a HH:MM time: ${time}`);
  return new Date(Date.UTC(y, mo - 1, d, Number(m[1]), Number(m[2])) - OFFSET_MS);
}

/** Strictly after the due instant: `isLateSubmission(new Date("2026-05-31T01:00:00Z"), due)` → false when due is 08:00 VN. */
export function isLateSubmission(submittedAt: Date, dueAt: Date): boolean {
  return submittedAt.getTime() > dueAt.getTime();
}

export interface DueState {
  status: "open" | "submitted" | "returned" | "accepted";
  dueAt: Date;
}

/**
 * Overdue = still owed (open, or returned and not yet resubmitted) after the due instant:
 * `isOverdue({ status: "open", dueAt }, now)`; a submitted or accepted obligation is never overdue.
 */
export function isOverdue(obligation: DueState, now: Date): boolean {
  return (obligation.status === "open" || obligation.status === "returned") && now.getTime() > obligation.dueAt.getTime();
}

export interface TimeLeft {
  /** Milliseconds until the due instant; negative once past. */
  ms: number;
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
  /** Vietnamese: `còn 2 ngày 3 giờ`, `còn 45 phút`, `quá hạn 1 ngày 2 giờ`. */
  label: string;
}

/** Time left to the minute: `timeLeft(due, now).label` → "còn 1 ngày 2 giờ 5 phút" or "quá hạn 3 giờ". */
export function timeLeft(dueAt: Date, now: Date): TimeLeft {
  const ms = dueAt.getTime() - now.getTime();
  const overdue = ms < 0;
  // Round towards "less time left" while counting down and "more late" once past: never flatter the unit.
  const total = overdue ? Math.ceil(-ms / MINUTE) : Math.floor(ms / MINUTE);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts = [days ? `${days} ngày` : "", hours ? `${hours} giờ` : "", minutes || (!days && !hours) ? `${minutes} phút` : ""].filter(
    Boolean,
  );
  return { ms, overdue, days, hours, minutes, label: `${overdue ? "quá hạn" : "còn"} ${parts.join(" ")}` };
}

export interface Deadline {
  date: string;
  time: string | null;
}

/**
 * Deadlines must nest (commune before district before city): true when the child's is later.
 * `laterThanParent({ date: "2026-06-01", time: null }, { date: "2026-06-01", time: "17:00" })` → true.
 */
export function laterThanParent(childDue: Deadline, parentDue: Deadline): boolean {
  return dueInstant(childDue.date, childDue.time).getTime() > dueInstant(parentDue.date, parentDue.time).getTime();
}

/** Today's date in Vietnam: `vietnamToday(new Date("2026-05-31T18:00:00Z"))` → "2026-06-01". */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Vietnam wall-clock time of an instant: `vietnamClock(new Date("2026-06-02T01:35:00Z"))` → "08:35". */
export function vietnamClock(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** Calendar arithmetic on ISO dates: `addDays("2026-02-27", 2)` → "2026-03-01". */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = parseDate(date);
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/** A deadline as an official writes it: `formatDeadline("2026-05-31", "08:00")` → "08:00 ngày 31/05/2026". */
export function formatDeadline(date: string, time: string | null): string {
  const [y, mo, d] = parseDate(date);
  const day = `ngày ${String(d).padStart(2, "0")}/${String(mo).padStart(2, "0")}/${y}`;
  return time ? `${time} ${day}` : day;
}

/** A deadline as the date reader (domain/dates) found it in a text. */
export interface WrittenDeadline {
  date: string | null;
  time: string | null;
  end: string | null;
  endTime: string | null;
  raw: string;
  dayPrecise: boolean;
}

/**
 * When a written deadline falls due: the one rule of kehoach. The importer turns every deadline it reads
 * into a date (and time) with it; tasks keep that date, and the board, reminders and the calendar feed all
 * count from `dueInstant(date, time)`, so they agree with the importer by construction.
 * - a day is due by the end of that day, or at its time: `trước ngày 15/10` → 15 October, end of day;
 * - before a month or a quarter, the month has not begun: `trước tháng 10/2025` → end of 30 September,
 *   `trước quý IV/2025` → end of 30 September;
 * - through or within a month or a quarter (`đến hết tháng 10/2025`, `trong tháng 10/2025`, a month alone
 *   in a completion column) → end of its last day, 31 October;
 * - a range of days (`từ ngày 28/2 đến hết ngày 3/3`) → its last day, at the end's time if it has one.
 * `dueOf({ date: "2025-10-01", end: "2025-10-31", raw: "trước tháng 10/2025", dayPrecise: false, time: null, endTime: null })`
 * → `{ date: "2025-09-30", time: null }`.
 */
export function dueOf(e: WrittenDeadline): Deadline | null {
  if (!e.date || !isIsoDate(e.date)) return null;
  if (!e.dayPrecise) {
    // A span (month, quarter, week, year): before it means the day before it starts, otherwise its last day.
    if (/(?:^|\s)trước(?!\s+ngày)/iu.test(e.raw) && !/đến\s+hết|trong/iu.test(e.raw)) return { date: addDays(e.date, -1), time: null };
    return { date: e.end && isIsoDate(e.end) ? e.end : e.date, time: null };
  }
  if (e.end && isIsoDate(e.end)) return { date: e.end, time: e.endTime ?? (e.end === e.date ? e.time : null) };
  return { date: e.date, time: e.time };
}
