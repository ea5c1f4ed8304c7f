import { vietnamToday } from "../../../domain/deadlines/index";
import type { ReminderSchedule } from "../../db/schema/index";

const DAY = 86_400_000;

export const DEFAULT_SCHEDULE: ReminderSchedule = { beforeDays: [3, 1], overdueDaily: true };

export interface DueReminder {
  /** The delivery key, unique per obligation: `before-3d`, `before-1d`, `overdue-2026-06-03`. */
  key: string;
  kind: "reminder.before" | "reminder.overdue";
  /** Whole days before the deadline for a "before" reminder; days late (0 on the first day) for an overdue one. */
  days: number;
}

/**
 * The one reminder due now for a deadline, or null. Before the deadline it is the closest "before" reminder
 * whose moment (`dueAt − n days`) has passed, so a plan issued two days ahead sends the 1-day one and never a
 * stale 3-day one afterwards; once overdue (strictly after `dueAt`) it is one reminder per day, at the hour of
 * the deadline, keyed by that day's Vietnam date.
 */
export function dueReminder(dueAt: Date, schedule: ReminderSchedule, now: Date): DueReminder | null {
  const left = dueAt.getTime() - now.getTime();
  if (left >= 0) {
    const passed = schedule.beforeDays.filter((d) => d > 0 && left <= d * DAY);
    if (passed.length === 0) return null;
    const days = Math.min(...passed);
    return { key: `before-${days}d`, kind: "reminder.before", days };
  }
  if (!schedule.overdueDaily) return null;
  const days = Math.floor(-left / DAY);
  return { key: `overdue-${vietnamToday(new Date(dueAt.getTime() + days * DAY))}`, kind: "reminder.overdue", days };
}

/** The furthest ahead any schedule may look (beforeDays ≤ 60), so the runner reads only obligations that can be due. */
export const HORIZON_DAYS = 61;
