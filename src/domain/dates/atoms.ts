/**
 * The smallest date pieces found in a text: a day, a time, a month, a quarter… The combiner
 * (combine.ts) joins neighbouring pieces into expressions and decides their kind.
 */

export interface SpanParts {
  year: number | null;
  fromMonth: number;
  fromDay: number;
  toMonth: number;
  /** null = last day of `toMonth`. */
  toDay: number | null;
}

export type Atom =
  | {
      type: "date";
      start: number;
      end: number;
      day: number;
      month: number | null;
      year: number | null;
      numericNoYear: boolean;
      hasNgay: boolean;
    }
  | { type: "time"; start: number; end: number; hour: number; minute: number }
  | { type: "span"; start: number; end: number; span: SpanParts }
  | { type: "weeklyRecurring"; start: number; end: number }
  | { type: "recurrence"; start: number; end: number }
  | { type: "duration"; start: number; end: number };

const B = "(?<![\\p{L}\\p{N}])";
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
/** Weekday words, any case: `thứ Ba`, `Thứ 3`, `chủ nhật`. */
export const WEEKDAY = "(?:thứ\\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\\s+nhật)";

interface Pattern {
  re: RegExp;
  build(m: RegExpExecArray, start: number, end: number): Atom | null;
}

const num = (s: string | undefined): number | null => (s === undefined ? null : Number(s));

