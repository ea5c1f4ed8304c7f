import type { Db } from "../../db/client";
import { makeUnit, makeUser, type UnitRow, type UserRow, unique } from "../../testing/factories";
import type { TestClient } from "../../testing/harness";

/** A small city: a state root with two communes, a manager of the root and a member of each commune. */
export interface City {
  root: UnitRow;
  communeA: UnitRow;
  communeB: UnitRow;
  manager: UserRow;
  otherManager: UserRow;
  memberA: UserRow;
  memberB: UserRow;
}

export async function makeCity(db: Db): Promise<City> {
  const root = await makeUnit(db, { name: unique("UBND thành phố"), kind: "ubnd" });
  const communeA = await makeUnit(db, { parent: root, name: unique("Xã An Lão"), kind: "xa" });
  const communeB = await makeUnit(db, { parent: root, name: unique("Phường Đông Hải"), kind: "xa" });
  return {
    root,
    communeA,
    communeB,
    manager: await makeUser(db, { unit: root, grants: [{ unit: root, role: "manager" }], fullName: "Quản lý một" }),
    otherManager: await makeUser(db, { unit: root, grants: [{ unit: root, role: "manager" }], fullName: "Quản lý hai" }),
    memberA: await makeUser(db, { unit: communeA, grants: [{ unit: communeA, role: "member" }] }),
    memberB: await makeUser(db, { unit: communeB, grants: [{ unit: communeB, role: "member" }] }),
  };
}

export interface PlanBody {
  id: string;
  version: number;
  status: string;
  tasks: Array<{ id: string; version: number; laterThanParent: boolean; unmatchedNames: string[]; obligationCount: number }>;
  counts: { total: number; open: number; submitted: number; overdue: number; late: number; accepted: number; returned: number };
  children: Array<{ id: string }>;
  parent: { id: string } | null;
}

/** A draft with one task per unit list given, each due on `dueDate` (default far in the future). */
export async function draftWithTasks(
  client: TestClient,
  issuer: UnitRow,
  targets: string[][],
  dueDate = "2099-06-30",
  dueTime: string | null = "08:00",
): Promise<PlanBody> {
  const created = await client.post("/api/plans", { issuerUnitId: issuer.id, title: unique("Kế hoạch thử") });
  if (created.statusCode !== 201) throw new Error(`create plan: ${created.statusCode} ${created.body}`);
  const plan = created.json<PlanBody>();
  for (const unitIds of targets) {
    const res = await client.post(`/api/plans/${plan.id}/tasks`, {
      what: "Gửi báo cáo kết quả",
      deliverable: "report",
      target: { unitIds },
      dueDate,
      dueTime,
    });
    if (res.statusCode !== 201) throw new Error(`create task: ${res.statusCode} ${res.body}`);
  }
  return (await client.get(`/api/plans/${plan.id}`)).json<PlanBody>();
}

export async function issued(client: TestClient, issuer: UnitRow, targets: string[][], dueDate?: string, dueTime?: string | null) {
  const plan = await draftWithTasks(client, issuer, targets, dueDate, dueTime);
  const res = await client.post(`/api/plans/${plan.id}/issue`, { version: plan.version });
  if (res.statusCode !== 200) throw new Error(`issue: ${res.statusCode} ${res.body}`);
  return res.json<{ plan: PlanBody; warnings: string[]; obligationsCreated: number }>();
}
