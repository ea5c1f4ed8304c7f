import { createHash, randomBytes } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { obligations, storedFileChunks, storedFiles, submissions } from "../../db/schema/index";
import { blobPath, fileStoreOf } from "../../platform/files/store";
import { makeUser } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import { type City, issued, makeCity } from "../plans/testing";
import { docxBomb, multipart, realDocx } from "./upload-fixtures";

interface View {
  id: string;
  status: string;
  version: number;
  lateSubmission: boolean;
  overdue: boolean;
  returnedReason: string | null;
}

describeOnDatabases("obligations", (ctx) => {
  async function setup(dueDate = "2099-06-30", dueTime: string | null = "08:00") {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const { plan } = await issued(manager, city.root, [[city.communeA.id, city.communeB.id]], dueDate, dueTime);
    const [mine] = await ctx()
      .db.select()
      .from(obligations)
      .where(and(eq(obligations.planId, plan.id), eq(obligations.unitId, city.communeA.id)));
    return { city, manager, planId: plan.id, obligationId: mine.id };
  }
  const upload = (client: TestClient, id: string, body: ReturnType<typeof multipart>) =>
    client.request("POST", `/api/obligations/${id}/submissions`, body.payload, body.headers);

  it("takes a member's submission with a file, then returns, resubmits and accepts, keeping the history", async () => {
    const { city, manager, obligationId } = await setup();
    const member = await signedIn(ctx().app, city.memberA);
    const sent = await upload(
      member,
      obligationId,
      multipart({ text: "Báo cáo của xã" }, [{ name: "Báo cáo.docx", content: await realDocx() }]),
    );
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json<View>()).toMatchObject({ status: "submitted", lateSubmission: false });
    expect((await manager.post(`/api/obligations/${obligationId}/return`, { version: sent.json<View>().version })).statusCode).toBe(400);
    const back = await manager.post(`/api/obligations/${obligationId}/return`, {
      reason: "Thiếu số liệu mục II",
      version: sent.json<View>().version,
    });
    expect(back.json<View>()).toMatchObject({ status: "returned", returnedReason: "Thiếu số liệu mục II" });
    const again = await member.post(`/api/obligations/${obligationId}/submissions`, { text: "Đã bổ sung số liệu" });
    const accepted = await manager.post(`/api/obligations/${obligationId}/accept`, { version: again.json<View>().version });
    expect(accepted.json<View>().status).toBe("accepted");
    const detail = (await member.get(`/api/obligations/${obligationId}`)).json<{
      events: Array<{ action: string; note: string | null }>;
      submissions: Array<{ files: Array<{ id: string; fileName: string }> }>;
    }>();
    expect(detail.events.map((e) => e.action)).toEqual(["created", "submitted", "returned", "resubmitted", "accepted"]);
    expect(detail.events[2].note).toBe("Thiếu số liệu mục II");
    const file = detail.submissions[0].files[0];
    expect(file.fileName).toBe("Báo cáo.docx");
    const download = await member.get(`/api/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const stranger = await signedIn(ctx().app, city.memberB);
    expect((await stranger.get(`/api/files/${file.id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/obligations/${obligationId}`)).statusCode).toBe(404);
  });

  it("refuses a submission for another unit with 403", async () => {
    const { city, obligationId } = await setup();
    const other = await signedIn(ctx().app, city.memberB);
    const res = await other.post(`/api/obligations/${obligationId}/submissions`, { text: "Nộp hộ" });
    expect(res.statusCode).toBe(403);
    expect(await ctx().db.select().from(submissions).where(eq(submissions.obligationId, obligationId))).toHaveLength(0);
  });

  it("marks a late submission late and keeps it late after acceptance", async () => {
    const { city, manager, obligationId } = await setup("2020-03-01", null);
    const member = await signedIn(ctx().app, city.memberA);
    const before = (await member.get(`/api/obligations/${obligationId}`)).json<View>();
    expect(before.overdue).toBe(true);
    const sent = await member.post(`/api/obligations/${obligationId}/submissions`, { text: "Nộp muộn" });
    expect(sent.json<View>()).toMatchObject({ lateSubmission: true, overdue: false });
    const accepted = await manager.post(`/api/obligations/${obligationId}/accept`, { version: sent.json<View>().version });
    expect(accepted.json<View>()).toMatchObject({ status: "accepted", lateSubmission: true });
  });

  it("forbids accepting one's own submission as its submitter", async () => {
    const { manager, obligationId } = await setup();
    const sent = await manager.post(`/api/obligations/${obligationId}/submissions`, { text: "Quản lý nộp thay xã" });
    expect(sent.statusCode).toBe(201);
    const res = await manager.post(`/api/obligations/${obligationId}/accept`, { version: sent.json<View>().version });
    expect(res.statusCode).toBe(403);
  });

  it("refuses a stale version when accepting with 409", async () => {
    const { city, manager, obligationId } = await setup();
    const member = await signedIn(ctx().app, city.memberA);
    const sent = await member.post(`/api/obligations/${obligationId}/submissions`, { text: "Báo cáo" });
    const res = await manager.post(`/api/obligations/${obligationId}/accept`, { version: sent.json<View>().version - 1 });
    expect(res.statusCode).toBe(409);
  });

  it("refuses forbidden types, a fake docx and a zip bomb with 400, and stores nothing", async () => {
    const { city, obligationId } = await setup();
    const member = await signedIn(ctx().app, city.memberA);
    // 300 MiB of zeros in 300 KB whose headers claim 13 bytes: accepted and served back before it was counted.
    const bomb = docxBomb(300, { honest: false });
    for (const file of [
      { name: "chuong-trinh.exe", content: Buffer.from("MZ") },
      { name: "bao-cao.docx", content: Buffer.from("văn bản thường đổi đuôi") },
      { name: "bao-cao.docx", content: bomb },
    ]) {
      const res = await upload(
        member,
        obligationId,
        multipart({ text: "Báo cáo" }, [{ name: "ok.pdf", content: Buffer.from("%PDF-1.4") }, file]),
      );
      expect(res.statusCode, file.name).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe("INVALID_FILE");
    }
    expect(
      await ctx()
        .db.select({ id: storedFiles.id })
        .from(storedFiles)
        .innerJoin(submissions, eq(submissions.id, storedFiles.submissionId))
        .where(eq(submissions.obligationId, obligationId)),
    ).toHaveLength(0);
    expect((await member.get(`/api/obligations/${obligationId}`)).json<View>().status).toBe("open");
  });

  it("streams files into the store and back byte for byte, a file of several 1 MB chunks included", async () => {
    const { city, obligationId } = await setup();
    const member = await signedIn(ctx().app, city.memberA);
    const big = randomBytes(2_500_000);
    big.write("%PDF-1.7\n", 0);
    const sent = await upload(
      member,
      obligationId,
      multipart({ text: "Báo cáo" }, [
        { name: "lon.pdf", content: big },
        { name: "Báo cáo.docx", content: await realDocx() },
      ]),
    );
    expect(sent.statusCode, sent.body).toBe(201);
    const detail = (await member.get(`/api/obligations/${obligationId}`)).json<{
      submissions: Array<{ files: Array<{ id: string; fileName: string; size: number }> }>;
    }>();
    const stored = detail.submissions[0].files.find((f) => f.fileName === "lon.pdf");
    expect(stored?.size).toBe(big.length);
    const download = await member.get(`/api/files/${stored?.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-length"]).toBe(String(big.length));
    expect(createHash("sha256").update(download.rawPayload).digest("hex")).toBe(createHash("sha256").update(big).digest("hex"));
    const [row] = await ctx()
      .db.select()
      .from(storedFiles)
      .where(eq(storedFiles.id, stored?.id ?? ""));
    const store = await fileStoreOf(ctx().database);
    if (ctx().kind === "postgres") {
      expect(row.storage).toBe("database");
      const chunks = await ctx().db.select({ seq: storedFileChunks.seq }).from(storedFileChunks).where(eq(storedFileChunks.fileId, row.id));
      expect(chunks.map((c) => c.seq).sort()).toEqual([0, 1, 2]);
    } else {
      expect(row.storage).toBe("directory");
      expect(statSync(blobPath(store.root ?? "", row.sha256)).size).toBe(big.length);
    }
    // Nothing is left behind in the upload directory.
    expect(readdirSync(store.tempDir).filter((n) => n.endsWith(".part"))).toEqual([]);
  });

  it("refuses a file over 20 MB with 413", async () => {
    const { city, obligationId } = await setup();
    const member = await signedIn(ctx().app, city.memberA);
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    big.write("%PDF-1.4", 0);
    const res = await upload(member, obligationId, multipart({ text: "Báo cáo" }, [{ name: "lon.pdf", content: big }]));
    expect(res.statusCode).toBe(413);
    expect((await member.get(`/api/obligations/${obligationId}`)).json<View>().status).toBe("open");
  });

  it("refuses unknown fields in review bodies with 400", async () => {
    const { manager, obligationId } = await setup();
    expect((await manager.post(`/api/obligations/${obligationId}/accept`, { version: 1, force: true })).statusCode).toBe(400);
    expect((await manager.post(`/api/obligations/${obligationId}/submissions`, { text: "x", status: "accepted" })).statusCode).toBe(400);
  });

  it("links a unit's own plan as its answer both ways and flags a later child deadline", async () => {
    const { city, planId, obligationId } = await setup("2099-06-30", "08:00");
    const communeManager = await makeUser(ctx().db, { unit: city.communeA, grants: [{ unit: city.communeA, role: "manager" }] });
    const client = await signedIn(ctx().app, communeManager);
    const child = await issuedChild(client, city);
    const res = await client.post(`/api/obligations/${obligationId}/child-plan`, { planId: child });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ obligation: { childPlanId: string }; laterThanParent: unknown[]; warnings: string[] }>();
    expect(body.obligation.childPlanId).toBe(child);
    expect(body.laterThanParent).toHaveLength(1);
    expect(body.warnings[0]).toMatch(/muộn hơn hạn cấp trên/);
    const childView = (await client.get(`/api/plans/${child}`)).json<{
      parent: { id: string };
      tasks: Array<{ laterThanParent: boolean }>;
    }>();
    expect(childView.parent.id).toBe(planId);
    expect(childView.tasks.map((t) => t.laterThanParent)).toEqual([false, true]);
    const manager = await signedIn(ctx().app, city.manager);
    expect((await manager.get(`/api/plans/${planId}`)).json<{ children: Array<{ id: string }> }>().children.map((c) => c.id)).toEqual([
      child,
    ]);
    const other = await signedIn(ctx().app, city.memberB);
    expect((await other.post(`/api/obligations/${obligationId}/child-plan`, { planId: child })).statusCode).toBe(403);
  });

  async function issuedChild(client: TestClient, city: City): Promise<string> {
    const plan = (await client.post("/api/plans", { issuerUnitId: city.communeA.id, title: "Kế hoạch của xã" })).json<{ id: string }>();
    for (const [dueDate, dueTime] of [
      ["2099-06-29", null],
      ["2099-06-30", "09:00"],
    ] as const)
      await client.post(`/api/plans/${plan.id}/tasks`, {
        what: `Việc hạn ${dueDate}`,
        deliverable: "document",
        target: { unitIds: [city.communeA.id] },
        dueDate,
        dueTime,
      });
    return plan.id;
  }
});
