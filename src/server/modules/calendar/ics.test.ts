import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { type CalendarEvent, escapeText, foldLine, writeCalendar } from "./ics";

/** Parses with a real iCalendar parser (ical.js) and lists each VEVENT's text properties. */
function parseEvents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((v) => ({
    uid: String(v.getFirstPropertyValue("uid")),
    summary: String(v.getFirstPropertyValue("summary")),
    description: String(v.getFirstPropertyValue("description")),
    location: String(v.getFirstPropertyValue("location")),
  }));
}

const event = (overrides: Partial<CalendarEvent>): CalendarEvent => ({
  uid: "a@kehoach",
  summary: "Hạn",
  description: null,
  location: null,
  date: "2026-05-31",
  time: "08:00",
  endTime: null,
  stamp: new Date("2026-05-01T00:00:00Z"),
  ...overrides,
});

describe("iCalendar writer", () => {
  it("folds lines at 75 octets without splitting a Vietnamese character", () => {
    const line = `SUMMARY:${"Hạn gửi báo cáo tổng kết của Ban Chỉ huy Quân sự xã, phường, đặc khu ".repeat(3)}`;
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(2);
    for (const p of physical) expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(75);
    for (const p of physical.slice(1)) expect(p.startsWith(" ")).toBe(true);
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    expect(folded).not.toContain("\uFFFD");
  });

  it("escapes backslashes, semicolons, commas and new lines", () => {
    expect(escapeText("a\\b; c, d\ne")).toBe("a\\\\b\\; c\\, d\\ne");
  });

  it("writes CRLF lines, a VTIMEZONE, TZID times for timed deadlines and VALUE=DATE for whole days", () => {
    const ics = writeCalendar("Lịch", [
      {
        uid: "a@kehoach",
        summary: "Hạn: báo cáo",
        description: null,
        location: null,
        date: "2026-05-31",
        time: "08:00",
        endTime: null,
        stamp: new Date("2026-05-01T00:00:00Z"),
      },
      {
        uid: "b@kehoach",
        summary: "Hạn: danh sách",
        description: "x",
        location: "Nhà hát",
        date: "2026-05-31",
        time: null,
        endTime: null,
        stamp: new Date("2026-05-01T00:00:00Z"),
      },
    ]);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/\n|\r/);
    expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n");
    expect(ics).toContain("DTSTART;TZID=Asia/Ho_Chi_Minh:20260531T080000\r\n");
    expect(ics).toContain("DTSTART;VALUE=DATE:20260531\r\nDTEND;VALUE=DATE:20260601\r\n");
    expect(ics).toContain("DTSTAMP:20260501T000000Z\r\n");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });

  it("escapes every line break and control character, so task text cannot start another event", () => {
    expect(escapeText("a\rb\r\nc\nd")).toBe("a\\nb\\nc\\nd");
    expect(escapeText("x\u0000y\u0007z\u001b\u007f\u0085\u2028")).toBe("x y z  \\n\\n");
    expect(escapeText("tab\there")).toBe("tab here");
  });

  it("round-trips CR, LF, CRLF, ; , \\ and Vietnamese text through ical.js, one event per entry", () => {
    const hostile = "Gửi báo cáo\rEND:VEVENT\rBEGIN:VEVENT\rUID:evil@x\rSUMMARY:Họp khẩn";
    const texts = [
      hostile,
      "dòng 1\ndòng 2\r\ndòng 3",
      "a;b,c\\d \\n không phải xuống dòng",
      `Hạn gửi báo cáo tổng kết của Ban Chỉ huy Quân sự xã, phường, đặc khu; ${"Thành ủy Hải Phòng ".repeat(8)}`,
    ];
    const ics = writeCalendar("Lịch; của, đơn vị\r\nBEGIN:VEVENT", [
      event({ uid: "a@kehoach", summary: texts[0], description: texts[1], location: texts[2] }),
      event({ uid: "b@kehoach", summary: texts[3], description: texts[0], location: texts[0] }),
    ]);
    // No physical line is longer than 75 octets or carries a bare CR or LF.
    for (const line of ics.slice(0, -2).split("\r\n")) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\r\n]/);
    }
    const events = parseEvents(ics);
    expect(events.map((e) => e.uid)).toEqual(["a@kehoach", "b@kehoach"]);
    // A bare CR and a CRLF come back as the line break they meant; everything else byte for byte.
    const asParsed = (text: string) => text.replace(/\r\n?/g, "\n");
    expect(events[0]).toMatchObject({ summary: asParsed(texts[0]), description: asParsed(texts[1]), location: texts[2] });
    expect(events[1]).toMatchObject({ summary: texts[3], description: asParsed(texts[0]), location: asParsed(texts[0]) });
    const calendar = new ICAL.Component(ICAL.parse(ics));
    // ical.js keeps an X- property's value as written (escaped), but on one line of its own.
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Lịch\\; của\\, đơn vị\\nBEGIN:VEVENT");
  });
});
