import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  dueInstant,
  formatDeadline,
  isClockTime,
  isIsoDate,
  isLateSubmission,
  isOverdue,
  laterThanParent,
  timeLeft,
  vietnamToday,
} from "./index";

const at = (iso: string) => new Date(iso);

describe("dueInstant", () => {
  it("places a timed deadline in Vietnam time, seven hours ahead of UTC", () => {
    expect(dueInstant("2026-05-31", "08:00").toISOString()).toBe("2026-05-31T01:00:00.000Z");
    expect(dueInstant("2026-01-01", "00:30").toISOString()).toBe("2025-12-31T17:30:00.000Z");
  });

  it("lets a date-only deadline last the whole Vietnam day", () => {
    expect(dueInstant("2026-05-31", null).toISOString()).toBe("2026-05-31T17:00:00.000Z");
    expect(dueInstant("2026-12-31", null).toISOString()).toBe("2026-12-31T17:00:00.000Z");
  });

  it("keeps the same offset in every month because Vietnam has no daylight saving", () => {
    for (const month of ["01", "04", "07", "10"]) {
      expect(dueInstant(`2026-${month}-15`, "12:00").getUTCHours()).toBe(5);
    }
  });

  it("refuses impossible dates and times", () => {
    expect(() => dueInstant("2026-02-30", null)).toThrow(RangeError);
    expect(() => dueInstant("2026-05-31", "24:00")).toThrow(RangeError);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isClockTime("23:59")).toBe(true);
    expect(isClockTime("8:00")).toBe(false);
  });

  it("ends a date-only deadline exactly where the next day's 00:00 deadline falls", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (offset) => {
        const date = addDays("2000-01-01", offset);
        expect(dueInstant(date, null).getTime()).toBe(dueInstant(addDays(date, 1), "00:00").getTime());
      }),
    );
  });
});

describe("late and overdue, to the minute", () => {
  const due = dueInstant("2026-05-31", "08:00");

  it("counts a submission at the deadline minute as on time and one a minute later as late", () => {
    expect(isLateSubmission(at("2026-05-31T01:00:00Z"), due)).toBe(false);
    expect(isLateSubmission(at("2026-05-31T00:59:00Z"), due)).toBe(false);
    expect(isLateSubmission(at("2026-05-31T01:01:00Z"), due)).toBe(true);
  });

  it("treats a date-only deadline as met until 23:59 Vietnam time of that day", () => {
    const whole = dueInstant("2026-05-31", null);
    expect(isLateSubmission(at("2026-05-31T16:59:00Z"), whole)).toBe(false);
    expect(isLateSubmission(at("2026-05-31T17:01:00Z"), whole)).toBe(true);
    expect(isOverdue({ status: "open", dueAt: whole }, at("2026-05-31T10:00:00Z"))).toBe(false);
  });

  it("makes open and returned obligations overdue after the instant, never submitted or accepted ones", () => {
    const after = at("2026-05-31T01:01:00Z");
    expect(isOverdue({ status: "open", dueAt: due }, after)).toBe(true);
    expect(isOverdue({ status: "returned", dueAt: due }, after)).toBe(true);
    expect(isOverdue({ status: "submitted", dueAt: due }, after)).toBe(false);
    expect(isOverdue({ status: "accepted", dueAt: due }, after)).toBe(false);
    expect(isOverdue({ status: "open", dueAt: due }, due)).toBe(false);
  });
});

describe("timeLeft", () => {
  const due = dueInstant("2026-05-31", "08:00");

  it("counts down in days, hours and minutes without rounding up", () => {
    const left = timeLeft(due, at("2026-05-29T23:54:30Z"));
    expect(left).toMatchObject({ overdue: false, days: 1, hours: 1, minutes: 5 });
    expect(left.label).toBe("còn 1 ngày 1 giờ 5 phút");
  });

  it("says how late once past, rounding lateness up to the started minute", () => {
    const left = timeLeft(due, at("2026-05-31T04:00:01Z"));
    expect(left).toMatchObject({ overdue: true, days: 0, hours: 3, minutes: 1 });
    expect(left.label).toBe("quá hạn 3 giờ 1 phút");
  });

  it("shows zero minutes at the deadline itself", () => {
    expect(timeLeft(due, due).label).toBe("còn 0 phút");
  });
});

describe("laterThanParent", () => {
  it("flags a child deadline after its parent's, comparing date-only as the whole day", () => {
    expect(laterThanParent({ date: "2026-06-01", time: null }, { date: "2026-06-01", time: "17:00" })).toBe(true);
    expect(laterThanParent({ date: "2026-06-01", time: "16:00" }, { date: "2026-06-01", time: "17:00" })).toBe(false);
    expect(laterThanParent({ date: "2026-06-01", time: "23:59" }, { date: "2026-06-01", time: null })).toBe(false);
    expect(laterThanParent({ date: "2026-06-02", time: "00:01" }, { date: "2026-06-01", time: null })).toBe(true);
  });

  it("never flags equal deadlines", () => {
    expect(laterThanParent({ date: "2026-06-01", time: "08:00" }, { date: "2026-06-01", time: "08:00" })).toBe(false);
  });
});

describe("calendar helpers", () => {
  it("gives the Vietnam date, which turns over at 17:00 UTC", () => {
    expect(vietnamToday(at("2026-05-31T16:59:59Z"))).toBe("2026-05-31");
    expect(vietnamToday(at("2026-05-31T17:00:00Z"))).toBe("2026-06-01");
  });

  it("adds days across months and leap years", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("formats deadlines the way plans write them", () => {
    expect(formatDeadline("2026-05-31", "08:00")).toBe("08:00 ngày 31/05/2026");
    expect(formatDeadline("2026-01-05", null)).toBe("ngày 05/01/2026");
  });
});
