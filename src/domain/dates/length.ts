/**
 * How long a conference lasts when the text gives its length in words and no end time: a half-day session
 * (`½ ngày`, `1/2 ngày`, `01 buổi`) runs 4 hours from its start; a day (`01 ngày`, `02 buổi`) runs to the end of
 * the working day, 17:00; `N ngày` ends at 17:00 on its N-th day. Never before the agenda's last end: a programme
 * that runs longer than its label wins. Pure; times are "HH:MM" wall-clock times in Vietnam.
 *
 * `conferenceEnd("08:00", "1/2 ngày", "11:00")` → `{ days: 0, time: "12:00" }` (seed 001: the agenda ends at 11:00,
 * the half day at 12:00, so a 10-minute shift of "Tham luận" still fits);
 * `conferenceEnd("07:30", "01 ngày", "11:00")` → `{ days: 0, time: "17:00" }`;
 * `conferenceEnd("08:00", "½ ngày", "12:30")` → `{ days: 0, time: "12:30" }`;
 * `conferenceEnd("08:00", "họp nhanh", "09:00")` → `{ days: 0, time: "09:00" }` (no length: the agenda's end).
 */
export interface ConferenceEnd {
  /** Days after the start's day (0 = the same day). */
  days: number;
  time: string;
}

/** Hours of a half-day session (buổi). */
export const HALF_DAY_HOURS = 4;
/** The end of the working day. */
export const WORKDAY_END = "17:00";

const LENGTH = /^\s*(½|1\/2|\d{1,2})\s*(ngày|buổi)/iu;

function minutes(time: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

function clock(total: number): string {
  const t = Math.min(total, 23 * 60 + 59);
  return `${String(Math.floor(t / 60)).padStart(2, "0")}:${String(t % 60).padStart(2, "0")}`;
}

/** The length label in half days: `½ ngày` → 1, `01 buổi` → 1, `01 ngày` → 2, `03 ngày` → 6; null when unreadable. */
export function halfDaysOf(label: string | null | undefined): number | null {
  const m = label ? LENGTH.exec(label) : null;
  if (!m) return null;
  const n = m[1] === "½" || m[1] === "1/2" ? 0.5 : Number(m[1]);
  const halves = m[2].toLowerCase() === "buổi" ? n : n * 2;
  return halves >= 1 && Number.isInteger(halves) ? halves : null;
}

/** When the conference ends, from its start, its written length and the agenda's last end (either may be null). */
export function conferenceEnd(start: string | null, length: string | null | undefined, lastAgendaEnd: string | null): ConferenceEnd | null {
  const from = start ? minutes(start) : null;
  const agendaEnd = lastAgendaEnd ? minutes(lastAgendaEnd) : null;
  const halves = halfDaysOf(length);
  let end: ConferenceEnd | null = null;
  if (halves === 1 && from !== null) end = { days: 0, time: clock(from + HALF_DAY_HOURS * 60) };
  else if (halves !== null && halves >= 2) end = { days: Math.ceil(halves / 2) - 1, time: WORKDAY_END };
  if (agendaEnd === null) return end;
  if (!end || (end.days === 0 && (minutes(end.time) ?? 0) < agendaEnd)) return { days: 0, time: clock(agendaEnd) };
  return end;
}
