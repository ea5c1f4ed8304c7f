/**
 * Automatic seating by protocol: delegates in group order, then protocol rank (lower first); the presidium takes
 * the top ranks, or the chosen group's top ranks; in the hall each unit's delegates sit side by side, a unit moved
 * to the next row rather than split when the hall has seats to spare.
 */
import { compareVi } from "../text/vietnamese";

export interface SeatingDelegate {
  id: string;
  groupId: string | null;
  unitName: string;
  protocolRank: number;
  fullName: string;
}

export interface SeatingSeat {
  id: string;
  section: "presidium" | "hall";
  blockIndex: number;
  rowNumber: number;
  protocolOrder: number;
}

export type AssignResult = { ok: true; seats: Array<{ seatId: string; delegateId: string }> } | { ok: false; message: string };

const byRank = (a: SeatingDelegate, b: SeatingDelegate) => a.protocolRank - b.protocolRank || compareVi(a.fullName, b.fullName);

/**
 * Seats everyone or says why not.
 * @example assignSeats(delegates, seats, { groupOrder: ["g1", "g2"], presidiumGroupId: null })
 */
export function assignSeats(
  delegates: readonly SeatingDelegate[],
  seats: readonly SeatingSeat[],
  options: { groupOrder: readonly string[]; presidiumGroupId: string | null },
): AssignResult {
  if (delegates.length > seats.length)
    return {
      ok: false,
      message: `Hội trường có ${seats.length} ghế nhưng có ${delegates.length} đại biểu. Hãy thêm hàng hoặc khối ghế (khi chưa xếp ai) rồi xếp lại.`,
    };
  const groupIndex = (g: string | null) => {
    const i = g ? options.groupOrder.indexOf(g) : -1;
    return i < 0 ? options.groupOrder.length : i;
  };
  const ordered = [...delegates].sort((a, b) => groupIndex(a.groupId) - groupIndex(b.groupId) || byRank(a, b));
  const ordering = (s: readonly SeatingSeat[]) => [...s].sort((a, b) => a.protocolOrder - b.protocolOrder);
  const presidium = ordering(seats.filter((s) => s.section === "presidium"));
  const hall = ordering(seats.filter((s) => s.section === "hall"));

  const candidates = options.presidiumGroupId ? ordered.filter((d) => d.groupId === options.presidiumGroupId) : ordered;
  const onStage = [...candidates].sort(byRank).slice(0, presidium.length);
  const result = onStage.map((d, i) => ({ seatId: presidium[i].id, delegateId: d.id }));
  const staged = new Set(onStage.map((d) => d.id));
  const rest = ordered.filter((d) => !staged.has(d.id));
  if (rest.length > hall.length)
    return {
      ok: false,
      message: `Hội trường (không kể đoàn chủ tịch) có ${hall.length} ghế nhưng còn ${rest.length} đại biểu. Hãy thêm hàng hoặc khối ghế rồi xếp lại.`,
    };

  // Units in the order of their first (best placed) delegate, within their group.
  const units = new Map<string, SeatingDelegate[]>();
  for (const d of rest) {
    const key = `${groupIndex(d.groupId)}\u0000${d.unitName}`;
    const unit = units.get(key);
    if (unit) unit.push(d);
    else units.set(key, [d]);
  }
  // The hall's rows of blocks: a unit is kept within one when it fits.
  const segments: SeatingSeat[][] = [];
  for (const seat of hall) {
    const last = segments.at(-1);
    if (last && last[0].blockIndex === seat.blockIndex && last[0].rowNumber === seat.rowNumber) last.push(seat);
    else segments.push([seat]);
  }
  let slack = hall.length - rest.length;
  let segment = 0;
  let offset = 0;
  for (const members of units.values()) {
    const left = segments[segment] ? segments[segment].length - offset : 0;
    if (left < members.length && left > 0 && left <= slack && members.length <= (segments[segment + 1]?.length ?? 0)) {
      slack -= left;
      segment += 1;
      offset = 0;
    }
    for (const d of members) {
      while (segments[segment] && offset >= segments[segment].length) {
        segment += 1;
        offset = 0;
      }
      result.push({ seatId: segments[segment][offset].id, delegateId: d.id });
      offset += 1;
    }
  }
  return { ok: true, seats: result };
}
