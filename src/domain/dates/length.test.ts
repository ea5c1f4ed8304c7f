import { describe, expect, it } from "vitest";
import { conferenceEnd, halfDaysOf } from "./length";

describe("conferenceEnd", () => {
  it("reads the length in half days", () => {
    expect(["½ ngày", "1/2 ngày", "01 buổi", "1 buổi", "01 ngày", "02 buổi", "03 ngày"].map(halfDaysOf)).toEqual([1, 1, 1, 1, 2, 2, 6]);
    expect(["", "vài ngày", "1/2 tháng", null].map(halfDaysOf)).toEqual([null, null, null, null]);
  });

  it("ends a half-day session 4 hours after its start, never before the agenda's last end", () => {
    expect(conferenceEnd("08:00", "1/2 ngày", "11:00")).toEqual({ days: 0, time: "12:00" });
    expect(conferenceEnd("08:00", "½ ngày", null)).toEqual({ days: 0, time: "12:00" });
    expect(conferenceEnd("13:30", "01 buổi", "16:00")).toEqual({ days: 0, time: "17:30" });
    expect(conferenceEnd("08:00", "½ ngày", "12:30")).toEqual({ days: 0, time: "12:30" });
  });

  it("ends a day at 17:00 of its last day", () => {
    expect(conferenceEnd("07:30", "01 ngày", "11:00")).toEqual({ days: 0, time: "17:00" });
    expect(conferenceEnd("08:00", "02 buổi", null)).toEqual({ days: 0, time: "17:00" });
    expect(conferenceEnd("08:00", "02 ngày", "11:00")).toEqual({ days: 1, time: "17:00" });
    expect(conferenceEnd("08:00", "01 ngày", "17:45")).toEqual({ days: 0, time: "17:45" });
  });

  it("falls back to the agenda's end without a readable length, and to nothing without either", () => {
    expect(conferenceEnd("08:00", "họp nhanh", "09:00")).toEqual({ days: 0, time: "09:00" });
    expect(conferenceEnd(null, "½ ngày", null)).toBeNull();
    expect(conferenceEnd("08:00", null, null)).toBeNull();
  });
});
