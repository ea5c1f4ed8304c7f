import { describe, expect, it } from "vitest";
import { dueInstant } from "../../../domain/deadlines/index";
import { DEFAULT_SCHEDULE, dueReminder } from "./schedule";

const vn = (text: string) => new Date(`${text.replace(" ", "T")}:00+07:00`);
const due = dueInstant("2026-06-05", "08:00");

describe("which reminder is due", () => {
  it("sends nothing more than 3 days ahead, the 3-day reminder from exactly 3 days before", () => {
    expect(dueReminder(due, DEFAULT_SCHEDULE, vn("2026-06-02 07:59"))).toBeNull();
    expect(dueReminder(due, DEFAULT_SCHEDULE, vn("2026-06-02 08:00"))).toEqual({ key: "before-3d", kind: "reminder.before", days: 3 });
  });

  it("switches to the 1-day reminder from exactly 1 day before until the deadline itself", () => {
    expect(dueReminder(due, DEFAULT_SCHEDULE, vn("2026-06-04 07:59"))?.key).toBe("before-3d");
    expect(dueReminder(due, DEFAULT_SCHEDULE, vn("2026-06-04 08:00"))?.key).toBe("before-1d");
    expect(dueReminder(due, DEFAULT_SCHEDULE, vn("2026-06-05 08:00"))?.key).toBe("before-1d");
  });

  it("is overdue strictly after the deadline, one key per day at the deadline's hour", () => {
    expect(dueReminder(due, DEFAULT_SCHEDULE, vn("2026-06-05 08:01"))).toEqual({
      key: "overdue-2026-06-05",
      kind: "reminder.overdue",
      days: 0,
    });
    expect(dueReminder(due, DEFAULT_SCHEDULE, vn("2026-06-06 07:59"))?.key).toBe("overdue-2026-06-05");
    expect(dueReminder(due, DEFAULT_SCHEDULE, vn("2026-06-06 08:00"))?.key).toBe("overdue-2026-06-06");
    expect(dueReminder(due, DEFAULT_SCHEDULE, vn("2026-06-09 12:00"))?.key).toBe("overdue-2026-06-09");
  });

  it("treats a date-only deadline as the whole day", () => {
    const wholeDay = dueInstant("2026-06-05", null);
    expect(dueReminder(wholeDay, DEFAULT_SCHEDULE, vn("2026-06-05 23:59"))?.key).toBe("before-1d");
    expect(dueReminder(wholeDay, DEFAULT_SCHEDULE, vn("2026-06-06 00:01"))?.key).toBe("overdue-2026-06-06");
  });

  it("follows the plan's own schedule, and sends no overdue reminders when they are turned off", () => {
    const schedule = { beforeDays: [7], overdueDaily: false };
    expect(dueReminder(due, schedule, vn("2026-05-29 08:00"))?.key).toBe("before-7d");
    expect(dueReminder(due, schedule, vn("2026-06-05 07:00"))?.key).toBe("before-7d");
    expect(dueReminder(due, schedule, vn("2026-06-06 09:00"))).toBeNull();
  });
});
