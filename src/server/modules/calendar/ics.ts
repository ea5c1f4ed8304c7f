/** An iCalendar (RFC 5545) writer for deadlines and conferences, by hand: no dependency, exact control of the bytes. */

export const TZID = "Asia/Ho_Chi_Minh";

/** A calendar entry: timed (`time` set) in Vietnam time, or all-day on `date` when time is null. */
export interface CalendarEvent {
  /** Stable across feeds, so a calendar app updates the entry instead of duplicating it. */
  uid: string;
  summary: string;
  description: string | null;
  location: string | null;
  date: string;
  time: string | null;
  /** End time on the same day (`11:30`), for timed events; null for a point in time. */
  endTime: string | null;
  /** When the entry last changed (DTSTAMP). */
  stamp: Date;
}

/**
 * Escapes TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma; every line break (CRLF, bare CR, bare LF,
 * and the Unicode NEL, LS, PS) becomes `\n`; every other control character (C0 with TAB, DEL, C1), which TEXT
 * cannot carry, becomes a space. So no task text can end a content line and start another (`BEGIN:VEVENT`).
 * Example: `escapeText("a;b\rEND:VEVENT")` → `a\;b\nEND:VEVENT`.
 */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, "\\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
  );
}

/**
 * Folds a content line to at most 75 octets per physical line (§3.1), never inside a UTF-8 character:
 * continuation lines start with one space, lines end with CRLF.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    const limit = out.length === 0 ? 75 : 74; // the leading space counts on continuation lines
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const compactDate = (date: string) => date.replaceAll("-", "");
const compactTime = (time: string) => `${time.replace(":", "")}00`;
const utcStamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${TZID}`,
  "BEGIN:STANDARD",
  "DTSTART:19750613T000000",
  "TZOFFSETFROM:+0800",
  "TZOFFSETTO:+0700",
  "TZNAME:ICT",
  "END:STANDARD",
  "END:VTIMEZONE",
];

function eventLines(e: CalendarEvent): string[] {
  const when = e.time
    ? [
        `DTSTART;TZID=${TZID}:${compactDate(e.date)}T${compactTime(e.time)}`,
        ...(e.endTime ? [`DTEND;TZID=${TZID}:${compactDate(e.date)}T${compactTime(e.endTime)}`] : []),
      ]
    : [`DTSTART;VALUE=DATE:${compactDate(e.date)}`, `DTEND;VALUE=DATE:${compactDate(nextDay(e.date))}`];
  return [
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(e.stamp)}`,
    ...when,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    "END:VEVENT",
  ];
}

/** The whole feed: `writeCalendar("Hạn của Ban CHQS xã An Lão", events)` → a CRLF-terminated VCALENDAR. */
export function writeCalendar(name: string, events: readonly CalendarEvent[]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//kehoach//Lich han va hoi nghi//VI",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${TZID}`,
    ...VTIMEZONE,
    ...events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
