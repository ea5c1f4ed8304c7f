import { and, eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { makeUnit, makeUser, type UnitRow, unique } from "../../testing/factories";
import { describeOnDatabases } from "../../testing/harness";
import { obligations, plans } from "../schema/index";
import { seedDemoPlans } from "./demo-plans";

describeOnDatabases("demo plans", (ctx) => {
  // Own issuers with unique names: the organisations demo seed may run on the same PostgreSQL database.
  async function issuer(kind: string, tree: string, childKind: string): Promise<UnitRow> {
    const unit = await makeUnit(ctx().db, { name: unique("Cơ quan ban hành"), kind, tree });
    for (let i = 0; i < 6; i += 1) await makeUnit(ctx().db, { parent: unit, name: unique("Đơn vị cấp dưới"), kind: childKind });
    await makeUser(ctx().db, { unit, grants: [{ unit, role: "manager" }], fullName: "Người xem xét" });
    return unit;
  }

  it("issues the three seed plans with obligations submitted on time, late, returned, overdue and upcoming", async () => {
    const db = ctx().db;
    const military = await issuer("bo-chqs", "military", "ban-chqs");
    const party = await issuer("thanh-uy", "party", "dang-uy");
    const state = await issuer("ubnd", "state", "phong");
    const city = await issuer("ubnd", "state", "xa");
    await makeUser(ctx().db, { unit: city, grants: [{ unit: city, role: "manager" }], fullName: "Chuyên viên" });
    const admin = await makeUser(db, { unit: state, grants: [{ unit: state, role: "admin" }] });
    const now = new Date("2026-11-21T03:00:00Z");
    const made = await seedDemoPlans(db, {
      adminUserId: admin.id,
      issuerIds: { military: military.id, party: party.id, state: state.id, city: city.id },
      now,
    });
    expect(made).toBe(4);
    const issued = await db
      .select()
      .from(plans)
      .where(and(eq(plans.status, "issued"), eq(plans.createdBy, admin.id)));
    // The city's own plan is the clerk's (a manager of the UBND), not the admin's.
    expect(issued).toHaveLength(3);
    const rows = await db
      .select()
      .from(obligations)
      .where(
        inArray(
          obligations.planId,
          issued.map((p) => p.id),
        ),
      );
    const overdue = rows.filter((o) => (o.status === "open" || o.status === "returned") && o.dueAt < now);
    const upcoming = rows.filter((o) => o.status === "open" && o.dueAt > now);
    expect(overdue.length).toBeGreaterThan(0);
    expect(upcoming.length).toBeGreaterThan(0);
    expect(rows.filter((o) => o.status === "returned")).toHaveLength(1);
    const [cityPlan] = await db.select().from(plans).where(eq(plans.issuerUnitId, city.id));
    const cityRows = await db.select().from(obligations).where(eq(obligations.planId, cityPlan.id));
    // Six communes × four tasks; one half-year report returned, the list overdue, two tasks upcoming.
    expect(cityRows).toHaveLength(24);
    expect(cityRows.filter((o) => o.status === "returned")).toHaveLength(1);
    expect(cityRows.filter((o) => o.status === "open" && o.dueAt < now)).toHaveLength(6);
    expect(rows.some((o) => o.lateSubmission)).toBe(true);
    expect(rows.some((o) => o.submittedAt && !o.lateSubmission)).toBe(true);
    expect(rows.some((o) => o.status === "accepted")).toBe(true);
  });
});
