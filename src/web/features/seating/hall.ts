import type { SeatedDelegate, SeatView } from "../../../contracts/seating";
import { matches } from "../../../domain/text/vietnamese";

/** The plan's seats arranged as drawn: the presidium's rows on stage, then each block's rows, seats left to right. */
export interface HallDrawing {
  presidium: SeatView[][];
  blocks: { index: number; name: string; rows: SeatView[][] }[];
}

function rowsOf(seats: SeatView[]): SeatView[][] {
  const byRow = new Map<number, SeatView[]>();
  for (const s of seats) {
    const row = byRow.get(s.row) ?? [];
    row.push(s);
    byRow.set(s.row, row);
  }
  return [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row.sort((a, b) => a.number - b.number));
}

/** Groups the seats (any order) into the drawing. */
export function drawHall(seats: readonly SeatView[]): HallDrawing {
  const byBlock = new Map<number, SeatView[]>();
  for (const s of seats) {
    const key = s.section === "presidium" ? 0 : s.blockIndex;
    const list = byBlock.get(key) ?? [];
    list.push(s);
    byBlock.set(key, list);
  }
  return {
    presidium: rowsOf(byBlock.get(0) ?? []),
    blocks: [...byBlock.entries()]
      .filter(([index]) => index > 0)
      .sort((a, b) => a[0] - b[0])
      .map(([index, list]) => ({ index, name: list[0].blockName, rows: rowsOf(list) })),
  };
}

/** What a seat shows: the given name, the last word of a Vietnamese full name ("Nguyễn Văn An" → "An"). */
export function shortName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  return words[words.length - 1] ?? "";
}

/** The hover text of a delegate: full name, title, unit, each on its line. */
export function delegateHint(d: SeatedDelegate, seatLabel?: string): string {
  return [d.fullName, d.title, d.unitName, d.groupName, seatLabel].filter(Boolean).join("\n");
}

/** Whether a search typed with or without diacritics finds the delegate (name, title or unit). */
export function findsDelegate(d: SeatedDelegate, query: string): boolean {
  return matches(`${d.fullName} ${d.title} ${d.unitName}`, query);
}

/** Fill colours of the groups, in the conference's order; the ungrouped take the last (grey). */
const PALETTE = ["#ffd6a5", "#caffbf", "#9bf6ff", "#bdb2ff", "#ffc6ff", "#fdffb6", "#a0c4ff", "#ffadad", "#d0f4de", "#e4c1f9"];
export const UNGROUPED_COLOUR = "#e8e8e8";

/** Colour by group name: the conference's groups first, in order, then any other name met. */
export function groupColours(groupNames: readonly string[]): Map<string, string> {
  const colours = new Map<string, string>();
  for (const name of groupNames) if (name && !colours.has(name)) colours.set(name, PALETTE[colours.size % PALETTE.length]);
  colours.set("", UNGROUPED_COLOUR);
  return colours;
}
