import { describe, expect, it } from "vitest";
import { escapeText, foldLine, writeCalendar } from "./ics";

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
});
