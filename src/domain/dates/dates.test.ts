import { describe, expect, it } from "vitest";
import { readDates, readDuration, toDateJson } from "./index";

const read = (text: string, year: number | null = 2026) => readDates(text, { year }).map(toDateJson);
const one = (text: string, year: number | null = 2026) => {
  const all = read(text, year);
  expect(all).toHaveLength(1);
  return all[0];
};
const e = (
  kind: string,
  date: string | null,
  time: string | null,
  raw: string,
  end: string | null = null,
  endTime: string | null = null,
) => ({ kind, date, time, end, endTime, raw });

describe("readDates: days", () => {
  it.each([
    ["ngày 02/6/2026", "2026-06-02"],
    ["02-6-2026", "2026-06-02"],
    ["02.6.2026", "2026-06-02"],
    ["ngày 05-01-2020", "2020-01-05"],
    ["ngày 30 tháng 8 năm 2019", "2019-08-30"],
  ])("reads %s as an event", (text, date) => {
    expect(one(text)).toEqual(e("event", date, null, text));
  });

  it("takes the document year where the text leaves it out", () => {
    expect(one("trước 30/8", 2026)).toEqual(e("deadline", "2026-08-30", null, "trước 30/8"));
    expect(one("sáng ngày 15/5", 2019)).toEqual(e("event", "2019-05-15", null, "sáng ngày 15/5"));
  });

  it("leaves the date empty when no year is known at all", () => {
    expect(one("trước 30/8", null)).toEqual(e("deadline", null, null, "trước 30/8"));
  });

  it("borrows the year written earlier in the same text", () => {
    expect(read("ngày 02/6/2025 và trước ngày 15/6", null)[1].date).toBe("2025-06-15");
  });

  it("reads weekdays in any case as part of the date", () => {
    expect(one("Thứ Ba, ngày 02/6/2026").raw).toBe("Thứ Ba, ngày 02/6/2026");
    expect(one("thứ ba ngày 02/6/2026").date).toBe("2026-06-02");
    expect(one("THỨ 3, ngày 02/6/2026").date).toBe("2026-06-02");
  });
});

describe("readDates: times", () => {
  it.each([
    ["08 giờ", "08:00"],
    ["8h30", "08:30"],
    ["08h00'", "08:00"],
    ["13 giờ 30'", "13:30"],
    ["10g30", "10:30"],
    ["17h 30 phút", "17:30"],
    ["7h30 phút", "07:30"],
    ["2 giờ chiều", "14:00"],
  ])("reads %s as a time without a date", (text, time) => {
    expect(one(text)).toEqual(e("event", null, time, text));
  });

  it.each([
    ["từ 7h30 - 9h00", "07:30", "09:00"],
    ["08h00' - 08h05'", "08:00", "08:05"],
  ])("reads %s as a time range", (text, time, endTime) => {
    expect(one(text)).toEqual(e("range", null, time, text, null, endTime));
  });

  it("merges a time with the date next to it", () => {
    expect(one("08 giờ, ngày 31/5/2026")).toEqual(e("event", "2026-05-31", "08:00", "08 giờ, ngày 31/5/2026"));
    expect(one("dự kiến từ 08 giờ, ngày 02/6/2026 (thứ Ba)")).toEqual(e("event", "2026-06-02", "08:00", "từ 08 giờ, ngày 02/6/2026"));
    expect(one("ngày 02/6/2026, lúc 14h00")).toEqual(e("event", "2026-06-02", "14:00", "ngày 02/6/2026, lúc 14h00"));
  });

  it("does not read a length of hours as a time of day", () => {
    expect(read("hoàn thành trong 2 giờ")).toEqual([]);
  });
});

