import { randomUUID, sign } from "node:crypto";
import { eq, sql, TransactionRollbackError } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Attendance, CheckinBatchResult, CheckinOutcome, Roster } from "../../../contracts/checkin";
import type { SeatingPlan } from "../../../contracts/seating";
import { assembleToken, tokenPayload } from "../../../domain/checkin/token";
import { checkins, delegateAnswers } from "../../db/schema/index";
import { openStream, sessionCookie, type TestStream } from "../../platform/live/testing";
import { makeUnit, makeUser, type UserRow } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import { type DelegateScene, makeDelegateScene } from "./fixtures";
import { conferenceKey, delegateQrToken } from "./keys";
import { checkinWriteQuery } from "./service";

describeOnDatabases("check-in at the door", (ctx) => {
  let scene: DelegateScene;
  let other: DelegateScene;
  let doorUser: UserRow;
  let door: TestClient;
  let baseUrl = "";
  const streams: TestStream[] = [];
  const url = (path: string, id = scene.conferenceId) => `/api/conferences/${id}${path}`;
  const scan = (token: string, o: { door?: string; clientId?: string; scannedAt?: string } = {}) => ({
    clientId: o.clientId ?? randomUUID(),
    token,
    door: o.door ?? "2",
    scannedAt: o.scannedAt ?? new Date().toISOString(),
  });
  const send = async (items: object[], client = door) => {
    const res = await client.post(url("/checkins"), { checkins: items });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CheckinBatchResult>().results;
  };
  const tokenOf = (i: number) => delegateQrToken(ctx().db, scene.conferenceId, scene.delegates[i].id);

  beforeAll(async () => {
    scene = await makeDelegateScene(ctx().db, 12, 3);
    other = await makeDelegateScene(ctx().db, 2);
    const unit = await makeUnit(ctx().db);
    // An account made for the door only: no role on any unit.
    doorUser = await makeUser(ctx().db, { unit });
    const organiser = await signedIn(ctx().app, scene.organiser);
    expect((await organiser.post(url("/roles"), { userId: doorUser.id, role: "door" })).statusCode).toBe(201);
    door = await signedIn(ctx().app, doorUser);
    baseUrl = await ctx().app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => {
    for (const s of streams) s.close();
  });

  it("gives door staff the roster with folded search keys and the public key, and refuses everyone else", async () => {
    const res = await door.get(url("/roster"));
    expect(res.statusCode).toBe(200);
    const roster = res.json<Roster>();
    expect(roster.publicKey).toBe((await conferenceKey(ctx().db, scene.conferenceId)).publicKey);
    expect(roster.delegates).toHaveLength(12);
    expect(roster.delegates[0]).toMatchObject({
      fullName: scene.delegates[0].fullName,
      groupName: "Khách mời Trung ương",
      checkedInAt: null,
    });
    expect(roster.delegates[0].searchKey).toMatch(/^nguyen van anh 1 /);
    const reader = await signedIn(ctx().app, scene.reader);
    expect((await reader.get(url("/roster"))).statusCode).toBe(403);
    const stranger = await signedIn(ctx().app, scene.stranger);
    expect((await stranger.get(url("/roster"))).statusCode).toBe(404);
  });

  it("lists the conferences a user may check in at: door staff and organisers see it, a mere reader does not", async () => {
    const ids = async (client: TestClient) => {
      const res = await client.get("/api/door/conferences");
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ conferences: Array<{ id: string }> }>().conferences.map((c) => c.id);
    };
    expect(await ids(door)).toEqual([scene.conferenceId]);
    expect(await ids(await signedIn(ctx().app, scene.organiser))).toContain(scene.conferenceId);
    expect(await ids(await signedIn(ctx().app, scene.reader))).not.toContain(scene.conferenceId);
    expect(await ids(await signedIn(ctx().app, scene.stranger))).not.toContain(scene.conferenceId);
  });

  it("refuses the check-in API to someone without the door role (403), and to a stranger (404)", async () => {
    const body = { checkins: [scan(await tokenOf(0))] };
    const reader = await signedIn(ctx().app, scene.reader);
    const res = await reader.post(url("/checkins"), body);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain("Chỉ người được giao soát vé");
    const stranger = await signedIn(ctx().app, scene.stranger);
    expect((await stranger.post(url("/checkins"), body)).statusCode).toBe(404);
    expect(await ctx().db.select().from(checkins).where(eq(checkins.conferenceId, scene.conferenceId))).toEqual([]);
  });

  it("counts a delegate's first scan once, answers a replay the same, and tells a second scan when and where they came in", async () => {
    const first = scan(await tokenOf(1), { door: "2", scannedAt: "2099-03-20T07:42:10+07:00" });
    const [counted] = await send([first]);
    expect(counted).toMatchObject({
      status: "counted",
      delegateId: scene.delegates[1].id,
      fullName: scene.delegates[1].fullName,
      firstDoor: "2",
    });
    const [replay] = await send([first]);
    expect(replay).toEqual(counted);
    const [again] = await send([scan(await tokenOf(1), { door: 'Cổng "phụ", \\ {B}' })]);
    expect(again).toMatchObject({ status: "repeat", message: "Đã vào lúc 07:42, cửa 2." });
    const rows = await ctx().db.select().from(checkins).where(eq(checkins.delegateId, scene.delegates[1].id));
    expect(rows).toHaveLength(2);
    // A door's name travels to the database as written, quotes, commas, braces and backslashes included.
    expect(rows.map((r) => r.door).sort()).toEqual(["2", 'Cổng "phụ", \\ {B}']);
  });

  it("counts once when two doors send the same delegate at the same moment, and once when both replay one scan", async () => {
    // Several rounds, each a fresh delegate, so the race is really run on PostgreSQL's separate connections.
    for (const i of [2, 7, 8]) {
      const token = await tokenOf(i);
      const [a, b] = await Promise.all([send([scan(token, { door: "1" })]), send([scan(token, { door: "3" })])]);
      expect([a[0].status, b[0].status].sort()).toEqual(["counted", "repeat"]);
    }
    for (const i of [3, 9, 10]) {
      const shared = scan(await tokenOf(i), { door: "1" });
      const [c, d] = await Promise.all([send([shared]), send([{ ...shared, door: "4" }])]);
      expect([c[0].status, d[0].status]).toEqual(["counted", "counted"]);
      const rows = await ctx().db.select().from(checkins).where(eq(checkins.delegateId, scene.delegates[i].id));
      expect(rows).toHaveLength(1);
    }
    // Door staff check in, nothing more: no counts, no list with absence reasons, no export, no live topic.
    expect((await door.get(url("/attendance"))).statusCode).toBe(403);
    expect((await door.get(url("/attendance.xlsx"))).statusCode).toBe(403);
    const doorStream = await openStream(baseUrl, `/api/events?topics=conference:${scene.conferenceId}`, {
      cookie: await sessionCookie(ctx().app, doorUser),
    });
    doorStream.close();
    expect(doorStream.status).toBe(403);
    const stranger = await signedIn(ctx().app, scene.stranger);
    expect((await stranger.get(url("/attendance"))).statusCode).toBe(404);
    const reader = await signedIn(ctx().app, scene.reader);
    expect((await reader.get(url("/attendance"))).json<Attendance>().present).toBe(7);
    const organiser = await signedIn(ctx().app, scene.organiser);
    const report = (await organiser.get(url("/attendance"))).json<Attendance>();
    expect(report.present).toBe(7);
  });

  it("checks in a delegate found by name, and refuses one of another conference", async () => {
    const results = await send([
      { clientId: randomUUID(), delegateId: scene.delegates[4].id, door: "1", scannedAt: new Date().toISOString() },
      { clientId: randomUUID(), delegateId: other.delegates[0].id, door: "1", scannedAt: new Date().toISOString() },
    ]);
    expect(results.map((r) => r.status)).toEqual(["counted", "refused"]);
    expect(results[1].message).toContain("Không tìm thấy đại biểu này");
  });

  it("refuses forged, altered, expired and other-conference codes with a message, recording nothing", async () => {
    const genuine = await tokenOf(5);
    const key = await conferenceKey(ctx().db, scene.conferenceId);
    const forgerKey = await conferenceKey(ctx().db, other.conferenceId);
    const signWith = (privateKey: typeof key.privateKey, expiresAt: number) => {
      const payload = tokenPayload({ conferenceId: scene.conferenceId, delegateId: scene.delegates[5].id, expiresAt });
      return assembleToken(payload, new Uint8Array(sign(null, payload, privateKey)));
    };
    const altered = `${genuine.slice(0, 30)}${genuine[30] === "A" ? "B" : "A"}${genuine.slice(31)}`;
    const results = await send([
      scan(signWith(forgerKey.privateKey, Date.now() + 3600_000)),
      scan(altered),
      scan(signWith(key.privateKey, Date.now() - 1000)),
      scan(await delegateQrToken(ctx().db, other.conferenceId, other.delegates[0].id)),
      scan("not-a-code"),
    ]);
    expect(results.map((r: CheckinOutcome) => r.status)).toEqual(["refused", "refused", "refused", "refused", "refused"]);
    expect(results[0].message).toContain("giả mạo");
    expect(results[1].message).toContain("giả mạo");
    expect(results[2].message).toContain("hết hạn");
    expect(results[3].message).toContain("hội nghị khác");
    expect(results[4].message).toContain("Không đọc được");
    expect(await ctx().db.select().from(checkins).where(eq(checkins.delegateId, scene.delegates[5].id))).toEqual([]);
  });

  it("refuses a malformed batch (400) and publishes counted check-ins live to the conference's readers", async () => {
    const bad = await door.post(url("/checkins"), {
      checkins: [{ clientId: randomUUID(), door: "1", scannedAt: new Date().toISOString() }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("mã QR (token) hoặc đại biểu chọn theo tên");
    const topic = `conference:${scene.conferenceId}`;
    const hall = await openStream(baseUrl, `/api/events?topics=${topic}`, { cookie: await sessionCookie(ctx().app, scene.organiser) });
    streams.push(hall);
    await hall.next((e) => e.event === "ready");
    await send([scan(await tokenOf(6))]);
    const event = JSON.parse((await hall.next((e) => e.event === "attendance")).data);
    expect(event).toEqual({ topic, type: "attendance", data: {} });
  });

  it("reports present / expected by group and unit, the list by unit with absence reasons, and exports it to Excel", async () => {
    await ctx()
      .db.insert(delegateAnswers)
      .values([
        { delegateId: scene.delegates[11].id, answer: "absent", reason: "Đi công tác tỉnh Quảng Ninh" },
        { delegateId: scene.delegates[0].id, answer: "substitute", substituteName: "Trần Văn Bình", substituteTitle: "Phó Bí thư" },
      ]);
    const organiser = await signedIn(ctx().app, scene.organiser);
    const report = (await organiser.get(url("/attendance"))).json<Attendance>();
    expect(report).toMatchObject({ present: 9, expected: 12 });
    expect(report.byGroup.reduce((n, g) => n + g.expected, 0)).toBe(12);
    const unit = report.byUnit.find((u) => u.name === scene.delegates[1].unitName);
    expect(unit?.delegates.find((d) => d.id === scene.delegates[1].id)).toMatchObject({ present: true, door: "2", absenceReason: null });
    const listed = report.byUnit.flatMap((u) => u.delegates);
    expect(listed.find((d) => d.id === scene.delegates[11].id)).toMatchObject({
      present: false,
      absenceReason: "Đi công tác tỉnh Quảng Ninh",
    });
    expect(listed.find((d) => d.id === scene.delegates[0].id)?.absenceReason).toBe("Cử người dự thay: Trần Văn Bình, Phó Bí thư");
    const xlsx = await organiser.get(url("/attendance.xlsx"));
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const list = book.getWorksheet("Danh sách");
    expect(list?.rowCount).toBe(13);
    expect(list?.getSheetValues().filter((r) => Array.isArray(r) && r[5] === "Có mặt" && r[2] !== "Họ và tên")).toHaveLength(9);
    const values = list?.getSheetValues().flat().map(String) ?? [];
    expect(values).toContain(scene.delegates[1].fullName);
    expect(values).toContain("07:42");
    expect(values).toContain("Đi công tác tỉnh Quảng Ninh");
  });

  it("tells the door the seat of a seated delegate, and no seat for one not seated", async () => {
    const organiser = await signedIn(ctx().app, scene.organiser);
    const layout = { presidiumRows: [], blocks: [{ name: "Khối A", rows: 2, seatsPerRow: 10 }] };
    const put = await organiser.put(url("/seating/layout"), { layout });
    expect(put.statusCode, put.body).toBe(200);
    const seated = await organiser.post(url("/seating/auto-assign"), { version: put.json<{ version: number }>().version });
    expect(seated.statusCode, seated.body).toBe(200);
    const plan = seated.json<SeatingPlan>();
    // Two delegates not checked in by the tests before this one.
    const absent = (await organiser.get(url("/attendance")))
      .json<Attendance>()
      .byUnit.flatMap((u) => u.delegates.filter((d) => !d.present));
    const [one, two] = absent.map((d) => d.id);
    const seat = plan.seats.find((s) => s.delegate?.id === one);
    expect(seat?.label).toMatch(/^Khối A, hàng \d, ghế \d+$/);
    const [withSeat] = await send([scan(await delegateQrToken(ctx().db, scene.conferenceId, one))]);
    expect(withSeat).toMatchObject({ status: "counted", seatLabel: seat?.label, message: `Mời vào. ${seat?.label}.` });
    const cleared = await organiser.post(url("/seating/clear"), { version: plan.version });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const [withoutSeat] = await send([scan(await delegateQrToken(ctx().db, scene.conferenceId, two))]);
    expect(withoutSeat).toMatchObject({ status: "counted", seatLabel: null, message: "Mời vào." });
  });

  it("refuses a door whose role was just taken away, at once", async () => {
    const organiser = await signedIn(ctx().app, scene.organiser);
    const unit = await makeUnit(ctx().db);
    const helper = await makeUser(ctx().db, { unit });
    expect((await organiser.post(url("/roles"), { userId: helper.id, role: "door" })).statusCode).toBe(201);
    const client = await signedIn(ctx().app, helper);
    const first = await client.post(url("/checkins"), { checkins: [scan(await tokenOf(2))] });
    expect(first.statusCode, first.body).toBe(200);
    const revoked = await organiser.delete(url(`/roles/${helper.id}/door`));
    expect(revoked.statusCode, revoked.body).toBe(204);
    const after = await client.post(url("/checkins"), { checkins: [scan(await tokenOf(2))] });
    expect(after.statusCode, after.body).toBe(404);
  });

  it("plans the check-in statement through the delegates' primary key, also as the generic plan used after five runs", async () => {
    // The bench read the whole conference's index entries per scan (30,000) once PostgreSQL switched the prepared
    // statement to its generic plan (983 scans/s instead of 1,317). That plan guesses a conference's size from the
    // number of conferences: stated as a thousand here, inside a transaction rolled back, statistics included.
    const big = await makeDelegateScene(ctx().db, 3_000);
    const query = checkinWriteQuery(ctx().db);
    const one = big.delegates[42].id;
    const values: Record<string, string> = {
      conferenceId: big.conferenceId,
      actorId: big.organiser.id,
      ids: `{${randomUUID()}}`,
      inputDelegates: `{${one}}`,
      doors: "{2}",
      methods: "{qr}",
      scannedAts: `{"${new Date().toISOString()}"}`,
      delegateIds: `{${one}}`,
    };
    const literal = (p: unknown) => `'${values[(p as { name: string }).name].replace(/'/g, "''")}'`;
    let plan = "";
    await ctx()
      .db.transaction(async (tx) => {
        await tx.execute(sql`alter table delegates alter column conference_id set (n_distinct = 1000)`);
        await tx.execute(sql`analyze delegates`);
        await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
        await tx.execute(sql.raw(`prepare checkin_plan_probe as ${query.sql}`));
        const explained = (await tx.execute(
          sql.raw(`explain execute checkin_plan_probe(${query.params.map(literal).join(", ")})`),
        )) as unknown as { rows: Array<Record<string, string>> };
        plan = explained.rows.map((r) => Object.values(r)[0]).join("\n");
        await tx.execute(sql.raw("deallocate checkin_plan_probe"));
        tx.rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof TransactionRollbackError)) throw e;
      });
    expect(plan).toContain("delegates_pkey");
    expect(plan).not.toContain("delegates_conference_idx");
  });
});
