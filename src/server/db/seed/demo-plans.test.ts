import { eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { obligations, plans, users } from "../schema/index";
import { describeOnDatabases } from "../../testing/harness";
import { seedDemo } from "./demo";
import { seedDemoPlans } from "./demo-plans";
import { createAdmin } from "./initial";

describeOnDatabases("demo plans", (ctx) => {
  it("issues the three seed plans with obligations submitted on time, late, returned, overdue and upcoming", async () => {
    const db = ctx().db;
    const { rootUnitId } = await seedDemo(db);
    await createAdmin(db, rootUnitId, "mat-khau-quan-tri", () => undefined);
    const [admin] = await db.select().from(users).where(eq(users.username, "admin"));
    const now = new Date("2026-11-21T03:00:00Z");
    expect(await seedDemoPlans(db, { adminUserId: admin.id, now })).toBe(3);
    const issued = await db.select().from(plans).where(eq(plans.status, "issued"));
    expect(issued).toHaveLength(3);
    const rows = await db.select().from(obligations).where(inArray(obligations.planId, issued.map((p) => p.id)));
    const overdue = rows.filter((o) => (o.status === "open" || o.status === "returned") && o.dueAt < now);
    const upcoming = rows.filter((o) => o.status === "open" && o.dueAt > now);
    expect(overdue.length).toBeGreaterThan(0);
    expect(upcoming.length).toBeGreaterThan(0);
    expect(rows.filter((o) => o.status === "returned")).toHaveLength(1);
    expect(rows.some((o) => o.lateSubmission)).toBe(true);
    expect(rows.some((o) => o.submittedAt && !o.lateSubmission)).toBe(true);
    expect(rows.some((o) => o.status === "accepted")).toBe(true);
  });
});