describe("readDates: deadlines, ranges, references", () => {
  it.each([
    ["trước 11 giờ, ngày 29/5/2026", "2026-05-29", "11:00"],
    ["chậm nhất 08 giờ, ngày 31/5/2026", "2026-05-31", "08:00"],
    ["xong trước ngày 12/01/2026", "2026-01-12", null],
    ["Hoàn thành trước 17 giờ, ngày 30/5/2026", "2026-05-30", "17:00"],
    ["đến hết ngày 31/12/2026", "2026-12-31", null],
  ])("reads %s as a deadline", (text, date, time) => {
    expect(one(text)).toEqual(e("deadline", date, time, text));
  });

  it("keeps a deadline before a month as that month, without inventing a day", () => {
    expect(one("trước tháng 10/2024")).toEqual(e("deadline", "2024-10-01", null, "trước tháng 10/2024", "2024-10-31"));
  });

  it("reads a range of days written once with its month", () => {
    expect(one("từ ngày 13 đến hết ngày 15 tháng 5 năm 2019")).toEqual(
      e("range", "2019-05-13", null, "từ ngày 13 đến hết ngày 15 tháng 5 năm 2019", "2019-05-15"),
    );
    expect(one("23 và 24/10/2024")).toEqual(e("range", "2024-10-23", null, "23 và 24/10/2024", "2024-10-24"));
  });

  it("reads two days that do not touch as two events", () => {
    expect(read("15 và 20/10/2024").map((x) => x.date)).toEqual(["2024-10-15", "2024-10-20"]);
  });

  it("reads the date of a cited document as a reference", () => {
    expect(one("Kế hoạch số 59-KH/TU, ngày 21/5/2026 của Ban Thường vụ")).toEqual(e("reference", "2026-05-21", null, "ngày 21/5/2026"));
    expect(one("Kết luận số 137-KL/TW ngày 28/3/2025").kind).toBe("reference");
  });

  it("reads recurring days", () => {
    expect(one("trước ngày 15 hằng tháng")).toEqual(e("recurring", null, null, "trước ngày 15 hằng tháng"));
    expect(one("thứ Hai hằng tuần").kind).toBe("recurring");
  });
});

describe("readDates: periods", () => {
  it.each([
    ["tháng 10/2024", "2024-10-01", "2024-10-31"],
    ["quý III/2026", "2026-07-01", "2026-09-30"],
    ["quý I năm 2027", "2027-01-01", "2027-03-31"],
    ["6 tháng đầu năm", "2026-01-01", "2026-06-30"],
    ["6 tháng cuối năm 2025", "2025-07-01", "2025-12-31"],
    ["Tuần 4 tháng 4/2026", "2026-04-22", "2026-04-28"],
    ["năm 2025", "2025-01-01", "2025-12-31"],
  ])("reads %s as a span from its first to its last day", (text, date, end) => {
    expect(one(text)).toEqual(e("period", date, null, text, end));
  });
});

describe("readDates: what only looks like a date", () => {
  it.each([
    "lớp 8/11",
    "8/9 địa phương",
    "Thông tư 02/2023/TT-BNV",
    "nhiệm kỳ 2021 - 2026",
    "Nghị định số 151/2025/NĐ-CP",
    "½ ngày",
    "1/2 ngày",
    "01 buổi",
    "30/02/2026",
    "không quá 07 phút",
  ])("finds nothing in %s", (text) => {
    expect(read(text)).toEqual([]);
  });

  it("reads a second day after a date but not after a class or a fraction", () => {
    expect(read("lớp 8/11 và 8/9 địa phương")).toEqual([]);
    expect(read("ngày 5/6 và 8/6").map((x) => x.date)).toEqual(["2026-06-05", "2026-06-08"]);
  });

  it("reads lengths of time apart from dates", () => {
    expect(readDuration("Ban CHQS cấp xã tổ chức: ½ ngày (xong trước ngày 12/01/2026)")).toBe("½ ngày");
    expect(readDuration("Thời gian: 1/2 ngày, dự kiến từ 08 giờ")).toBe("1/2 ngày");
    expect(readDuration("trong 01 buổi")).toBe("01 buổi");
    expect(readDuration("không có")).toBeNull();
  });

  it("never throws on odd input", () => {
    expect(readDates("")).toEqual([]);
    expect(readDates(undefined as unknown as string)).toEqual([]);
    expect(readDates(`${"\u0000".repeat(1000)}99/99/9999 99h99`)).toEqual([]);
  });
});
