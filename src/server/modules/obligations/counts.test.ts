import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { ObligationCounts } from "../../../contracts/counts";
import type { PlanDetail, PlanSummary } from "../../../contracts/plans";
import type { Board, MyWork, Rollup } from "../../../contracts/tracking";
import { obligations } from "../../db/schema/index";
import { makeUnit, makeUser } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import { makeObligation, makePlan, makeTask } from "../tracking/fixtures";

/**
 * One count rule (obligations/counts.ts) behind every view: the plan list, the plan page, the board, the roll-up and
 * "my work" must tell the same numbers at every step of an obligation's life.
 */
describeOnDatabases("one count rule across views", (ctx) => {
  async function views(client: TestClient, planId: string) {
    const list = (await client.get("/api/plans")).json<{ plans: PlanSummary[] }>().plans.find((p) => p.id === planId);
    const detail = (await client.get(`/api/plans/${planId}`)).json<PlanDetail>();
    const board = (await client.get(`/api/plans/${planId}/board`)).json<Board>();
    const rollup = (await client.get(`/api/plans/${planId}/rollup`)).json<Rollup>();
    const work = (await client.get("/api/my-work")).json<MyWork>().items.filter((i) => i.plan.id === planId);
    return { list: list?.counts, detail: detail.counts, board: board.totals, rollup: rollup.totals, work };
  }

  it("gives the plan list, plan page, board, roll-up and my-work the same counts in every state", async () => {
    const { db, app } = ctx();
    const issuer = await makeUnit(db);
    const a = await makeUnit(db, { parent: issuer });
    const b = await makeUnit(db, { parent: issuer });
    const manager = await makeUser(db, { unit: issuer, grants: [{ unit: issuer, role: "manager" }] });
    const plan = await makePlan(db, { issuerUnitId: issuer.id, createdBy: manager.id });
    const task = await makeTask(db, { planId: plan.id, dueDate: "2099-12-31", dueTime: "17:00" });
    const oa = await makeObligation(db, task, a.id);
    const ob = await makeObligation(db, task, b.id);
    const client = await signedIn(app, manager);
    const set = (id: string, values: Partial<typeof obligations.$inferInsert>) =>
      db.update(obligations).set(values).where(eq(obligations.id, id));

    const steps: Array<{ name: string; change: () => Promise<unknown>; expected: Partial<ObligationCounts> }> = [
      { name: "assigned", change: async () => undefined, expected: { expected: 2, submitted: 0, overdue: 0, accepted: 0, returned: 0 } },
      {
        name: "submitted",
        change: () => set(oa.id, { status: "submitted", submittedAt: new Date() }),
        expected: { submitted: 1, onTime: 1, completeness: 0.5 },
      },
      {
        name: "returned",
        change: () => set(oa.id, { status: "returned", returnedReason: "Thiếu phụ lục." }),
        expected: { submitted: 0, returned: 1, onTime: 0, completeness: 0 },
      },
      {
        name: "accepted after resubmission",
        change: () => set(oa.id, { status: "accepted", acceptedAt: new Date(), returnedReason: null }),
        expected: { submitted: 1, accepted: 1, returned: 0, onTime: 1, completeness: 0.5 },
      },
      {
        name: "overdue",
        change: () => set(ob.id, { dueDate: "2020-01-01", dueTime: null, dueAt: new Date("2019-12-31T17:00:00Z") }),
        expected: { submitted: 1, accepted: 1, overdue: 1 },
      },
      {
        name: "submitted late",
        change: () => set(ob.id, { status: "submitted", submittedAt: new Date(), lateSubmission: true }),
        expected: { submitted: 2, overdue: 0, late: 1, onTime: 1, completeness: 1, onTimeRate: 0.5 },
      },
    ];
    for (const step of steps) {
      await step.change();
      const v = await views(client, plan.id);
      expect(v.board, step.name).toMatchObject({ expected: 2, ...step.expected });
      expect(v.list, step.name).toEqual(v.board);
      expect(v.detail, step.name).toEqual(v.board);
      expect(v.rollup, step.name).toEqual(v.board);
      // My work lists what is still owed: expected minus done, the overdue ones flagged.
      expect(v.work.length, step.name).toBe(v.board.expected - v.board.submitted);
      expect(v.work.filter((i) => i.overdue).length, step.name).toBe(v.board.overdue);
    }
  });
});
