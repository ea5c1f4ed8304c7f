/** Instants as read in Vietnam (Asia/Ho_Chi_Minh is UTC+7 all year, no daylight saving). */

const OFFSET_MS = 7 * 60 * 60 * 1000;
const WEEKDAYS = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];
const pad = (n: number) => String(n).padStart(2, "0");

/** The wall clock in Vietnam: `vietnamClock(new Date("2026-06-02T00:30:00Z"))` → `{ year: 2026, month: 6, day: 2, hour: 7, minute: 30, weekday: 2 }`. */
export function vietnamClock(instant: Date) {
  const t = new Date(instant.getTime() + OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    weekday: t.getUTCDay(),
  };
}

/** As an invitation writes it: `vietnamTimeText(new Date("2026-06-02T00:30:00Z"))` → `"07 giờ 30 phút, thứ Ba, ngày 02/6/2026"`. */
export function vietnamTimeText(instant: Date): string {
  const c = vietnamClock(instant);
  return `${pad(c.hour)} giờ ${pad(c.minute)} phút, ${WEEKDAYS[c.weekday]}, ngày ${pad(c.day)}/${c.month}/${c.year}`;
}

/** Short form for lists and messages: `vietnamShort(new Date("2026-06-02T00:30:00Z"))` → `"07:30 02/06/2026"`. */
export function vietnamShort(instant: Date): string {
  const c = vietnamClock(instant);
  return `${pad(c.hour)}:${pad(c.minute)} ${pad(c.day)}/${pad(c.month)}/${c.year}`;
}
