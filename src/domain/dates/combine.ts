import { type Atom, daysInMonth, type SpanParts, WEEKDAY } from "./atoms";
import type { DateExpression, DateKind } from "./types";

type DateAtom = Extract<Atom, { type: "date" }>;
type TimeAtom = Extract<Atom, { type: "time" }>;

const TIME_RANGE_SEP = /^\s*(?:-|–|—|đến|tới)\s*$/iu;
const DATE_RANGE_SEP = /^\s*(?:-|–|—|đến\s+hết|đến|tới|và)\s*(?:(?:sáng|chiều|tối|trưa)\s+)?$/iu;
/** Between the start of a range and the time that opens its end: `từ 8h00 ngày 3/3 đến 17h00 ngày 5/3`. */
const RANGE_TO_TIME = /^\s*(?:-|–|—|đến|tới)\s*$/iu;
const TIME_THEN_DATE = new RegExp(
  `^\\s*,?\\s*(?:(?:sáng|chiều|tối|trưa)\\s*,?\\s*)?(?:${WEEKDAY}\\s*,?\\s*)?(?:(?:tuần\\s+(?:này|sau|tới)|hôm\\s+nay|ngày\\s+mai)\\s*,?\\s*)?$`,
  "iu",
);
const DATE_THEN_TIME = /^\s*,?\s*(?:(?:vào\s+)?lúc|từ)?\s*$/iu;
/** Words that make a day/month without year a date (`trước 30/8`); without one `8/11` is a class or a fraction. */
const DM_CUE = new RegExp(
  `(?:(?:ngày|trước|sau|đến|từ|hết|nhất|sáng|chiều|tối|trưa|lúc|hạn|là|sang|${WEEKDAY})\\s*,?|(?:hôm\\s+nay|hôm\\s+qua|ngày\\s+mai)\\s*\\(?)\\s*$`,
  "iu",
);
const PREFIX = new RegExp(`(?:(?:sáng|chiều|tối|trưa)\\s+)?(?:${WEEKDAY}\\s*,?\\s*)?$`, "iu");
const DEADLINE_CUE =
  /(?:hoàn\s+thành\s+trước|xong\s+trước|(?:hoàn\s+thành|xong|kết\s+thúc)\s+trong|chậm\s+nhất(?:\s+là)?(?:\s+(?:vào|trước))?|muộn\s+nhất(?:\s+là)?|trước|đến\s+hết|hạn\s+(?:chót|cuối|cũ|mới)(?:\s+là)?|(?:lùi|dời|hoãn|chuyển|gia\s+hạn)(?:\s+lại)?\s+(?:sang|đến|tới|đến\s+hết)|không\s+muộn\s+hơn)\s*$/iu;
/** A deadline that replaces another (`lùi sang ngày 18.4`) and one that was replaced (`hạn cũ là ngày 10.4`). */
const NEW_DEADLINE = /(?:lùi|dời|hoãn|chuyển|gia\s+hạn)(?:\s+lại)?\s+(?:sang|đến|tới)|hạn\s+mới/iu;
const OLD_DEADLINE = /hạn\s+cũ/iu;
const HOURS_LENGTH = /(?:trong|khoảng|mất|hơn|gần|vòng|thêm)\s+$/iu;
const FROM_CUE = /(?:từ)\s*$/iu;
/** A cited document right before the date: `Kế hoạch số 59-KH/TU, ngày 21/5/2026`. */
const REFERENCE_CUE = /\d[\p{L}\p{N}.-]*\/[\p{L}\p{N}\-/]*\p{L}[\p{L}\p{N}\-/]*\)?\s*,?\s*(?:ban\s+hành\s+)?$/u;

interface Pending {
  start: number;
  end: number;
  date: DateAtom | null;
  endDate: DateAtom | null;
  time: TimeAtom | null;
  endTime: TimeAtom | null;
  span: SpanParts | null;
  recurring: boolean;
}

