/**
 * The hall by counts made into seats, in the order protocol fills them: the presidium on stage row by row, each row
 * from its centre out (the first seat in the middle, then right and left of it alternately, as the audience sees it);
 * then the hall front row first, each row across the blocks left to right, each block's row left to right.
 */
import type { HallLayoutInput, SeatSection } from "../../contracts/seating";

export const PRESIDIUM_NAME = "Đoàn chủ tịch";

export interface SeatSpec {
  section: SeatSection;
  /** 0 for the presidium, then 1, 2… for the blocks. */
  blockIndex: number;
  blockName: string;
  rowNumber: number;
  seatNumber: number;
  protocolOrder: number;
}

/**
 * The seat numbers of a row of `n` from its centre out.
 * @example centreOut(5) // [3, 4, 2, 5, 1]
 */
export function centreOut(n: number): number[] {
  const centre = Math.ceil(n / 2);
  const order = [centre];
  for (let d = 1; order.length < n; d++) {
    if (centre + d <= n) order.push(centre + d);
    if (centre - d >= 1 && order.length < n) order.push(centre - d);
  }
  return order;
}

/**
 * Every seat of a layout, in protocol order.
 * @example seatsOf({ presidiumRows: [3], blocks: [{ name: "A", rows: 1, seatsPerRow: 2 }] }).map((s) => s.seatNumber) // [2, 3, 1, 1, 2]
 */
export function seatsOf(layout: HallLayoutInput): SeatSpec[] {
  const seats: SeatSpec[] = [];
  const push = (s: Omit<SeatSpec, "protocolOrder">) => seats.push({ ...s, protocolOrder: seats.length + 1 });
  layout.presidiumRows.forEach((count, r) => {
    for (const n of centreOut(count))
      push({ section: "presidium", blockIndex: 0, blockName: PRESIDIUM_NAME, rowNumber: r + 1, seatNumber: n });
  });
  const rows = Math.max(...layout.blocks.map((b) => b.rows));
  for (let row = 1; row <= rows; row++)
    layout.blocks.forEach((block, b) => {
      if (row > block.rows) return;
      for (let n = 1; n <= block.seatsPerRow; n++)
        push({ section: "hall", blockIndex: b + 1, blockName: block.name, rowNumber: row, seatNumber: n });
    });
  return seats;
}

/** A seat as people say it: `seatLabel({ blockName: "Khối A", rowNumber: 3, seatNumber: 12 })` → "Khối A, hàng 3, ghế 12". */
export function seatLabel(seat: Pick<SeatSpec, "blockName" | "rowNumber" | "seatNumber">): string {
  return `${seat.blockName}, hàng ${seat.rowNumber}, ghế ${seat.seatNumber}`;
}

/** Seats in a layout: `capacityOf({ presidiumRows: [10], blocks: [{ name: "A", rows: 2, seatsPerRow: 5 }] })` → 20. */
export function capacityOf(layout: HallLayoutInput): number {
  return layout.presidiumRows.reduce((a, b) => a + b, 0) + layout.blocks.reduce((a, b) => a + b.rows * b.seatsPerRow, 0);
}
