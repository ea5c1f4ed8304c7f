import { readFileSync } from "node:fs";
import { asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { HeldList, ObligationHeld } from "../../../contracts/conference-held";
import type { ImportResult } from "../../../contracts/importer";
import { conferenceAgendaItems, conferences } from "../../db/schema/index";
import { loadGrants } from "../../platform/auth";
import { makeUnit, makeUser, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { multipart, realDocx } from "../obligations/upload-fixtures";
import { makeCity } from "../plans/testing";
import { createPerUnitConference } from "./per-unit";

const seed000 = (): ImportResult =>
  JSON.parse(readFileSync(new URL("../../../../test/fixtures/seeds/000_558bad5328212af2.expected.json", import.meta.url), "utf8"));
/** The smallest valid PNG (1×1): a photo of the conference. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

interface Task {
  id: string;
  what: string;
  deliverable: string;
  dueDate: string | null;
  target: { unitIds?: string[]; rule?: { kinds?: string[]; underUnitId?: string } };
}

describeOnDatabases("conferences held by every unit", (ctx) => {
  it("imports seed 000 as one conference per level: each unit's own by its date (a task per level, no duplicate), then the city command's", async () => {
    const db = ctx().db;
    const issuer = await makeUnit(db, {
      name: unique("Bộ CHQS thành phố Hải Phòng"),
      shortName: "Bộ CHQS thành phố",
      kind: "bo-chqs",
      tree: "military",
    });
    await makeUnit(db, { parent: issuer, name: "Ban Chỉ huy BDBP", kind: "bdbp" });
    await makeUnit(db, { parent: issuer, name: unique("Ban CHQS xã"), kind: "ban-chqs" });
    const manager = await makeUser(db, { unit: issuer, grants: [{ unit: issuer, role: "manager" }] });
    const client = await signedIn(ctx().app, manager);
    const res = await client.post("/api/plans/from-import", { result: seed000(), issuerUnitId: issuer.id });
    expect(res.statusCode, res.body).toBe(201);
    const { plan } = res.json<{ plan: { id: string; tasks: Task[] } }>();
    const rows = await db.select().from(conferences).where(eq(conferences.planId, plan.id)).orderBy(asc(conferences.sortOrder));
    expect(rows.map((c) => c.level)).toEqual(["Ban CHQS cấp xã", "Ban Chỉ huy PTKV, Ban Chỉ huy BDBP, các Trung đoàn", "Bộ Chỉ huy"]);
    expect(rows.every((c) => c.hostUnitId === issuer.id && c.durationLabel === "½ ngày")).toBe(true);
    const held = plan.tasks.filter((t) => /tổ chức: ½ ngày/.test(t.what));
    // The three deadlines of section IV are the only tasks about holding it: linked, not duplicated.
    expect(held.map((t) => [t.dueDate, t.deliverable])).toEqual([
      ["2026-01-12", "conference"],
      ["2026-01-15", "conference"],
      ["2026-01-20", "conference"],
    ]);
    expect(rows.map((c) => c.perUnitTaskId)).toEqual([held[0].id, held[1].id, null]);
    // "Ban CHQS cấp xã" is every Ban CHQS below the issuer; "các Trung đoàn", "Ban Chỉ huy PTKV" every unit of their kind.
    expect(held[0].target).toMatchObject({ unitIds: [], rule: { kinds: ["ban-chqs"], underUnitId: issuer.id } });
    expect(held[1].target.rule).toEqual({ kinds: ["ptkv", "trung-doan"], underUnitId: issuer.id });
    expect(held[1].target.unitIds).toHaveLength(1);
    expect(held[2].target).toEqual({ unitIds: [issuer.id] });
    // Each level keeps the agenda section II gives every conference; the units' own have no time yet.
    const agenda = await db.select().from(conferenceAgendaItems).where(eq(conferenceAgendaItems.conferenceId, rows[0].id));
    expect(agenda).toHaveLength(7);
    expect(rows[0]).toMatchObject({ venue: "Do đơn vị xác định", chair: "Người chỉ huy đơn vị", startsAt: null });
  });

  async function setup() {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const created = await manager.post("/api/plans", { issuerUnitId: city.root.id, title: unique("Kế hoạch hội nghị cấp xã") });
    const plan = created.json<{ id: string }>();
    const task = await manager.post(`/api/plans/${plan.id}/tasks`, {
      what: "Tổ chức hội nghị sơ kết cấp xã",
      deliverable: "conference",
      target: { unitIds: [city.communeA.id, city.communeB.id] },
      dueDate: "2099-01-12",
      dueTime: null,
    });
    expect(task.statusCode, task.body).toBe(201);
    const taskId = task.json<{ task: { id: string } }>().task.id;
    const actor = {
      userId: city.manager.id,
      username: city.manager.username,
      fullName: city.manager.fullName,
      unitId: city.root.id,
      unitPath: city.root.path,
      grants: await loadGrants(ctx().db, city.manager.id),
    };
    const conferenceId = await createPerUnitConference(ctx().db, {
      actor,
      taskId,
      title: "Hội nghị sơ kết cấp xã",
      level: "Xã",
      durationLabel: "½ ngày",
    });
    const version = (await manager.get(`/api/plans/${plan.id}`)).json<{ version: number }>().version;
    expect((await manager.post(`/api/plans/${plan.id}/issue`, { version })).statusCode).toBe(200);
    const obligationOf = async () => {
      const list = (await manager.get(`/api/conferences/${conferenceId}/held`)).json<HeldList>();
      return (unitId: string) => list.units.find((u) => u.unitId === unitId)?.obligationId as string;
    };
    return { city, manager, conferenceId, obligationOf };
  }

  it("takes each unit's report (when, how many, where) with its minutes and photos, and totals them for the organiser", async () => {
    const { city, manager, conferenceId, obligationOf } = await setup();
    const a = await signedIn(ctx().app, city.memberA);
    const b = await signedIn(ctx().app, city.memberB);
    const of = await obligationOf();
    const oa = of(city.communeA.id);
    const ob = of(city.communeB.id);
    const report = { heldDate: "2026-01-10", heldTime: "08:00", attendance: 45, venue: "Hội trường Ban CHQS xã" };
    const url = (id: string) => `/api/obligations/${id}/conference-held`;

    // Refusals, nothing saved: another unit's obligation, a negative or non-numeric count, a time still to come.
    const other = await b.put(url(oa), report);
    expect(other.statusCode, other.body).toBe(403);
    const negative = await a.put(url(oa), { ...report, attendance: -3 });
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toContain("Số người dự không được âm.");
    const text = await a.put(url(oa), { ...report, attendance: "bốn mươi" });
    expect(text.statusCode).toBe(400);
    expect(text.body).toContain("Số người dự phải là một số");
    const future = await a.put(url(oa), { ...report, heldDate: "2099-01-10" });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain("chưa tới");
    expect((await a.get(url(oa))).json<ObligationHeld>().report).toBeNull();

    // The unit reports, then submits the minutes (docx) and a photo (png) through the obligation.
    const saved = await a.put(url(oa), report);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<ObligationHeld>()).toMatchObject({ conference: { id: conferenceId }, report: { ...report } });
    const files = multipart({ text: "Biên bản hội nghị và ảnh" }, [
      { name: "bien-ban.docx", content: await realDocx("Biên bản hội nghị") },
      { name: "anh-hoi-nghi.png", content: PNG, type: "image/png" },
    ]);
    const sent = await a.request("POST", `/api/obligations/${oa}/submissions`, files.payload, files.headers);
    expect(sent.statusCode, sent.body).toBe(201);
    // Once submitted it waits for review: the report is not changed behind the reviewer's back.
    expect((await a.put(url(oa), { ...report, attendance: 50 })).statusCode).toBe(409);

    // B saved a report but never submitted: not held. The organiser sees every unit and the totals.
    expect((await b.put(url(ob), { ...report, attendance: 30 })).statusCode).toBe(200);
    const list = (await manager.get(`/api/conferences/${conferenceId}/held`)).json<HeldList>();
    const row = (unitId: string) => list.units.find((u) => u.unitId === unitId);
    expect(row(city.communeA.id)).toMatchObject({
      held: true,
      status: "submitted",
      fileCount: 2,
      report: { attendance: 45, venue: report.venue },
    });
    expect(row(city.communeB.id)).toMatchObject({ held: false, status: "open", fileCount: 0, report: null });
    expect(list.totals).toEqual({ held: 1, expected: 2, attendance: 45 });
    // A unit sees only its own row.
    expect((await b.get(`/api/conferences/${conferenceId}/held`)).json<HeldList>().units.map((u) => u.unitId)).toEqual([city.communeB.id]);
  });
});
