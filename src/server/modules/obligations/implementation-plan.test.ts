import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { obligations, plans } from "../../db/schema/index";
import { makeUser } from "../../testing/factories";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { draftWithTasks, makeCity } from "../plans/testing";

type Created = { planId: string; obligation: { id: string; childPlanId: string | null } };
type Plan = {
  id: string;
  status: string;
  title: string;
  issuerUnitId: string;
  legalBases: Array<{ text: string; documentNumber: string | null; documentDate: string | null; planId: string | null }>;
  parent: { id: string } | null;
  children: Array<{ id: string }>;
};

describeOnDatabases("Lập kế hoạch thực hiện: the obligated unit's draft from one obligation", (ctx) => {
  async function setup() {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const draft = await draftWithTasks(manager, city.root, [[city.communeA.id, city.communeB.id]]);
    const numbered = await manager.patch(`/api/plans/${draft.id}`, {
      number: "12/KH-UBND",
      issuedOn: "2026-05-10",
      version: draft.version,
    });
    expect(numbered.statusCode, numbered.body).toBe(200);
    const issuing = await manager.post(`/api/plans/${draft.id}/issue`, { version: draft.version + 1 });
    expect(issuing.statusCode, issuing.body).toBe(200);
    const [mine] = await ctx()
      .db.select()
      .from(obligations)
      .where(and(eq(obligations.planId, draft.id), eq(obligations.unitId, city.communeA.id)));
    const communeManager = await makeUser(ctx().db, { unit: city.communeA, grants: [{ unit: city.communeA, role: "manager" }] });
    const otherCommuneManager = await makeUser(ctx().db, { unit: city.communeB, grants: [{ unit: city.communeB, role: "manager" }] });
    return { city, manager, parentId: draft.id, obligationId: mine.id, communeManager, otherCommuneManager };
  }

  it("creates the commune's draft with the parent as legal basis, linked both ways, in one call", async () => {
    const { city, manager, parentId, obligationId, communeManager } = await setup();
    const client = await signedIn(ctx().app, communeManager);
    const res = await client.post(`/api/obligations/${obligationId}/implementation-plan`);
    expect(res.statusCode, res.body).toBe(201);
    const { planId, obligation } = res.json<Created>();
    expect(obligation.childPlanId).toBe(planId);
    const child = (await client.get(`/api/plans/${planId}`)).json<Plan>();
    expect(child).toMatchObject({ status: "draft", issuerUnitId: city.communeA.id, parent: { id: parentId } });
    const parentTitle = (await manager.get(`/api/plans/${parentId}`)).json<Plan>().title;
    expect(child.title).toBe(`Kế hoạch thực hiện ${parentTitle}`);
    expect(child.legalBases).toEqual([
      expect.objectContaining({ documentNumber: "12/KH-UBND", documentDate: "2026-05-10", planId: parentId }),
    ]);
    expect(child.legalBases[0].text).toMatch(/^Kế hoạch số 12\/KH-UBND ngày 10 tháng 5 năm 2026 của .+ về /);
    expect((await manager.get(`/api/plans/${parentId}`)).json<Plan>().children.map((c) => c.id)).toEqual([planId]);
    expect((await client.get(`/api/obligations/${obligationId}`)).json<{ childPlanId: string }>().childPlanId).toBe(planId);
  });

  it("refuses a second plan for the same obligation with 409 naming the first, and creates nothing", async () => {
    const { city, obligationId, communeManager } = await setup();
    const client = await signedIn(ctx().app, communeManager);
    const first = (await client.post(`/api/obligations/${obligationId}/implementation-plan`)).json<Created>();
    const again = await client.post(`/api/obligations/${obligationId}/implementation-plan`);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string; details: { planId: string } } }>().error).toMatchObject({
      code: "DUPLICATE",
      details: { planId: first.planId },
    });
    expect(await ctx().db.select({ id: plans.id }).from(plans).where(eq(plans.issuerUnitId, city.communeA.id))).toHaveLength(1);
  });

  it("refuses another commune's manager and a member of the unit; a manager above (by inheritance) may, once", async () => {
    const { city, manager, obligationId, otherCommuneManager } = await setup();
    const other = await signedIn(ctx().app, otherCommuneManager);
    expect([403, 404]).toContain((await other.post(`/api/obligations/${obligationId}/implementation-plan`)).statusCode);
    const member = await signedIn(ctx().app, city.memberA);
    expect((await member.post(`/api/obligations/${obligationId}/implementation-plan`)).statusCode).toBe(403);
    // A manager role covers the unit's subtree, so the city's manager manages the obligated unit too.
    const byCity = await manager.post(`/api/obligations/${obligationId}/implementation-plan`);
    expect(byCity.statusCode).toBe(201);
    expect(await ctx().db.select({ id: plans.id }).from(plans).where(eq(plans.issuerUnitId, city.communeA.id))).toHaveLength(1);
    expect(await ctx().db.select({ id: plans.id }).from(plans).where(eq(plans.issuerUnitId, city.communeB.id))).toHaveLength(0);
  });
});