const PATTERNS: Pattern[] = [
  {
    // 02/6/2026, 02-6-2026, 02.6.2026 — not `02/2023/TT-BNV` (a document symbol follows).
    re: /(?<![\p{L}\p{N}/.]|\p{L}-)(ngày\s+)?(\d{1,2})([/.-])(\d{1,2})\3(\d{4})(?![\p{N}]|\/[\p{L}\p{N}])/giu,
    build: (m, start, end) => ({
      type: "date",
      start,
      end,
      day: Number(m[2]),
      month: Number(m[4]),
      year: Number(m[5]),
      numericNoYear: false,
      hasNgay: !!m[1],
    }),
  },
  {
    // ngày 30 tháng 8 năm 2019, ngày 15 tháng 5
    re: new RegExp(`${B}(ngày\\s+)(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s*(?:năm|/)\\s*(\\d{4}))?(?![\\p{N}])`, "giu"),
    build: (m, start, end) => ({
      type: "date",
      start,
      end,
      day: Number(m[2]),
      month: Number(m[3]),
      year: num(m[4]),
      numericNoYear: false,
      hasNgay: true,
    }),
  },
  {
    // 30/8 without a year; only kept by the combiner after a date cue (`trước 30/8`), never `lớp 8/11`.
    re: /(?<![\p{L}\p{N}/.]|\p{L}-)(ngày\s+)?(\d{1,2})\/(\d{1,2})(?![\p{N}/]|[.-]\d)/giu,
    build: (m, start, end) => ({
      type: "date",
      start,
      end,
      day: Number(m[2]),
      month: Number(m[3]),
      year: null,
      numericNoYear: !m[1],
      hasNgay: !!m[1],
    }),
  },
  {
    // 15.4 without a year: a date only after a cue (`trước 15.4`, `ngày 15.4`), never `mục 3.4` or `2.5 lần`.
    re: /(?<![\p{L}\p{N}/.,]|\p{L}-)(ngày\s+)?(\d{1,2})\.(\d{1,2})(?![\p{N}.]|\/|,\d)/giu,
    build: (m, start, end) => ({
      type: "date",
      start,
      end,
      day: Number(m[2]),
      month: Number(m[3]),
      year: null,
      numericNoYear: !m[1],
      hasNgay: !!m[1],
    }),
  },
  {
    // Spaced separators after `ngày`: `ngày 12 – 6 – 2025`, `ngày 7/ 8`, `ngày 7 /8/2025`; a dash needs the year.
    re: /(?<![\p{L}\p{N}])(ngày\s+)(\d{1,2})\s*(?:([/.])\s*(\d{1,2})(?:\s*\3\s*(\d{4}))?|([-–])\s*(\d{1,2})\s*\6\s*(\d{4}))(?![\p{N}]|\s*[/.\-–]\s*\d)/giu,
    build: (m, start, end) => ({
      type: "date",
      start,
      end,
      day: Number(m[2]),
      month: Number(m[4] ?? m[7]),
      year: num(m[5] ?? m[8]),
      numericNoYear: false,
      hasNgay: true,
    }),
  },
  {
    // The first day of a pair: `23 và 24/10/2024`, `ngày 13 đến hết ngày 15 tháng 5 năm 2019`.
    re: /(?<![\p{L}\p{N}/.])(ngày\s+)?(\d{1,2})(?=\s*(?:-|–|đến\s+hết|đến|tới|và)\s*(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?\d{1,2}(?:\s+tháng\s+\d|[/.-]\d))/giu,
    build: (m, start, end) => ({
      type: "date",
      start,
      end,
      day: Number(m[2]),
      month: null,
      year: null,
      numericNoYear: false,
      hasNgay: !!m[1],
    }),
  },
  {
    // A day of every month: `ngày 15 hằng tháng`.
    re: new RegExp(`${B}(ngày\\s+)(\\d{1,2})(?=\\s+(?:hằng|hàng)\\s+tháng)`, "giu"),
    build: (m, start, end) => ({
      type: "date",
      start,
      end,
      day: Number(m[2]),
      month: null,
      year: null,
      numericNoYear: false,
      hasNgay: true,
    }),
  },
  {
    // 08 giờ, 8h30, 08h00', 13 giờ 30', 10g30, 17h 30 phút, 2 giờ chiều
    re: /(?<![\p{L}\p{N}.,/])(\d{1,2})\s*(?:giờ|h|g(?=\d))(?:\s*(\d{2})(?!\d))?(?:\s*(?:'|’|′|phút))?(?:\s+(sáng|chiều|tối|trưa))?(?![\p{L}\p{N}])/giu,
    build: (m, start, end) => {
      let hour = Number(m[1]);
      const minute = m[2] ? Number(m[2]) : 0;
      const part = m[3]?.toLowerCase();
      if ((part === "chiều" || part === "tối") && hour < 12) hour += 12;
      if (hour > 23 || minute > 59) return null;
      return { type: "time", start, end, hour, minute };
    },
  },
  {
    // Tuần 4 tháng 4/2026: week n = days 7n-6 … 7n (the fifth week runs to the month's end).
    re: new RegExp(`${B}tuần\\s+(\\d)\\s+(?:của\\s+)?tháng\\s+(\\d{1,2})(?:\\s*(?:/|năm)\\s*(\\d{4}))?(?![\\p{N}])`, "giu"),
    build: (m, start, end) => {
      const week = Number(m[1]);
      const month = Number(m[2]);
      if (week < 1 || week > 5) return null;
      return {
        type: "span",
        start,
        end,
        span: { year: num(m[3]), fromMonth: month, fromDay: 7 * week - 6, toMonth: month, toDay: week === 5 ? null : 7 * week },
      };
    },
  },
  {
    // 6 tháng đầu năm 2026, 6 tháng cuối năm
    re: new RegExp(`${B}(\\d{1,2})\\s+tháng\\s+(đầu|cuối)\\s+năm(?:\\s+(\\d{4}))?(?![\\p{N}])`, "giu"),
    build: (m, start, end) => {
      const n = Number(m[1]);
      if (n < 1 || n > 12) return null;
      const first = m[2].toLowerCase() === "đầu";
      return {
        type: "span",
        start,
        end,
        span: { year: num(m[3]), fromMonth: first ? 1 : 13 - n, fromDay: 1, toMonth: first ? n : 12, toDay: null },
      };
    },
  },
  {
    // tháng 10/2024, tháng 10 năm 2024, tháng 10 — not `03 tháng` (a length of time).
    re: /(?<![\p{L}\p{N}])(?<!\d\s{0,3})tháng\s+(\d{1,2})(?:\s*(?:\/|năm)\s*(\d{4}))?(?![\p{N}/])/giu,
    build: (m, start, end) => {
      const month = Number(m[1]);
      return { type: "span", start, end, span: { year: num(m[2]), fromMonth: month, fromDay: 1, toMonth: month, toDay: null } };
    },
  },
  {
    // quý III/2026, quý 3 năm 2026
    re: /(?<![\p{L}\p{N}])quý\s+(IV|III|II|I|[1-4])(?:\s*(?:\/|năm)\s*(\d{4}))?(?![\p{L}\p{N}])/giu,
    build: (m, start, end) => {
      const q = ROMAN[m[1].toUpperCase()] ?? Number(m[1]);
      return { type: "span", start, end, span: { year: num(m[2]), fromMonth: 3 * q - 2, fromDay: 1, toMonth: 3 * q, toDay: null } };
    },
  },
  {
    // năm 2025 — but never a bare `2021 - 2026` (a term of office, not a date).
    re: /(?<![\p{L}\p{N}])năm\s+(\d{4})(?![\p{N}/])/giu,
    build: (m, start, end) => ({
      type: "span",
      start,
      end,
      span: { year: Number(m[1]), fromMonth: 1, fromDay: 1, toMonth: 12, toDay: null },
    }),
  },
  {
    re: new RegExp(`${B}${WEEKDAY}\\s+(?:hằng|hàng)\\s+tuần(?![\\p{L}])`, "giu"),
    build: (_m, start, end) => ({ type: "weeklyRecurring", start, end }),
  },
  {
    re: /(?<![\p{L}\p{N}])(?:hằng|hàng)\s+(?:tháng|tuần|năm|quý)(?![\p{L}])/giu,
    build: (_m, start, end) => ({ type: "recurrence", start, end }),
  },
  {
    // ½ ngày, 1/2 ngày, 01 buổi: a length, never the date 1 February.
    // Not `2 ngày 9 và 10/9`: there `ngày` opens the dates that follow.
    re: /(?<![\p{L}\p{N}/])(?<!thứ\s+)(?:½|1\/2|\d{1,2})\s*(?:ngày|buổi)(?![\p{L}])(?!\s+\d{1,2}(?:\s*(?:và|-|–|đến)\s*\d|\s*[/.]\s*\d))/giu,
    build: (_m, start, end) => ({ type: "duration", start, end }),
  },
];

/** Finds every date piece in `text`, earliest first, without overlaps: `scanAtoms("08 giờ")[0].type === "time"`. */
export function scanAtoms(text: string): Atom[] {
  const found: Atom[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(text)) !== null) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      const atom = p.build(m, m.index, m.index + m[0].length);
      if (atom && valid(atom)) found.push(atom);
    }
  }
  // Earliest first; at one place the longest wins (`ngày 30 tháng 8 năm 2019` over `năm 2019`).
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Atom[] = [];
  let last = -1;
  for (const a of found) {
    if (a.start >= last) {
      kept.push(a);
      last = a.end;
    }
  }
  return kept;
}

function valid(a: Atom): boolean {
  if (a.type === "date") {
    if (a.month !== null && (a.month < 1 || a.month > 12)) return false;
    if (a.day < 1 || a.day > 31) return false;
    if (a.month !== null && a.day > daysInMonth(a.year ?? 2024, a.month)) return false;
    return a.year === null || (a.year >= 1900 && a.year <= 2200);
  }
  if (a.type === "span") {
    const s = a.span;
    return s.fromMonth >= 1 && s.toMonth <= 12 && s.fromMonth <= s.toMonth && (s.year === null || (s.year >= 1900 && s.year <= 2200));
  }
  return true;
}

/** Days in a month of a year: `daysInMonth(2024, 2) === 29`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
