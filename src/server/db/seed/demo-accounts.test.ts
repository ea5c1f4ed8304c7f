import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { listPlans } from "../../modules/plans/service";
import { listMyWork } from "../../modules/tracking/my-work";
import type { Actor } from "../../platform/access";
import { loadGrants } from "../../platform/auth";
import { openScratchDatabase } from "../../testing/migrations";
import type { Db } from "../client";
import { units, users } from "../schema/index";
import { ensureInitialData } from "./initial";

async function actorOf(db: Db, username: string): Promise<Actor> {
  const [row] = await db
    .select({ user: users, path: units.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username));
  if (!row) throw new Error(`no demo account ${username}`);
  const u = row.user;
  return {
    userId: u.id,
    username: u.username,
    fullName: u.fullName,
    unitId: u.unitId,
    unitPath: row.path,
    grants: await loadGrants(db, u.id),
  };
}

/**
 * What the README's table of demo accounts says each shows on first start: the plans it sees (by number or
 * title) and, for the units' accounts, what "Việc của tôi" holds. Keep this and the README in step.
 */
const README_ACCOUNTS: Array<{ username: string; plans: RegExp[]; work?: { overdue: boolean; returned: boolean; upcoming: boolean } }> = [
  { username: "vanphong.thanhuy", plans: [/^63-KH\/TU$/] },
  { username: "thammuu.bochqs", plans: [/^03\/KH-BCH$/] },
  { username: "chuyenvien.ubnd", plans: [/Sơ kết 6 tháng vận hành chính quyền địa phương 2 cấp/] },
  { username: "vanphong.ubnd", plans: [/Sơ kết 6 tháng vận hành chính quyền địa phương 2 cấp/] },
  { username: "ubnd.donghai", plans: [/Sơ kết 6 tháng/], work: { overdue: true, returned: true, upcoming: true } },
  { username: "ubnd.thanhha", plans: [/Sơ kết 6 tháng/], work: { overdue: true, returned: false, upcoming: true } },
  { username: "danguy.donghai", plans: [/^63-KH\/TU$/], work: { overdue: false, returned: false, upcoming: true } },
];

it.each(["pglite", "postgres"] as const)(
  "gives every demo account something real to do on first start, as the README says (%s)",
  async (kind) => {
    if (kind === "postgres" && !process.env.TEST_DATABASE_URL) return;
    const scratch = await openScratchDatabase(kind);
    try {
      await scratch.migrate();
      const db = scratch.db;
      await ensureInitialData(db, { adminPassword: "demo-admin-test", print: () => undefined });
      const now = new Date();
      const accounts = (await db.select({ username: users.username }).from(users)).map((u) => u.username).filter((u) => u !== "admin");
      expect(accounts.sort()).toEqual(README_ACCOUNTS.map((a) => a.username).sort());
      for (const account of README_ACCOUNTS) {
        const actor = await actorOf(db, account.username);
        const plans = await listPlans(db, actor, {});
        expect(plans.length, account.username).toBeGreaterThan(0);
        for (const pattern of account.plans)
          expect(
            plans.some((p) => pattern.test(p.number ?? "") || pattern.test(p.title)),
            `${account.username} sees ${pattern}`,
          ).toBe(true);
        if (!account.work) continue;
        const work = await listMyWork(db, { actor, now });
        expect(work.items.length, `${account.username} has work`).toBeGreaterThan(0);
        expect(
          work.items.some((i) => i.dueAt.getTime() < now.getTime()),
          `${account.username} overdue`,
        ).toBe(account.work.overdue);
        expect(
          work.items.some((i) => i.status === "returned"),
          `${account.username} returned`,
        ).toBe(account.work.returned);
        expect(
          work.items.some((i) => i.dueAt.getTime() >= now.getTime()),
          `${account.username} upcoming`,
        ).toBe(account.work.upcoming);
      }
    } finally {
      await scratch.close();
    }
  },
);
