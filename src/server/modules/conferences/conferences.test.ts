import { expect, it } from "vitest";
import type { ConferenceDetail, ConferenceList } from "../../../contracts/conferences";
import { readDocx } from "../../platform/documents/testing/read-docx";
import { makeUnit, makeUser } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import { agendaProblem, movedAgenda } from "./agenda-rules";
import { importSeed001 } from "./fixtures";

type ErrorBody = { error: { code: string; message: string } };

describeOnDatabases("conferences and their agenda", (ctx) => {
  async function scene() {
    const s = await importSeed001(ctx().db, ctx().app);
    const list = (await s.client.get(`/api/plans/${s.plan.id}/conferences`)).json<ConferenceList>().conferences;
    expect(list).toHaveLength(1);
    const conference = (await s.client.get(`/api/conferences/${list[0].id}`)).json<ConferenceDetail>();
    return { ...s, conference };
  }
  const item = (c: ConferenceDetail, content: string) => {
    const found = c.agenda.find((a) => a.content === content);
    if (!found) throw new Error(`no agenda item ${content}`);
    return found;
  };

  it("shows the imported conference with its agenda in order and the total, to its organiser", async () => {
    const { conference } = await scene();
    expect(conference).toMatchObject({ date: "2026-06-02", startTime: "08:00", endTime: "12:00", canOrganise: true, agendaMinutes: 180 });
    expect(conference.agenda.map((a) => `${a.start}-${a.end}`)).toEqual([
      "08:00-08:05",
      "08:05-08:15",
      "08:15-08:35",
      "08:35-10:00",
      "10:00-10:20",
      "10:20-10:35",
      "10:35-11:00",
    ]);
    expect(item(conference, "Tham luận")).toMatchObject({ kind: "speeches", minutes: 85 });
    expect(conference.delegateGroups.length).toBeGreaterThan(2);
  });

  it("shifts the «Tham luận» item by 10 minutes with every following item, in one go", async () => {
    const { client, conference } = await scene();
    const speeches = item(conference, "Tham luận");
    // "1/2 ngày" from 08:00 runs to 12:00: a 65-minute shift would end the last item at 12:05, refused, nothing moved.
    const refused = await client.post(`/api/conferences/${conference.id}/agenda/${speeches.id}/move`, {
      start: "09:40",
      shiftFollowing: true,
      version: conference.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.message).toMatch(
      /«Phát biểu kết luận và bế mạc Hội nghị» \(11:40–12:05\) nằm ngoài giờ hội nghị \(08:00–12:00\)/,
    );
    const unchanged = (await client.get(`/api/conferences/${conference.id}`)).json<ConferenceDetail>();
    expect(unchanged.agenda).toEqual(conference.agenda);
    expect(unchanged.version).toBe(conference.version);

    // Ten minutes fit the half day.
    const moved = await client.post(`/api/conferences/${conference.id}/agenda/${speeches.id}/move`, {
      start: "08:45",
      shiftFollowing: true,
      version: conference.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<ConferenceDetail>().agenda.map((a) => `${a.start}-${a.end}`)).toEqual([
      "08:00-08:05",
      "08:05-08:15",
      "08:15-08:35",
      "08:45-10:10",
      "10:10-10:30",
      "10:30-10:45",
      "10:45-11:10",
    ]);
  });

  it("refuses an overlapping item naming the clash, and one outside the hours, changing nothing", async () => {
    const { client, conference } = await scene();
    const overlap = await client.post(`/api/conferences/${conference.id}/agenda`, {
      start: "08:10",
      end: "08:20",
      content: "Chiếu phim tư liệu",
      version: conference.version,
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json<ErrorBody>().error.message).toMatch(
      /«Chiếu phim tư liệu» \(08:10–08:20\) trùng giờ với mục «Phát biểu khai mạc Hội nghị» \(08:05–08:15\)/,
    );
    const outside = await client.post(`/api/conferences/${conference.id}/agenda`, {
      start: "07:30",
      end: "07:55",
      content: "Đón đại biểu",
      version: conference.version,
    });
    expect(outside.statusCode).toBe(409);
    expect(outside.json<ErrorBody>().error.message).toMatch(/«Đón đại biểu» \(07:30–07:55\) nằm ngoài giờ hội nghị \(08:00–12:00\)/);
    const backwards = await client.post(`/api/conferences/${conference.id}/agenda`, {
      start: "09:00",
      end: "08:50",
      content: "Ngược giờ",
      version: conference.version,
    });
    expect(backwards.statusCode).toBe(400);
    // Moving one item onto the next without shifting the rest is an overlap too.
    const speeches = item(conference, "Tham luận");
    const onto = await client.post(`/api/conferences/${conference.id}/agenda/${speeches.id}/move`, {
      start: "08:45",
      shiftFollowing: false,
      version: conference.version,
    });
    expect(onto.statusCode).toBe(409);
    expect(onto.json<ErrorBody>().error.message).toContain("«Khen thưởng» (10:00–10:20)");
    expect((await client.get(`/api/conferences/${conference.id}`)).json<ConferenceDetail>().agenda).toHaveLength(7);
  });

  it("adds, edits and deletes agenda items; a stale version is refused with 409", async () => {
    const { client, conference } = await scene();
    const last = item(conference, "Phát biểu kết luận và bế mạc Hội nghị");
    const shorter = await client.patch(`/api/conferences/${conference.id}/agenda/${last.id}`, {
      end: "10:50",
      version: conference.version,
    });
    expect(shorter.statusCode, shorter.body).toBe(200);
    const v2 = shorter.json<ConferenceDetail>();
    const added = await client.post(`/api/conferences/${conference.id}/agenda`, {
      start: "10:50",
      end: "11:00",
      content: "Chụp ảnh lưu niệm",
      responsible: "Văn phòng Thành ủy",
      version: v2.version,
    });
    expect(added.statusCode, added.body).toBe(201);
    const v3 = added.json<ConferenceDetail>();
    expect(v3.agenda.at(-1)).toMatchObject({ content: "Chụp ảnh lưu niệm", start: "10:50", end: "11:00", kind: "item" });
    const stale = await client.post(`/api/conferences/${conference.id}/agenda`, {
      start: "08:00",
      end: "08:01",
      content: "X",
      version: v2.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error.code).toBe("VERSION_CONFLICT");
    const added1 = v3.agenda.at(-1)?.id;
    const deleted = await client.delete(`/api/conferences/${conference.id}/agenda/${added1}?version=${v3.version}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json<ConferenceDetail>().agenda).toHaveLength(7);
    const staleEdit = await client.patch(`/api/conferences/${conference.id}`, { venue: "Hội trường khác", version: conference.version });
    expect(staleEdit.statusCode).toBe(409);
  });

  it("edits the conference, moving its agenda with a new date, and refuses hours that leave an item out", async () => {
    const { client, conference } = await scene();
    const moved = await client.patch(`/api/conferences/${conference.id}`, {
      date: "2026-06-03",
      venue: "Hội trường Thành ủy",
      delegateGroups: [{ name: "Đại biểu Trung ương", members: "", dressCode: "Trang phục lịch sự" }],
      version: conference.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const c = moved.json<ConferenceDetail>();
    expect(c).toMatchObject({ date: "2026-06-03", startTime: "08:00", venue: "Hội trường Thành ủy" });
    expect(c.delegateGroups.map((g) => g.name)).toEqual(["Đại biểu Trung ương"]);
    expect(item(c, "Tham luận").start).toBe("08:35");
    const tooShort = await client.patch(`/api/conferences/${conference.id}`, { endTime: "10:30", version: c.version });
    expect(tooShort.statusCode).toBe(409);
    expect(tooShort.json<ErrorBody>().error.message).toContain(
      "«Phát biểu của đại diện lãnh đạo các cơ quan Trung ương (nếu có)» (10:20–10:35)",
    );
  });

  it("answers 403 to a member of the issuer on every write and 404 to another unit's user on reads", async () => {
    const { issuer, client, conference, plan } = await scene();
    const db = ctx().db;
    const member = await signedIn(ctx().app, await makeUser(db, { unit: issuer, grants: [{ unit: issuer, role: "member" }] }));
    expect((await member.get(`/api/conferences/${conference.id}`)).json<ConferenceDetail>().canOrganise).toBe(false);
    const writes: Array<(c: TestClient) => Promise<{ statusCode: number }>> = [
      (c) => c.patch(`/api/conferences/${conference.id}`, { venue: "X", version: conference.version }),
      (c) =>
        c.post(`/api/conferences/${conference.id}/agenda`, { start: "08:00", end: "08:01", content: "X", version: conference.version }),
      (c) =>
        c.post(`/api/conferences/${conference.id}/agenda/${conference.agenda[0].id}/move`, {
          start: "08:00",
          shiftFollowing: true,
          version: conference.version,
        }),
      (c) => c.patch(`/api/conferences/${conference.id}/agenda/${conference.agenda[0].id}`, { content: "X", version: conference.version }),
      (c) => c.delete(`/api/conferences/${conference.id}/agenda/${conference.agenda[0].id}?version=${conference.version}`),
      (c) => c.delete(`/api/conferences/${conference.id}?version=${conference.version}`),
      (c) => c.post(`/api/plans/${plan.id}/conferences`, { title: "Hội nghị khác" }),
    ];
    for (const write of writes) expect((await write(member)).statusCode).toBe(403);

    const commune = await makeUnit(db, { kind: "xa" });
    const stranger = await signedIn(ctx().app, await makeUser(db, { unit: commune, grants: [{ unit: commune, role: "manager" }] }));
    for (const url of [
      `/api/conferences/${conference.id}`,
      `/api/plans/${plan.id}/conferences`,
      `/api/conferences/${conference.id}/agenda.docx`,
    ])
      expect((await stranger.get(url)).statusCode, url).toBe(404);
    expect((await stranger.patch(`/api/conferences/${conference.id}`, { venue: "X", version: conference.version })).statusCode).toBe(404);
    expect((await stranger.get("/api/conferences")).json<ConferenceList>().conferences.map((c) => c.id)).not.toContain(conference.id);
    expect((await client.get("/api/conferences")).json<ConferenceList>().conferences.map((c) => c.id)).toContain(conference.id);
  });

  it("creates a conference by hand and deletes it from a draft plan", async () => {
    const { client, plan } = await scene();
    const made = await client.post(`/api/plans/${plan.id}/conferences`, {
      title: "Hội nghị cấp xã",
      date: "2026-05-20",
      startTime: "14:00",
      endTime: "16:30",
      format: "online",
      venue: "Trực tuyến",
    });
    expect(made.statusCode, made.body).toBe(201);
    const c = made.json<ConferenceDetail>();
    expect(c).toMatchObject({
      title: "Hội nghị cấp xã",
      startTime: "14:00",
      endTime: "16:30",
      format: "online",
      agenda: [],
      agendaMinutes: 0,
    });
    const badTimes = await client.post(`/api/plans/${plan.id}/conferences`, {
      title: "X",
      date: "2026-05-20",
      startTime: "14:00",
      endTime: "13:00",
    });
    expect(badTimes.statusCode).toBe(400);
    expect((await client.delete(`/api/conferences/${c.id}?version=${c.version}`)).statusCode).toBe(204);
    expect((await client.get(`/api/conferences/${c.id}`)).statusCode).toBe(404);
  });

  it("prints seed 001's agenda table from the data, every row in order", async () => {
    const { client, conference, result } = await scene();
    const res = await client.get(`/api/conferences/${conference.id}/agenda.docx`);
    expect(res.statusCode).toBe(200);
    const doc = await readDocx(res.rawPayload);
    expect(doc.text).toContain("CHƯƠNG TRÌNH HỘI NGHỊ");
    const rows = doc.paragraphs.filter((p) => p.inTable).map((p) => p.text);
    const header = rows.indexOf("STT");
    expect(rows.slice(header, header + 4)).toEqual(["STT", "Thời gian", "Nội dung", "Phân công thực hiện"]);
    const expected = result.conferences[0].agenda.flatMap((a, i) => [
      String(i + 1),
      `${a.start?.replace(":", "h")}' - ${a.end?.replace(":", "h")}'`,
      a.item,
      a.by ?? "",
    ]);
    expect(rows.slice(header + 4, header + 4 + expected.length)).toEqual(expected);
    expect(expected).toContain("08h35' - 10h00'");
  });
});

it("lets touching items stand and names both items of an overlap", () => {
  const at = (t: string) => new Date(`2026-06-02T${t}:00+07:00`);
  const hours = { startsAt: at("08:00"), endsAt: at("11:00") };
  const a = { id: "a", startsAt: at("08:00"), endsAt: at("08:30"), content: "A" };
  const b = { id: "b", startsAt: at("08:30"), endsAt: at("09:00"), content: "B" };
  expect(agendaProblem([a, b], hours)).toBeNull();
  expect(agendaProblem([a, { ...b, startsAt: at("08:29") }], hours)).toMatch(/«B» \(08:29–09:00\) trùng giờ với mục «A» \(08:00–08:30\)/);
  const shifted = movedAgenda([a, b], "a", at("08:10"), true);
  expect(shifted.map((i) => i.startsAt)).toEqual([at("08:10"), at("08:40")]);
});
