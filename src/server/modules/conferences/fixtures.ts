import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import type { ImportResult } from "../../../contracts/importer";
import type { TaskView } from "../../../contracts/plans";
import { nameKey } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { conferences } from "../../db/schema/index";
import { makeUnit, makeUser, unique } from "../../testing/factories";
import { signedIn } from "../../testing/harness";

/** Seed 001 as the importer reads it (the city conference, its agenda, 24 speeches). */
export const seed001 = (): ImportResult =>
  JSON.parse(readFileSync(new URL("../../../../test/fixtures/seeds/001_f9655c538364916e.expected.json", import.meta.url), "utf8"));

/**
 * Seed 001 imported as a draft by a manager of a new "Ban Thường vụ Thành ủy", with a unit for every name its
 * tasks and speeches give (one per name, whichever tone placement), except the catch-all "Các cấp uỷ…".
 */
export async function importSeed001(db: Db, app: FastifyInstance) {
  const result = seed001();
  const issuer = await makeUnit(db, { name: unique("Ban Thường vụ Thành ủy"), tree: "party", kind: "btv" });
  const names = [...new Set([...result.tasks.map((t) => t.unit), ...result.speeches.map((s) => s.unit)])].filter(
    (n) => !n.startsWith("Các cấp"),
  );
  const byKey = new Map<string, string>();
  for (const name of names)
    if (!byKey.has(nameKey(name))) byKey.set(nameKey(name), (await makeUnit(db, { parent: issuer, name, kind: "other" })).id);
  const manager = await makeUser(db, { unit: issuer, grants: [{ unit: issuer, role: "manager" }] });
  const client = await signedIn(app, manager);
  const res = await client.post("/api/plans/from-import", { result, issuerUnitId: issuer.id });
  if (res.statusCode !== 201) throw new Error(`import failed: ${res.statusCode} ${res.body}`);
  const { plan } = res.json<{ plan: { id: string; version: number; tasks: TaskView[] } }>();
  return { result, issuer, manager, client, plan, unitOf: (name: string) => byKey.get(nameKey(name)) };
}

/** A conference row with sensible defaults (seed 001's city conference, 08:00–11:00 on 2 June 2026), for tests. */
export async function makeConference(
  db: Db,
  options: { planId: string; hostUnitId: string } & Partial<Omit<typeof conferences.$inferInsert, "planId" | "hostUnitId">>,
) {
  const [row] = await db
    .insert(conferences)
    .values({
      title: "Hội nghị sơ kết 1 năm",
      startsAt: new Date("2026-06-02T01:00:00Z"),
      endsAt: new Date("2026-06-02T04:00:00Z"),
      durationLabel: "1/2 ngày",
      venue: "Nhà hát Hoa Phượng, Trung tâm Hội nghị và Biểu diễn thành phố",
      chair: "Đồng chí Bí thư Thành ủy",
      expectedAttendance: 1086,
      ...options,
    })
    .returning();
  return row;
}
