import { describe, expect, it } from "vitest";
import { assignSeats, type SeatingDelegate } from "./assign";
import { capacityOf, centreOut, seatLabel, seatsOf } from "./layout";

const layout = {
  presidiumRows: [5],
  blocks: [
    { name: "Khối A", rows: 2, seatsPerRow: 4 },
    { name: "Khối B", rows: 2, seatsPerRow: 4 },
  ],
};
const seats = seatsOf(layout).map((s, i) => ({ ...s, id: `s${i}` }));
const where = (seatId: string) => seats.find((s) => s.id === seatId);

function delegate(n: number, unitName: string, groupId = "g2", protocolRank = n): SeatingDelegate {
  return { id: `d${n}`, groupId, unitName, protocolRank, fullName: `Đại biểu ${n}` };
}

describe("hall layout", () => {
  it("numbers the presidium from its centre out and the hall row by row across blocks", () => {
    expect(centreOut(5)).toEqual([3, 4, 2, 5, 1]);
    expect(centreOut(4)).toEqual([2, 3, 1, 4]);
    expect(seats.slice(0, 5).map((s) => s.seatNumber)).toEqual([3, 4, 2, 5, 1]);
    expect(seats.slice(5, 13).map((s) => `${s.blockName}/${s.rowNumber}/${s.seatNumber}`)).toEqual([
      "Khối A/1/1",
      "Khối A/1/2",
      "Khối A/1/3",
      "Khối A/1/4",
      "Khối B/1/1",
      "Khối B/1/2",
      "Khối B/1/3",
      "Khối B/1/4",
    ]);
    expect(capacityOf(layout)).toBe(21);
    expect(seatLabel(seats[5])).toBe("Khối A, hàng 1, ghế 1");
  });
});

describe("automatic seating", () => {
  it("puts the top ranks on the presidium, the first in the middle, then groups in order", () => {
    const list = [delegate(7, "X", "g2"), delegate(1, "Y", "g1"), delegate(2, "Y", "g1"), delegate(3, "Z", "g2")];
    const result = assignSeats(list, seats, { groupOrder: ["g1", "g2"], presidiumGroupId: null });
    if (!result.ok) throw new Error(result.message);
    const seatOf = new Map(result.seats.map((s) => [s.delegateId, where(s.seatId)]));
    expect(seatOf.get("d1")).toMatchObject({ section: "presidium", seatNumber: 3 });
    expect(seatOf.get("d2")).toMatchObject({ section: "presidium", seatNumber: 4 });
  });

  it("gives the presidium to a chosen group only", () => {
    const list = [delegate(1, "Y", "g1"), delegate(2, "X", "g2"), delegate(3, "X", "g2")];
    const result = assignSeats(list, seats, { groupOrder: ["g1", "g2"], presidiumGroupId: "g2" });
    if (!result.ok) throw new Error(result.message);
    const sections = new Map(result.seats.map((s) => [s.delegateId, where(s.seatId)?.section]));
    expect(sections).toEqual(
      new Map([
        ["d2", "presidium"],
        ["d3", "presidium"],
        ["d1", "hall"],
      ]),
    );
  });

  it("keeps a unit in one row of a block, moving it on rather than splitting it when seats are spare", () => {
    const noStage = seatsOf({ presidiumRows: [], blocks: [{ name: "A", rows: 3, seatsPerRow: 4 }] }).map((s, i) => ({ ...s, id: `h${i}` }));
    const list = [
      ...[1, 2, 3].map((n) => delegate(n, "Xã Một")),
      ...[4, 5, 6].map((n) => delegate(n, "Xã Hai")),
      ...[7, 8].map((n) => delegate(n, "Xã Ba")),
    ];
    const result = assignSeats(list, noStage, { groupOrder: ["g2"], presidiumGroupId: null });
    if (!result.ok) throw new Error(result.message);
    const rowOf = new Map(result.seats.map((s) => [s.delegateId, noStage.find((x) => x.id === s.seatId)?.rowNumber]));
    expect([1, 2, 3].map((n) => rowOf.get(`d${n}`))).toEqual([1, 1, 1]);
    expect([4, 5, 6].map((n) => rowOf.get(`d${n}`))).toEqual([2, 2, 2]);
    expect([7, 8].map((n) => rowOf.get(`d${n}`))).toEqual([3, 3]);
    expect(new Set(result.seats.map((s) => s.seatId)).size).toBe(8);
  });

  it("splits a unit over two rows only when the hall has no seat to spare", () => {
    const tight = seatsOf({ presidiumRows: [], blocks: [{ name: "A", rows: 2, seatsPerRow: 4 }] }).map((s, i) => ({ ...s, id: `t${i}` }));
    const list = [...[1, 2, 3].map((n) => delegate(n, "Xã Một")), ...[4, 5, 6, 7, 8].map((n) => delegate(n, "Xã Hai"))];
    const result = assignSeats(list, tight, { groupOrder: ["g2"], presidiumGroupId: null });
    if (!result.ok) throw new Error(result.message);
    expect(new Set(result.seats.map((s) => s.seatId)).size).toBe(8);
  });

  it("refuses more delegates than seats, saying what to do", () => {
    const list = Array.from({ length: 22 }, (_, i) => delegate(i + 1, `U${i}`));
    const result = assignSeats(list, seats, { groupOrder: [], presidiumGroupId: null });
    expect(result).toEqual({ ok: false, message: expect.stringContaining("Hội trường có 21 ghế nhưng có 22 đại biểu") });
  });
});