/** Joins scanned atoms into expressions: time next to date merges, `từ … đến …` becomes a range. */
export function combineAtoms(text: string, atoms: Atom[], docYear: number | null): DateExpression[] {
  const out: DateExpression[] = [];
  const gap = (a: { end: number }, b: { start: number }) => text.slice(a.end, b.start);
  let lastYear: number | null = null;
  let lastDateEnd = -1;
  let i = 0;
  for (i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    if (a.type === "duration" || a.type === "recurrence") continue;
    const p: Pending = { start: a.start, end: a.end, date: null, endDate: null, time: null, endTime: null, span: null, recurring: false };
    const next = () => atoms[i + 1];
    if (a.type === "weeklyRecurring") {
      p.recurring = true;
    } else if (a.type === "span") {
      p.span = a.span;
    } else if (a.type === "time") {
      // `trong 2 giờ` is a length of time, not a time of day.
      if (HOURS_LENGTH.test(text.slice(Math.max(0, a.start - 12), a.start))) continue;
      p.time = a;
      readTimeTail(p);
      const n = next();
      if (n && n.type === "date" && n.month !== null && TIME_THEN_DATE.test(gap(p, n))) {
        p.date = n;
        p.end = n.end;
        i++;
      }
      if (p.date) readTimedEnd(p);
    } else {
      if (a.month === null) {
        // A lone first day is only meaningful with the day that follows it.
        const n = next();
        if (n?.type !== "date" || n.month === null || !DATE_RANGE_SEP.test(gap(a, n))) {
          if (!(n && n.type === "recurrence" && /^\s*$/.test(gap(a, n)))) continue;
        }
      }
      // `ngày 5/6 và 8/6`: a day/month right after an accepted date is one too; `lớp 8/11 và 8/9` is not.
      const afterDate = lastDateEnd >= 0 && /^\s*(?:,|;|và|hoặc)\s*$/iu.test(text.slice(lastDateEnd, a.start));
      if (a.numericNoYear && !afterDate && !DM_CUE.test(text.slice(Math.max(0, a.start - 24), a.start))) continue;
      p.date = a;
      const n = next();
      if (n && n.type === "date" && n.month !== null && DATE_RANGE_SEP.test(gap(a, n))) {
        p.endDate = n;
        p.end = n.end;
        i++;
      }
      const t = next();
      if (t && t.type === "time" && DATE_THEN_TIME.test(gap(p, t))) {
        p.time = t;
        p.end = t.end;
        i++;
        readTimeTail(p);
      }
      if (!p.endDate) readTimedEnd(p);
    }
    const r = next();
    if (r && r.type === "recurrence" && /^\s*$/.test(gap(p, r))) {
      p.recurring = true;
      p.end = r.end;
      i++;
    }
    const found = finish(p);
    if (found.some((e) => e.date)) lastDateEnd = p.end;
    out.push(...found);
  }
  // A moved deadline: the one written as replaced (`hạn cũ`), and every other one beside a new one, is superseded.
  const moved = out.some((e) => e.kind === "deadline" && NEW_DEADLINE.test(e.raw));
  for (const e of out) if (e.kind === "deadline" && (OLD_DEADLINE.test(e.raw) || (moved && !NEW_DEADLINE.test(e.raw)))) e.superseded = true;
  return out;

  /** `… đến 17h00 ngày 5/3/2025`: the end of a range with its own time, written time first. */
  function readTimedEnd(p: Pending): void {
    const t = atoms[i + 1];
    const d = atoms[i + 2];
    if (t?.type !== "time" || d?.type !== "date" || d.month === null) return;
    if (!RANGE_TO_TIME.test(text.slice(p.end, t.start)) || !TIME_THEN_DATE.test(text.slice(t.end, d.start))) return;
    p.endTime = t;
    p.endDate = d;
    p.end = d.end;
    i += 2;
  }

  function readTimeTail(p: Pending): void {
    const n = atoms[i + 1];
    if (n && n.type === "time" && TIME_RANGE_SEP.test(text.slice(p.end, n.start))) {
      p.endTime = n;
      p.end = n.end;
      i++;
    }
  }

  function finish(p: Pending): DateExpression[] {
    // Pull in what belongs to the expression on its left: weekday, part of day, cue words.
    let start = p.start;
    const before = text.slice(Math.max(0, start - 40), start);
    const prefix = PREFIX.exec(before);
    if (prefix?.[0].trim()) start -= prefix[0].length;
    const lead = text.slice(Math.max(0, start - 40), start);
    let kind: DateKind = "event";
    const dl = DEADLINE_CUE.exec(lead);
    const from = FROM_CUE.exec(lead);
    const isReference = REFERENCE_CUE.test(text.slice(Math.max(0, start - 60), start));
    if (dl) {
      kind = "deadline";
      start -= dl[0].length;
    } else if (from) {
      start -= from[0].length;
    }
    const explicitYear = p.endDate?.year ?? p.date?.year ?? p.span?.year ?? null;
    const year = explicitYear ?? docYear ?? lastYear;
    if (explicitYear !== null) lastYear = explicitYear;
    let date: string | null = null;
    let end: string | null = null;
    let dayPrecise = false;
    if (p.date) {
      const endMonth = p.endDate?.month ?? null;
      const endYear = p.endDate?.year ?? null;
      const month = p.date.month ?? endMonth;
      const y = p.date.year ?? endYear ?? year;
      if (month !== null && y !== null && p.date.day <= daysInMonth(y, month)) {
        date = iso(y, month, p.date.day);
        dayPrecise = true;
      }
      if (p.endDate && p.endDate.month !== null) {
        const ey = p.endDate.year ?? year;
        if (ey !== null && p.endDate.day <= daysInMonth(ey, p.endDate.month)) end = iso(ey, p.endDate.month, p.endDate.day);
      }
    } else if (p.span) {
      if (year !== null) {
        date = iso(year, p.span.fromMonth, p.span.fromDay);
        end = iso(year, p.span.toMonth, p.span.toDay ?? daysInMonth(year, p.span.toMonth));
      }
      if (kind !== "deadline") kind = "period";
    }
    if (p.recurring) {
      kind = "recurring";
      date = null;
      end = null;
      dayPrecise = false;
    } else if (isReference && !p.time) {
      kind = "reference";
    } else if (p.endDate || p.endTime) {
      if (kind !== "deadline") kind = "range";
    }
    // `23 và 24/10` on days that do not touch are two separate events, not a range.
    if (p.endDate && date && end && /và/iu.test(text.slice(p.date!.end, p.endDate.start)) && dayAfter(date) !== end) {
      return [
        mk("event", p.date!.start, p.date!.end, date, null, null, null, dayPrecise),
        mk("event", p.endDate.start, p.endDate.end, end, null, null, null, true),
      ];
    }
    return [mk(kind, start, p.end, date, p.time ? hhmm(p.time) : null, end, p.endTime ? hhmm(p.endTime) : null, dayPrecise)];
  }

  function mk(
    kind: DateKind,
    start: number,
    end: number,
    date: string | null,
    time: string | null,
    endDate: string | null,
    endTime: string | null,
    dayPrecise: boolean,
  ): DateExpression {
    return { kind, date, time, end: endDate, endTime, raw: text.slice(start, end), index: start, dayPrecise, superseded: false };
  }
}

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const hhmm = (t: TimeAtom) => `${pad(t.hour)}:${pad(t.minute)}`;
function dayAfter(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
