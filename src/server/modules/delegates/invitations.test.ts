import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { expect, it } from "vitest";
import type { InvitationBatchView, InvitationProgress } from "../../../contracts/delegate-answers";
import { openStream, sessionCookie } from "../../platform/live/testing";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { delegatesSetup } from "./fixtures";
import { claimBatch, runInvitationBatches } from "./invitation-job";

/** Pages and text of a PDF, read by pdfjs as a reader would. */
async function readPdf(bytes: Buffer) {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const first = await doc.getPage(1);
  const text = (await first.getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ");
  const viewport = first.getViewport({ scale: 1 });
  return { pages: doc.numPages, text, width: viewport.width, height: viewport.height };
}

describeOnDatabases("invitations", (ctx) => {
  it("makes one .docx per delegate in a .zip and one A4 page each in a merged .pdf, in the background, numbered from the register", async () => {
    const { city, manager, conference, base, communes, guests } = await delegatesSetup(ctx().db, ctx().app);
    await manager.post(base, { fullName: "Nguyễn Văn Một", title: "Bí thư Đảng ủy", unitName: city.communeA.name, groupId: communes.id });
    await manager.post(base, { fullName: "Trần Thị Hai", title: "Chủ tịch UBND", unitName: city.communeB.name, groupId: communes.id });
    await manager.post(base, { fullName: "Lê Văn Ba", title: "Phó Trưởng ban", unitName: "Ban Tuyên giáo Trung ương", groupId: guests.id });
    const url = `/api/conferences/${conference.id}/invitations`;
    const made = await manager.post(url, {});
    expect(made.statusCode, made.body).toBe(201);
    const batch = made.json<InvitationBatchView>();
    expect(batch).toMatchObject({ state: "queued", done: 0, total: 3, zipReady: false });
    expect(batch.documentNumber).toMatch(/^\d+\/GM-/);
    expect((await manager.get(`${url}/${batch.id}/giay-moi.zip`)).statusCode).toBe(404);

    const ran = await runInvitationBatches(ctx().database, new Date(), () => undefined);
    expect(ran).toBeGreaterThanOrEqual(1);
    const after = (await manager.get(url)).json<{ batches: InvitationBatchView[] }>().batches.find((b) => b.id === batch.id);
    expect(after).toMatchObject({ state: "done", done: 3, total: 3, zipReady: true, pdfReady: true });

    const zipRes = await manager.get(`${url}/${batch.id}/giay-moi.zip`);
    expect(zipRes.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(zipRes.rawPayload);
    const docs = Object.keys(zip.files).filter((n) => n.endsWith(".docx"));
    expect(docs).toHaveLength(3);
    const mine = docs.find((n) => n.includes("nguyen-van-mot")) ?? "";
    const inner = await JSZip.loadAsync(await zip.files[mine].async("uint8array"));
    const xml = (await inner.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("GIẤY MỜI");
    expect(xml).toContain("Nguyễn Văn Một");
    expect(xml).toContain("Áo sơ mi trắng, quần âu");
    expect(xml).toContain(batch.documentNumber);
    expect(xml).not.toContain("@@");
    // The door's signed entry code beside the confirmation code (check-in's key), each its own image.
    expect(xml).toContain("Mã vào cửa");
    expect(Object.keys(inner.files).filter((n) => n.startsWith("word/media/") && !inner.files[n].dir)).toHaveLength(2);

    const pdfRes = await manager.get(`${url}/${batch.id}/giay-moi.pdf`);
    expect(pdfRes.headers["content-type"]).toContain("application/pdf");
    const pdf = await readPdf(pdfRes.rawPayload);
    expect(pdf.pages).toBe(3);
    expect(Math.round(pdf.width)).toBe(595);
    expect(Math.round(pdf.height)).toBe(842);
    expect(pdf.text).toContain("GIẤY MỜI");
    expect(pdf.text).toContain("Lê Văn Ba");

    if (existsSync("/usr/bin/pdftoppm") && ctx().kind === "pglite") {
      const dir = path.resolve("e2e/artifacts");
      mkdirSync(dir, { recursive: true });
      const source = path.join(tmpdir(), `giay-moi-${batch.id}.pdf`);
      writeFileSync(source, pdfRes.rawPayload);
      execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", source, path.join(dir, "giay-moi-trang-1")]);
      expect(existsSync(path.join(dir, "giay-moi-trang-1.png"))).toBe(true);
    }
  });

  it("refuses a batch with no delegates (409) and a non-organiser (404), and never hands one batch to two claimers", async () => {
    const { city, manager, conference, base } = await delegatesSetup(ctx().db, ctx().app);
    const url = `/api/conferences/${conference.id}/invitations`;
    expect((await manager.post(url, {})).statusCode).toBe(409);
    const member = await signedIn(ctx().app, city.memberA);
    expect((await member.post(url, {})).statusCode).toBe(404);
    await manager.post(base, { fullName: "Một Người" });
    // Drain what other tests left, then two claims at once on one queued batch: one gets it.
    await runInvitationBatches(ctx().database, new Date(), () => undefined);
    await manager.post(url, {});
    const [a, b] = await Promise.all([claimBatch(ctx().db, new Date()), claimBatch(ctx().db, new Date())]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
  });

  it("publishes each batch's progress on the conference's live topic, from queued through running to done", async () => {
    const { city, manager, conference, base } = await delegatesSetup(ctx().db, ctx().app);
    for (const name of ["Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba"])
      await manager.post(base, { fullName: name, unitName: city.communeA.name });
    const baseUrl = ctx().app.server.listening
      ? `http://127.0.0.1:${(ctx().app.server.address() as { port: number }).port}`
      : await ctx().app.listen({ port: 0, host: "127.0.0.1" });
    const stream = await openStream(baseUrl, `/api/events?topics=conference:${conference.id}`, {
      cookie: await sessionCookie(ctx().app, city.manager),
    });
    try {
      await stream.next((e) => e.event === "ready");
      const batch = (await manager.post(`/api/conferences/${conference.id}/invitations`, {})).json<InvitationBatchView>();
      const progress = async () =>
        JSON.parse((await stream.next((e) => e.event === "invitations.progress")).data).data as InvitationProgress;
      expect(await progress()).toEqual({ batchId: batch.id, state: "queued", done: 0, total: 3 });
      await runInvitationBatches(ctx().database, new Date(), () => undefined);
      const seen: InvitationProgress[] = [];
      while (seen.at(-1)?.state !== "done") seen.push(await progress());
      expect(seen[0]).toEqual({ batchId: batch.id, state: "running", done: 0, total: 3 });
      expect(seen.at(-1)).toEqual({ batchId: batch.id, state: "done", done: 3, total: 3 });
      expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    } finally {
      stream.close();
    }
  });

  it("makes a batch for one unit's delegates only, and refuses a unit without delegates (409)", async () => {
    const { city, manager, conference, base } = await delegatesSetup(ctx().db, ctx().app);
    await manager.post(base, { fullName: "Người Xã A Một", unitName: city.communeA.name });
    await manager.post(base, { fullName: "Người Xã A Hai", unitName: city.communeA.name });
    await manager.post(base, { fullName: "Người Xã B", unitName: city.communeB.name });
    const url = `/api/conferences/${conference.id}/invitations`;
    const made = await manager.post(url, { unitId: city.communeA.id });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json<InvitationBatchView>()).toMatchObject({ unitId: city.communeA.id, total: 2 });
    await runInvitationBatches(ctx().database, new Date(), () => undefined);
    const zip = await JSZip.loadAsync((await manager.get(`${url}/${made.json<InvitationBatchView>().id}/giay-moi.zip`)).rawPayload);
    const names = Object.keys(zip.files).filter((n) => n.endsWith(".docx"));
    expect(names.map((n) => n.replace(/^giay-moi-\d+-/, "")).sort()).toEqual(["nguoi-xa-a-hai.docx", "nguoi-xa-a-mot.docx"]);
    expect((await manager.post(url, { unitId: city.root.id })).statusCode).toBe(409);
  });
});
