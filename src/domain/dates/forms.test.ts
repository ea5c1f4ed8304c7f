import { describe, expect, it } from "vitest";
import { readDates, toDateJson } from "./index";

const read = (text: string, year: number | null = 2025) => readDates(text, { year }).map(toDateJson);
const pick = (text: string, year: number | null = 2025) =>
  read(text, year).map(({ kind, date, time, end, endTime }) => ({ kind, date, time, end, endTime }));
const x = (kind: string, date: string | null, time: string | null = null, end: string | null = null, endTime: string | null = null) => ({
  kind,
  date,
  time,
  end,
  endTime,
});

describe("readDates: ranges sharing a month or a year", () => {
  it.each([
    ["12-14/3/2025", "2025-03-12", "2025-03-14"],
    ["ngày 5 và 6/7/2025", "2025-07-05", "2025-07-06"],
    ["trong 2 ngày 9 và 10/9/2025", "2025-09-09", "2025-09-10"],
    ["từ 2-4.8", "2025-08-02", "2025-08-04"],
    ["từ ngày 28/2 đến hết ngày 3/3/2025", "2025-02-28", "2025-03-03"],
    ["từ ngày 10/6 đến sáng ngày 12/6/2025", "2025-06-10", "2025-06-12"],
  ])("reads %s as one range", (text, date, end) => {
    expect(pick(text)).toEqual([x("range", date, null, end)]);
  });

  it("takes the year of a range's end for its start", () => {
    expect(pick("từ ngày 28/2 đến hết ngày 3/3/2026", 2025)).toEqual([x("range", "2026-02-28", null, "2026-03-03")]);
  });

  it("gives each end of a range its own time", () => {
    expect(pick("từ 8h00 ngày 3/3 đến 17h00 ngày 5/3/2025", null)).toEqual([x("range", "2025-03-03", "08:00", "2025-03-05", "17:00")]);
    expect(pick("từ ngày 15/4 đến 17 giờ ngày 20/4")).toEqual([x("range", "2025-04-15", null, "2025-04-20", "17:00")]);
  });

  it("reads the raw text of a range from its first cue to its last time", () => {
    expect(read("Tập huấn từ 8h00 ngày 3/3 đến 17h00 ngày 5/3/2025 tại hội trường", null)[0].raw).toBe(
      "từ 8h00 ngày 3/3 đến 17h00 ngày 5/3/2025",
    );
  });
});

describe("readDates: separators as people type them", () => {
  it.each([
    ["trước ngày 15.4", x("deadline", "2025-04-15")],
    ["ngày 7.8.2025", x("event", "2025-08-07")],
    ["ngày 12 – 6 – 2025", x("event", "2025-06-12")],
    ["ngày 7/ 8", x("event", "2025-08-07")],
    ["ngày 7 /8/2025", x("event", "2025-08-07")],
  ])("reads %s", (text, expected) => {
    expect(pick(text)).toEqual([expected]);
  });

  it("does not take outline numbers, decimals or class names for dates", () => {
    expect(read("1.2. Thành phần; tỷ lệ 2.5 lần; mục 3.4 của kế hoạch")).toEqual([]);
    expect(read("lớp 8/11 và 8/9")).toEqual([]);
  });
});

describe("readDates: words around an explicit date", () => {
  it("reads a weekday and 'tuần này' between the time and the date", () => {
    expect(pick("gửi trước 16h chiều thứ Sáu tuần này, ngày 14/3/2025")).toEqual([x("deadline", "2025-03-14", "16:00")]);
  });

  it("takes the document's year for 'hôm nay (14/3)'", () => {
    expect(pick("hôm nay (14/3)", 2025)).toEqual([x("event", "2025-03-14")]);
  });
});

describe("readDates: a changed deadline", () => {
  it("reads both the new and the old deadline, the old one marked as replaced", () => {
    const found = readDates("Thời hạn nộp báo cáo lùi sang ngày 18.4 (hạn cũ là ngày 10.4).", { year: 2025 });
    expect(found.map((d) => [d.kind, d.date, d.superseded])).toEqual([
      ["deadline", "2025-04-18", false],
      ["deadline", "2025-04-10", true],
    ]);
  });

  it("marks the earlier deadline replaced when the text says it moved, whatever the order", () => {
    const found = readDates("Hạn cũ là ngày 10.4, nay gia hạn đến ngày 20/4/2025.", { year: 2025 });
    expect(found.map((d) => [d.kind, d.date, d.superseded])).toEqual([
      ["deadline", "2025-04-10", true],
      ["deadline", "2025-04-20", false],
    ]);
  });
});
