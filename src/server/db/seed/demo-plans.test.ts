import { and, eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { readDates } from "../../../domain/dates/index";
import { addDays, vietnamToday } from "../../../domain/deadlines/index";
import { planOutline } from "../../modules/plans/views";
import { makeUnit, makeUser, type UnitRow, unique } from "../../testing/factories";
import { describeOnDatabases } from "../../testing/harness";
import { obligations, plans, tasks } from "../schema/index";
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

    // Shifted to today, the text says the dates the board tracks: every deadline read from a plan's text
    // (not proposed, not added by the clerk) is a date written in that plan's sections or task texts.
    let checked = 0;
    for (const plan of issued) {
      const strings: string[] = [];
      const walk = (v: unknown): void => {
        if (typeof v === "string") strings.push(v);
        else if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === "object") Object.values(v).forEach(walk);
      };
      walk(await planOutline(db, plan.id));
      const planTasks = await db.select().from(tasks).where(eq(tasks.planId, plan.id));
      for (const t of planTasks) strings.push(t.what);
      const year = Number((plan.issuedOn ?? "").slice(0, 4));
      const written = new Set(strings.flatMap((text) => readDates(text, { year }).flatMap((d) => [d.date, d.end])));
      // Left out: proposed deadlines, the report task the clerk adds, and the clerk's own deadline (today + 5) where
      // the text gives none (seed 002 has no deadline in its text).
      const clerks = addDays(vietnamToday(now), 5);
      const fromText = planTasks.filter((t) => !t.dueToCheck && t.what !== "Báo cáo kết quả thực hiện Kế hoạch" && t.dueDate !== clerks);
      checked += fromText.length;
      for (const t of fromText) expect(written, `${plan.title}: «${t.what.slice(0, 60)}» hạn ${t.dueDate}`).toContain(t.dueDate);
    }
    // Seeds 000 and 001 write their deadlines in the text.
    expect(checked).toBeGreaterThanOrEqual(5);
  });
});
