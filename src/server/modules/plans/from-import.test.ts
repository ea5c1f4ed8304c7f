import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { ImportResult } from "../../../contracts/importer";
import type { IssuePreview, TaskView } from "../../../contracts/plans";
import { tasks } from "../../db/schema/index";
import { makeUnit, makeUser, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { openScratchDatabase } from "../../testing/migrations";
import { importedTasks } from "./imported-tasks";

const seed001 = (): ImportResult =>
  JSON.parse(readFileSync(new URL("../../../../test/fixtures/seeds/001_f9655c538364916e.expected.json", import.meta.url), "utf8"));

type Draft = { id: string; version: number; tasks: TaskView[] };

describeOnDatabases("plans from an import", (ctx) => {
  /** The Party issuer of seed 001 with a unit for every name its tasks give, except the catch-all "các cấp uỷ…". */
  async function seedIssuer() {
    const db = ctx().db;
    const issuer = await makeUnit(db, { name: unique("Ban Thường vụ Thành ủy"), tree: "party", kind: "btv" });
    const names = [...new Set(seed001().tasks.map((t) => t.unit))].filter((n) => !n.startsWith("Các cấp"));
    for (const name of names) await makeUnit(db, { parent: issuer, name, kind: "other" });
    const manager = await makeUser(db, { unit: issuer, grants: [{ unit: issuer, role: "manager" }] });
    return { issuer, client: await signedIn(ctx().app, manager), names };
  }

  it("keeps every task of seed 001: 4 with a deadline, the 7 units without one proposed at the conference and marked, one per speech", async () => {
    const { issuer, client, names } = await seedIssuer();
    const result = seed001();
    expect(result.tasks).toHaveLength(12);
    const res = await client.post("/api/plans/from-import", { result, issuerUnitId: issuer.id });
    expect(res.statusCode, res.body).toBe(201);
    const { plan, warnings } = res.json<{ plan: Draft; warnings: string[] }>();
    // 4 deadlines from the text + one task per unit and role whose items no deadline covers + one per speech,
    // which replace the call for speeches ("Các cấp uỷ … chuẩn bị tham luận", due 11:00 29/5/2026).
    expect(plan.tasks).toHaveLength(4 + 9 + 24);
    const speeches = plan.tasks.filter((t) => t.what.startsWith("Gửi tham luận: "));
    expect(speeches.map((t) => t.what)).toEqual(result.speeches.map((s) => `Gửi tham luận: ${s.topic.replace(/[;.]+$/, "")}`));
    for (const t of speeches)
      expect(t).toMatchObject({ dueDate: "2026-05-29", dueTime: "11:00", dueToCheck: false, deliverable: "document" });
    expect(plan.tasks.filter((t) => /chuẩn bị tham luận/.test(t.what))).toEqual([]);
    const fromText = plan.tasks.filter((t) => !t.dueToCheck && !speeches.includes(t));
    expect(fromText.map((t) => t.dueDate).sort()).toEqual(["2026-05-30", "2026-05-30", "2026-05-31", "2026-06-01"]);
    const proposed = plan.tasks.filter((t) => t.dueToCheck);
    expect(proposed).toHaveLength(9);
    // The conference of seed 001 opens at 08:00 on 2 June 2026.
    for (const t of proposed) expect([t.dueDate, t.dueTime]).toEqual(["2026-06-02", "08:00"]);
    const what = plan.tasks.map((t) => t.what).join("\n");
    for (const unit of ["Sở Nội vụ", "Công an thành phố", "Sở Y tế", "Công ty Điện lực Hải Phòng", "Văn phòng UBND thành phố"])
      expect(what).toContain(unit);
    // Every item of every imported task is in some draft task, but the call for speeches (now one task per speech).
    for (const item of result.tasks.flatMap((t) => t.items).filter((i) => !/chuẩn bị tham luận/.test(i)))
      expect(what).toContain(
        item
          .trim()
          .replace(/[;.]+$/, "")
          .slice(0, 50),
      );
    // Every named unit got work (all but the catch-all matched a unit).
    expect(new Set(plan.tasks.flatMap((t) => t.target.unitIds ?? [])).size).toBe(names.length);
    expect(warnings.filter((w) => /đề xuất hạn/.test(w))).toHaveLength(9);
  });

  it("refuses to issue while a task has no deadline, naming it; previews the issue; issues once it is set", async () => {
    const { issuer, client, names } = await seedIssuer();
    const result = { ...seed001(), conferences: [], speeches: [] };
    // Only the units that exist: the catch-all deadline and task are left out so the deadline is the only blocker.
    result.deadlines = result.deadlines.filter((d) => !d.units[0].startsWith("Các cấp"));
    result.tasks = result.tasks.filter((t) => !t.unit.startsWith("Các cấp"));
    const { plan } = (await client.post("/api/plans/from-import", { result, issuerUnitId: issuer.id })).json<{ plan: Draft }>();
    const undated = plan.tasks.filter((t) => t.dueDate === null);
    expect(undated.length).toBe(9);
    for (const t of undated) expect(t).toMatchObject({ dueToCheck: true, dueAt: null });

    const preview = await client.get(`/api/plans/${plan.id}/issue-preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json<IssuePreview>();
    expect(p.tasks).toBe(13);
    expect(p.blockers.join(" ")).toMatch(/9 nhiệm vụ chưa có hạn/);
    expect(p.blockers.join(" ")).toContain("Sở Nội vụ");

    const refused = await client.post(`/api/plans/${plan.id}/issue`, { version: plan.version });
    expect(refused.statusCode).toBe(409);
    const error = refused.json<{ error: { code: string; message: string } }>().error;
    expect(error.code).toBe("INVALID_STATE");
    expect(error.message).toMatch(/chưa có hạn/);
    expect(error.message).toContain("Sở Y tế");
    expect((await client.get(`/api/plans/${plan.id}`)).json<Draft & { status: string }>().status).toBe("draft");

    for (const t of undated) {
      const set = await client.patch(`/api/tasks/${t.id}`, { dueDate: "2099-06-01", dueTime: "08:00", version: t.version });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json<TaskView>()).toMatchObject({ dueDate: "2099-06-01", dueToCheck: false });
    }
    const ready = (await client.get(`/api/plans/${plan.id}/issue-preview`)).json<IssuePreview>();
    expect(ready.blockers).toEqual([]);
    // 13 tasks, each to one of the 9 units; the 4 deadlines of 2026 are past.
    expect(ready).toMatchObject({ obligations: 13, units: names.length, pastDeadlines: 4 });
    const ok = await client.post(`/api/plans/${plan.id}/issue`, { version: plan.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ obligationsCreated: number }>().obligationsCreated).toBe(13);
  });

  it("shows the issue preview to the issuer's managers only (403 to a member)", async () => {
    const { issuer, client } = await seedIssuer();
    const { plan } = (await client.post("/api/plans/from-import", { result: seed001(), issuerUnitId: issuer.id })).json<{ plan: Draft }>();
    const member = await makeUser(ctx().db, { unit: issuer, grants: [{ unit: issuer, role: "member" }] });
    expect((await (await signedIn(ctx().app, member)).get(`/api/plans/${plan.id}/issue-preview`)).statusCode).toBe(403);
  });

  it("confirms a proposed deadline when the clerk keeps it", async () => {
    const { issuer, client } = await seedIssuer();
    const { plan } = (await client.post("/api/plans/from-import", { result: seed001(), issuerUnitId: issuer.id })).json<{ plan: Draft }>();
    const t = plan.tasks.find((x) => x.dueToCheck);
    const kept = await client.patch(`/api/tasks/${t?.id}`, { dueDate: t?.dueDate, dueTime: t?.dueTime, version: t?.version });
    expect(kept.json<TaskView>()).toMatchObject({ dueDate: "2026-06-02", dueTime: "08:00", dueToCheck: false });
    const other = plan.tasks.find((x) => x.dueToCheck && x.id !== t?.id);
    const renamed = await client.patch(`/api/tasks/${other?.id}`, { what: "Sửa nội dung", version: other?.version });
    expect(renamed.json<TaskView>().dueToCheck).toBe(true);
  });
});

it("proposes no deadline when the plan has no dated conference, and keeps items that a deadline covers only once", () => {
  const r = seed001();
  const none = importedTasks({ ...r, conferences: [] });
  expect(none.filter((t) => t.dueToCheck).every((t) => t.due === null && t.time === null)).toBe(true);
  const all = importedTasks(r);
  const covered = all.filter((t) => /Báo cáo sơ kết 1 năm/.test(t.what));
  expect(covered).toHaveLength(1);
});

it.each(["pglite", "postgres"] as const)("upgrades tasks of an earlier release as deadlines read from the text (%s)", async (kind) => {
  if (kind === "postgres" && !process.env.TEST_DATABASE_URL) return;
  const scratch = await openScratchDatabase(kind);
  try {
    await scratch.migrate("0000_init");
    const db = scratch.db;
    await db.execute(sql`insert into units (id, name, kind, tree, path, level, name_key, search_key)
      values ('11111111-1111-1111-1111-111111111111', 'UBND', 'ubnd', 'state', '11111111-1111-1111-1111-111111111111/', 0, 'ubnd', 'ubnd')`);
    await db.execute(sql`insert into users (id, username, full_name, unit_id, password_hash)
      values ('22222222-2222-2222-2222-222222222222', 'u', 'U', '11111111-1111-1111-1111-111111111111', 'x')`);
    await db.execute(sql`insert into plans (id, issuer_unit_id, layout, title, created_by)
      values ('33333333-3333-3333-3333-333333333333', '11111111-1111-1111-1111-111111111111', 'state', 'KH', '22222222-2222-2222-2222-222222222222')`);
    await db.execute(sql`insert into tasks (plan_id, what, deliverable, due_date, due_time)
      values ('33333333-3333-3333-3333-333333333333', 'Gửi báo cáo', 'report', '2026-05-31', '08:00')`);
    await scratch.migrate();
    const rows = await db.select({ due: tasks.dueDate, time: tasks.dueTime, toCheck: tasks.dueToCheck }).from(tasks);
    expect(rows).toEqual([{ due: "2026-05-31", time: "08:00", toCheck: false }]);
  } finally {
    await scratch.close();
  }
});
