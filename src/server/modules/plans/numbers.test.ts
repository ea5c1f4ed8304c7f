import { readFileSync } from "node:fs";
import { eq, inArray, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { ImportResult } from "../../../contracts/importer";
import { plans } from "../../db/schema/index";
import { makeUnit, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import { openScratchDatabase } from "../../testing/migrations";
import { draftWithTasks, makeCity, type PlanBody } from "./testing";

type Refusal = { error: { code: string; message: string; details?: { planId: string; number: string; title: string } } };

describeOnDatabases("plan numbers: one per issuer and year", (ctx) => {
  /** A draft of `issuer` with one task, then its number and issuing date set. */
  async function numbered(client: TestClient, issuerId: string, targetId: string, number: string, issuedOn: string) {
    const draft = await draftWithTasks(client, { id: issuerId } as never, [[targetId]]);
    const res = await client.patch(`/api/plans/${draft.id}`, { number, issuedOn, version: draft.version });
    expect(res.statusCode, res.body).toBe(200);
    return (await client.get(`/api/plans/${draft.id}`)).json<PlanBody & { title: string; number: string }>();
  }
  const issue = (client: TestClient, plan: { id: string; version: number }) =>
    client.post(`/api/plans/${plan.id}/issue`, { version: plan.version });

  it("refuses on create, draft edit, issue and amend a number the issuer already used that year, naming the other plan", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const first = await numbered(manager, city.root.id, city.communeA.id, "15/KH-UBND", "2026-03-02");
    expect((await issue(manager, first)).statusCode).toBe(200);

    // Create: the same number written differently (spaces, lower case), same year.
    const created = await manager.post("/api/plans", {
      issuerUnitId: city.root.id,
      title: "Kế hoạch trùng số",
      number: "15 / kh-ubnd",
      issuedOn: "2026-09-01",
    });
    expect(created.statusCode, created.body).toBe(409);
    const refusal = created.json<Refusal>().error;
    expect(refusal.code).toBe("DUPLICATE");
    expect(refusal.message).toContain("15/KH-UBND");
    expect(refusal.message).toContain(first.title);
    expect(refusal.details).toEqual({ planId: first.id, number: "15/KH-UBND", title: first.title });

    // Another year, or another issuer, may use it.
    const nextYear = await manager.post("/api/plans", {
      issuerUnitId: city.root.id,
      title: "Năm sau",
      number: "15/KH-UBND",
      issuedOn: "2027-01-05",
    });
    expect(nextYear.statusCode, nextYear.body).toBe(201);
    const otherIssuer = await manager.post("/api/plans", {
      issuerUnitId: city.communeA.id,
      title: "Đơn vị khác",
      number: "15/KH-UBND",
      issuedOn: "2026-04-01",
    });
    expect(otherIssuer.statusCode, otherIssuer.body).toBe(201);

    // Draft edit: moving the next-year draft into 2026 collides; nothing changes.
    const draft = (await manager.get(`/api/plans/${nextYear.json<{ id: string }>().id}`)).json<PlanBody & { issuedOn: string }>();
    const moved = await manager.patch(`/api/plans/${draft.id}`, { issuedOn: "2026-12-01", version: draft.version });
    expect(moved.statusCode).toBe(409);
    expect(moved.json<Refusal>().error.code).toBe("DUPLICATE");
    expect((await manager.get(`/api/plans/${draft.id}`)).json<{ issuedOn: string; version: number }>()).toMatchObject({
      issuedOn: "2027-01-05",
      version: draft.version,
    });

    // Issue: a draft that took the number before the first was issued is refused when it is issued, and the preview says so.
    const second = await numbered(manager, city.root.id, city.communeB.id, "16/KH-UBND", "2026-05-02");
    const renumbered = await manager.patch(`/api/plans/${second.id}`, {
      number: "15/KH-UBND",
      issuedOn: "2025-05-02",
      version: second.version,
    });
    expect(renumbered.statusCode).toBe(200);
    const back = (await manager.get(`/api/plans/${second.id}`)).json<PlanBody>();
    await ctx().db.update(plans).set({ issuedOn: "2026-05-02" }).where(eq(plans.id, second.id)); // as if edited before the first was issued
    const preview = (await manager.get(`/api/plans/${second.id}/issue-preview`)).json<{ blockers: string[] }>();
    expect(preview.blockers.join(" ")).toContain(first.title);
    const issuing = await issue(manager, back);
    expect(issuing.statusCode).toBe(409);
    expect(issuing.json<Refusal>().error.details?.planId).toBe(first.id);
    expect((await manager.get(`/api/plans/${second.id}`)).json<PlanBody>().status).toBe("draft");

    // Amend: an issued plan cannot take the number either.
    const third = await numbered(manager, city.root.id, city.communeA.id, "17/KH-UBND", "2026-06-02");
    expect((await issue(manager, third)).statusCode).toBe(200);
    const issuedThird = (await manager.get(`/api/plans/${third.id}`)).json<PlanBody>();
    const amended = await manager.post(`/api/plans/${third.id}/amend`, {
      note: "Sửa số",
      changes: { number: "15/KH-UBND" },
      version: issuedThird.version,
    });
    expect(amended.statusCode, amended.body).toBe(409);
    expect(amended.json<Refusal>().error.code).toBe("DUPLICATE");
    expect((await manager.get(`/api/plans/${third.id}`)).json<{ number: string }>().number).toBe("17/KH-UBND");
  });

  it("refuses a plan created from an import whose number the issuer already used", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const result: ImportResult = JSON.parse(
      readFileSync(new URL("../../../../test/fixtures/seeds/001_f9655c538364916e.expected.json", import.meta.url), "utf8"),
    );
    const first = await manager.post("/api/plans/from-import", { result, issuerUnitId: city.root.id });
    expect(first.statusCode, first.body).toBe(201);
    const { plan } = first.json<{ plan: { id: string; version: number } }>();
    await ctx().db.update(plans).set({ status: "issued" }).where(eq(plans.id, plan.id));
    const again = await manager.post("/api/plans/from-import", { result, issuerUnitId: city.root.id });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json<Refusal>().error).toMatchObject({ code: "DUPLICATE", details: { planId: plan.id, number: result.number } });
    expect(await ctx().db.select({ id: plans.id }).from(plans).where(eq(plans.issuerUnitId, city.root.id))).toHaveLength(1);
  });

  it("lets exactly one of two drafts with the same number be issued when both are issued at once", async () => {
    const city = await makeCity(ctx().db);
    const one = await signedIn(ctx().app, city.manager);
    const two = await signedIn(ctx().app, city.otherManager);
    const number = unique("20/KH-UBND");
    const a = await numbered(one, city.root.id, city.communeA.id, number, "2026-07-01");
    const b = await numbered(two, city.root.id, city.communeB.id, number, "2026-07-01");
    const answers = await Promise.all([issue(one, a), issue(two, b)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)?.json<Refusal>().error.code).toBe("DUPLICATE");
    const rows = await ctx()
      .db.select({ status: plans.status })
      .from(plans)
      .where(inArray(plans.id, [a.id, b.id]));
    expect(rows.map((r) => r.status).sort()).toEqual(["draft", "issued"]);
  });

  it("is guaranteed by the database: a second issued plan with the number is refused even past the service", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const unit = await makeUnit(ctx().db, { parent: city.root, name: unique("Phòng thử"), kind: "other" });
    const a = await numbered(manager, unit.id, city.communeA.id, "30/KH-P", "2026-02-01");
    const b = await numbered(manager, unit.id, city.communeA.id, " 30/kh-p ", "2026-11-01");
    await ctx().db.update(plans).set({ status: "issued" }).where(eq(plans.id, a.id));
    await expect(ctx().db.update(plans).set({ status: "issued" }).where(eq(plans.id, b.id))).rejects.toThrow();
    // A draft, another year or no number at all is not held back.
    await ctx().db.update(plans).set({ status: "issued", issuedOn: "2025-11-01" }).where(eq(plans.id, b.id));
    expect((await ctx().db.select({ status: plans.status }).from(plans).where(eq(plans.id, b.id)))[0].status).toBe("issued");
  });
});

