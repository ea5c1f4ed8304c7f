import { vietnamClock } from "../../../domain/deadlines/index";

/** What the agenda rules need of an item: its place, its times and its words. */
export interface TimedItem {
  id: string;
  startsAt: Date | null;
  endsAt: Date | null;
  content: string;
}

const clock = (at: Date) => vietnamClock(at);
const span = (a: { startsAt: Date; endsAt: Date }) => `${clock(a.startsAt)}–${clock(a.endsAt)}`;
const quote = (text: string) => `«${text.length > 80 ? `${text.slice(0, 77)}…` : text}»`;

/**
 * The first reason this agenda cannot stand, in Vietnamese naming the items and times, or null: an item that
 * ends before it starts, one outside the conference's hours, two that overlap (touching ends are fine: 08:05–08:15
 * then 08:15–08:35). Items without times (carried over from a conference without a date) are not checked.
 */
export function agendaProblem(items: readonly TimedItem[], hours: { startsAt: Date | null; endsAt: Date | null }): string | null {
  const timed = items
    .filter((i): i is TimedItem & { startsAt: Date; endsAt: Date } => i.startsAt !== null && i.endsAt !== null)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const item of timed) {
    if (item.endsAt.getTime() <= item.startsAt.getTime())
      return `Mục ${quote(item.content)} phải kết thúc sau khi bắt đầu (${span(item)}). Hãy sửa giờ kết thúc.`;
    if (hours.startsAt && hours.endsAt && (item.startsAt < hours.startsAt || item.endsAt > hours.endsAt))
      return `Mục ${quote(item.content)} (${span(item)}) nằm ngoài giờ hội nghị (${clock(hours.startsAt)}–${clock(hours.endsAt)}). Hãy chọn giờ trong khoảng này hoặc sửa giờ của hội nghị trước.`;
  }
  for (let i = 1; i < timed.length; i += 1) {
    const [a, b] = [timed[i - 1], timed[i]];
    if (b.startsAt < a.endsAt)
      return `Mục ${quote(b.content)} (${span(b)}) trùng giờ với mục ${quote(a.content)} (${span(a)}). Hãy chọn giờ khác hoặc dời các mục sau.`;
  }
  return null;
}

/**
 * The agenda after moving one item to `start` (keeping its length); with `shiftFollowing`, every item that
 * started at or after the moved item's old end moves by the same amount, so the gaps between them stay.
 */
export function movedAgenda<T extends TimedItem>(items: readonly T[], itemId: string, start: Date, shiftFollowing: boolean): T[] {
  const moved = items.find((i) => i.id === itemId);
  if (!moved?.startsAt || !moved.endsAt) return [...items];
  const delta = start.getTime() - moved.startsAt.getTime();
  const oldEnd = moved.endsAt.getTime();
  const shift = (at: Date | null) => (at ? new Date(at.getTime() + delta) : null);
  return items.map((i) => {
    const follows = i.id !== itemId && shiftFollowing && i.startsAt !== null && i.startsAt.getTime() >= oldEnd;
    return i.id === itemId || follows ? { ...i, startsAt: shift(i.startsAt), endsAt: shift(i.endsAt) } : i;
  });
}
