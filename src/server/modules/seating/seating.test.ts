import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { SeatChange, SeatingPlan } from "../../../contracts/seating";
import { readPdf } from "../../../domain/importer/pdf";
import { seatAssignments } from "../../db/schema/index";
import { makeUnit, makeUser } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import { type DelegateScene, makeDelegateScene } from "../checkin/fixtures";
import { seatOfDelegates } from "./queries";

const layout = {
  presidiumRows: [5],
  blocks: [
    { name: "Khối A", rows: 4, seatsPerRow: 6 },
    { name: "Khối B", rows: 4, seatsPerRow: 6 },
  ],
};

describeOnDatabases("seating", (ctx) => {
  let scene: DelegateScene;
  let organiser: TestClient;
  let second: TestClient;
  let plan: SeatingPlan;
  const url = (path = "") => `/api/conferences/${scene.conferenceId}/seating${path}`;
  const free = () => plan.seats.filter((s) => s.section === "hall" && !s.delegate);
  const seatOf = (delegateId: string) => plan.seats.find((s) => s.delegate?.id === delegateId);
  const reload = async () => {
    plan = (await organiser.get(url())).json<SeatingPlan>();
    return plan;
  };

  beforeAll(async () => {
    scene = await makeDelegateScene(ctx().db, 40, 4);
    organiser = await signedIn(ctx().app, scene.organiser);
    const unit = await makeUnit(ctx().db);
    const other = await makeUser(ctx().db, { unit, grants: [{ unit, role: "member" }] });
    await organiser.post(`/api/conferences/${scene.conferenceId}/roles`, { userId: other.id, role: "organiser" });
    second = await signedIn(ctx().app, other);
  });

  it("creates the hall by counts, 53 seats, and refuses a reader (403) and a bad layout (400)", async () => {
    const reader = await signedIn(ctx().app, scene.reader);
    expect((await reader.put(url("/layout"), { layout })).statusCode).toBe(403);
    const bad = await organiser.put(url("/layout"), { layout: { presidiumRows: [], blocks: [{ name: "A", rows: 0, seatsPerRow: 5 }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("Số hàng của khối ít nhất là 1");
    const res = await organiser.put(url("/layout"), { layout });
    expect(res.statusCode).toBe(200);
    plan = res.json<SeatingPlan>();
    expect(plan).toMatchObject({ version: 1, capacity: 53, layout });
    expect(plan.seats).toHaveLength(53);
    expect(plan.unseated).toHaveLength(40);
    expect((await reader.get(url())).statusCode).toBe(200);
  });

  it("seats everyone by protocol: the top ranks on the presidium, the first in its middle, units side by side", async () => {
    expect((await organiser.post(url("/auto-assign"), { version: 7 })).statusCode).toBe(409);
    const res = await organiser.post(url("/auto-assign"), { version: plan.version });
    expect(res.statusCode).toBe(200);
    plan = res.json<SeatingPlan>();
    expect(plan.unseated).toEqual([]);
    expect(plan.version).toBe(2);
    expect(seatOf(scene.delegates[0].id)).toMatchObject({ section: "presidium", row: 1, number: 3 });
    expect(seatOf(scene.delegates[5].id)?.section).toBe("hall");
    const rowsOfUnit = new Set(
      scene.delegates
        .filter((d) => d.unitName === scene.delegates[20].unitName)
        .map((d) => `${seatOf(d.id)?.blockName}/${seatOf(d.id)?.row}`),
    );
    expect(rowsOfUnit.size).toBe(1);
    const seats = await seatOfDelegates(ctx().db, scene.conferenceId);
    expect(seats.get(scene.delegates[0].id)?.label).toBe("Đoàn chủ tịch, hàng 1, ghế 3");
    expect(seats.size).toBe(40);
  });

  it("refuses to replace the layout while delegates are seated", async () => {
    const res = await organiser.put(url("/layout"), { layout, version: plan.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("Bỏ xếp chỗ");
  });

  it("moves a delegate to a free seat, refuses an occupied seat and a move from a seat already left", async () => {
    const d = scene.delegates[30];
    const from = seatOf(d.id)?.id as string;
    const to = free()[0].id;
    const res = await organiser.post(url("/move"), { delegateId: d.id, fromSeatId: from, toSeatId: to });
    expect(res.statusCode).toBe(200);
    expect(res.json<SeatChange>().seats).toEqual([
      { seatId: from, delegateId: null },
      { seatId: to, delegateId: d.id },
    ]);
    const stale = await organiser.post(url("/move"), { delegateId: d.id, fromSeatId: from, toSeatId: free()[1].id });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain("vừa được người khác chuyển chỗ");
    const taken = await organiser.post(url("/move"), {
      delegateId: scene.delegates[31].id,
      fromSeatId: seatOf(scene.delegates[31].id)?.id,
      toSeatId: seatOf(scene.delegates[32].id)?.id,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toContain("đã có người ngồi");
    await reload();
  });

  it("lets one of two organisers moving into the same seat at the same moment win; the other is told (409), every time", async () => {
    for (let round = 0; round < 4; round++) {
      const target = free()[0];
      const [a, b] = [scene.delegates[10 + round * 2], scene.delegates[11 + round * 2]];
      const results = await Promise.all([
        organiser.post(url("/move"), { delegateId: a.id, fromSeatId: seatOf(a.id)?.id, toSeatId: target.id }),
        second.post(url("/move"), { delegateId: b.id, fromSeatId: seatOf(b.id)?.id, toSeatId: target.id }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.statusCode === 409);
      expect(loser?.json().error.message).toMatch(/vừa có người khác được xếp vào|đã có người ngồi/);
      const inSeat = await ctx().db.select().from(seatAssignments).where(eq(seatAssignments.seatId, target.id));
      expect(inSeat).toHaveLength(1);
      await reload();
      expect(plan.unseated).toEqual([]);
    }
  });

  it("has the database refuse a second delegate in a taken seat, and a delegate in two seats, whatever the code does", async () => {
    const taken = plan.seats.find((s) => s.delegate) as SeatingPlan["seats"][number];
    const someoneElse = scene.delegates.find((d) => d.id !== taken.delegate?.id) as DelegateScene["delegates"][number];
    await expect(
      ctx().db.insert(seatAssignments).values({ seatId: taken.id, delegateId: someoneElse.id, conferenceId: scene.conferenceId }),
    ).rejects.toThrow();
    await expect(
      ctx()
        .db.insert(seatAssignments)
        .values({ seatId: free()[0].id, delegateId: taken.delegate?.id as string, conferenceId: scene.conferenceId }),
    ).rejects.toThrow();
  });

  it("swaps two delegates, and refuses a swap of seats seen before the other's change", async () => {
    const [a, b] = [scene.delegates[6], scene.delegates[7]];
    const sa = seatOf(a.id)?.id as string;
    const sb = seatOf(b.id)?.id as string;
    const res = await organiser.post(url("/swap"), { a: { delegateId: a.id, seatId: sa }, b: { delegateId: b.id, seatId: sb } });
    expect(res.statusCode).toBe(200);
    const again = await second.post(url("/swap"), { a: { delegateId: a.id, seatId: sa }, b: { delegateId: b.id, seatId: sb } });
    expect(again.statusCode).toBe(409);
    await reload();
    expect(seatOf(a.id)?.id).toBe(sb);
    expect(seatOf(b.id)?.id).toBe(sa);
  });

  it("prints the chart on A3 landscape with the presidium, seat numbers and names", async () => {
    const res = await organiser.get(url("/chart.pdf"));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/pdf");
    const pdf = await readPdf(res.rawPayload);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    expect([Math.round(pdf.pages[0].width), Math.round(pdf.pages[0].height)]).toEqual([1191, 842]);
    const text = pdf.pages.map((p) => p.items.map((i) => i.text).join(" ")).join("\n");
    expect(text).toContain("SÂN KHẤU - ĐOÀN CHỦ TỊCH");
    expect(text).toContain("Khối A");
    expect(text).toContain(scene.delegates[0].fullName);
    expect(text).toContain(scene.delegates[39].fullName);
  });

  it("clears every seat with the version, then lets the layout be replaced", async () => {
    const res = await organiser.post(url("/clear"), { version: plan.version });
    expect(res.statusCode).toBe(200);
    plan = res.json<SeatingPlan>();
    expect(plan.unseated).toHaveLength(40);
    const replaced = await organiser.put(url("/layout"), { layout: { ...layout, presidiumRows: [7, 9] }, version: plan.version });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json<SeatingPlan>().capacity).toBe(64);
  });
});