it.each(["pglite", "postgres"] as const)("upgrades an earlier release's plans and then holds their numbers (%s)", async (kind) => {
  if (kind === "postgres" && !process.env.TEST_DATABASE_URL) return;
  const scratch = await openScratchDatabase(kind);
  try {
    await scratch.migrate("0002_plans_due_to_check_register");
    const db = scratch.db;
    await db.execute(sql`insert into units (id, name, kind, tree, path, level, name_key, search_key)
      values ('11111111-1111-1111-1111-111111111111', 'UBND', 'ubnd', 'state', '11111111-1111-1111-1111-111111111111/', 0, 'ubnd', 'ubnd')`);
    await db.execute(sql`insert into users (id, username, full_name, unit_id, password_hash)
      values ('22222222-2222-2222-2222-222222222222', 'u', 'U', '11111111-1111-1111-1111-111111111111', 'x')`);
    // The same number in two years, and a draft that repeats it: all may stay.
    for (const [id, status, issuedOn] of [
      ["33333333-3333-3333-3333-333333333331", "issued", "2025-03-01"],
      ["33333333-3333-3333-3333-333333333332", "closed", "2026-03-01"],
      ["33333333-3333-3333-3333-333333333333", "draft", "2026-04-01"],
    ])
      await db.execute(sql`insert into plans (id, issuer_unit_id, layout, title, created_by, number, status, issued_on)
        values (${id}, '11111111-1111-1111-1111-111111111111', 'state', 'KH', '22222222-2222-2222-2222-222222222222', '5/KH-UBND', ${status}, ${issuedOn})`);
    await scratch.migrate();
    expect((await db.select({ id: plans.id }).from(plans)).length).toBe(3);
    await expect(db.update(plans).set({ status: "issued" }).where(eq(plans.id, "33333333-3333-3333-3333-333333333333"))).rejects.toThrow();
  } finally {
    await scratch.close();
  }
});
