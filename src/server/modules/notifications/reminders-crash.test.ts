import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq, inArray, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { type Database, type Db, openDatabase } from "../../db/client";
import { notifications, obligations, plans, reminderDeliveries } from "../../db/schema/index";
import { makeUnit, makeUser } from "../../testing/factories";
import { describeOnDatabases } from "../../testing/harness";
import { makePlan, makeTask, obligationRow, vn } from "../tracking/fixtures";

const child = fileURLToPath(new URL("./testing/reminders-child.ts", import.meta.url));
const UNITS = 100;
const TASKS = 20; // 2,000 obligations

/** 100 units with a member each, one issued plan whose 20 tasks fall due on 2030-03-15 08:00. */
async function seed(db: Db): Promise<{ planId: string; obligationIds: string[] }> {
  const issuer = await makeUnit(db);
  const manager = await makeUser(db, { unit: issuer, grants: [{ unit: issuer, role: "manager" }] });
  const units = await Promise.all(Array.from({ length: UNITS }, () => makeUnit(db, { parent: issuer })));
  for (const u of units) await makeUser(db, { unit: u, grants: [{ unit: u, role: "member" }] });
  const plan = await makePlan(db, { issuerUnitId: issuer.id, createdBy: manager.id });
  const ids: string[] = [];
  for (let t = 0; t < TASKS; t++) {
    const task = await makeTask(db, { planId: plan.id, dueDate: "2030-03-15", dueTime: "08:00", sortOrder: t });
    const rows = await db
      .insert(obligations)
      .values(units.map((u) => obligationRow(task, u.id)))
      .returning({ id: obligations.id });
    ids.push(...rows.map((r) => r.id));
  }
  return { planId: plan.id, obligationIds: ids };
}

interface ChildRun {
  lastCommitted: number;
  signal: NodeJS.Signals | null;
  code: number | null;
}

/** Runs the runner in a child process; kills it with SIGKILL once `killAfter` deliveries have committed. */
function runChild(target: string, now: Date, killAfter: number | null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", child, target, now.toISOString(), "20"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let lastCommitted = 0;
    let errors = "";
    proc.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      for (const m of chunk.matchAll(/committed (\d+)/g)) lastCommitted = Number(m[1]);
      if (killAfter !== null && lastCommitted >= killAfter && proc.exitCode === null) proc.kill("SIGKILL");
    });
    proc.stderr.setEncoding("utf8").on("data", (chunk: string) => (errors += chunk));
    proc.on("error", reject);
    proc.on("exit", (code, signal) => (code && code !== 0 ? reject(new Error(errors)) : resolve({ lastCommitted, code, signal })));
  });
}

describeOnDatabases("reminder runner killed mid-run", (ctx) => {
  it("delivers every due reminder exactly once after a SIGKILL in the middle of 2,000 obligations and a restart", async () => {
    const onPostgres = ctx().kind === "postgres";
    const dir = onPostgres ? null : mkdtempSync(path.join(tmpdir(), "kehoach-crash-"));
    const target = onPostgres ? (process.env.TEST_DATABASE_URL ?? "") : (dir ?? "");
    let own: Database | null = onPostgres ? null : await openDatabase({ dataDir: target });
    try {
      await own?.migrate();
      const { planId, obligationIds } = await seed(own?.db ?? ctx().db);
      await own?.close(); // PGlite: one process at a time on a data directory
      own = null;
      const now = vn("2030-03-14 09:00"); // the 1-day reminder is due for all 2,000

      const killed = await runChild(target, now, 400);
      expect(killed.signal).toBe("SIGKILL");
      expect(killed.lastCommitted).toBeGreaterThanOrEqual(400);
      expect(killed.lastCommitted).toBeLessThan(obligationIds.length);

      const restarted = await runChild(target, now, null);
      expect(restarted.code).toBe(0);

      own = onPostgres ? null : await openDatabase({ dataDir: target });
      const db = own?.db ?? ctx().db;
      const delivered = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(reminderDeliveries)
        .where(and(inArray(reminderDeliveries.obligationId, obligationIds), eq(reminderDeliveries.key, "before-1d")));
      expect(delivered[0].n).toBe(obligationIds.length);
      const perObligation = await db
        .select({ id: notifications.obligationId, n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(inArray(notifications.obligationId, obligationIds), eq(notifications.kind, "reminder.before")))
        .groupBy(notifications.obligationId);
      expect(perObligation).toHaveLength(obligationIds.length);
      expect(perObligation.filter((r) => r.n !== 1)).toEqual([]);
      // Done: close the plan so other runners on this shared database leave its obligations alone.
      await db.update(plans).set({ status: "closed" }).where(eq(plans.id, planId));
    } finally {
      await own?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
