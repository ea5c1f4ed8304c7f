import { and, eq } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvitationBatchView } from "../../../contracts/delegate-answers";
import { emailOutbox, invitationBatches } from "../../db/schema/index";
import { croppedImages, readDocx } from "../../platform/documents/testing/read-docx";
import { describeOnDatabases } from "../../testing/harness";
import { delegatesSetup } from "./fixtures";
import { runBatch } from "./invitation-job";
import { type CardInput, groupByUnit } from "./unit-invitation-render";

/** Each page's text of a PDF, read by pdfjs as a reader would. */
async function pdfPages(bytes: Buffer): Promise<string[]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1)
    pages.push((await (await doc.getPage(n)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" "));
  return pages;
}

const count = (text: string, word: string) => text.split(word).length - 1;

// Queued mails land in the outbox only where SMTP is set; nothing sends them in this file.
beforeAll(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:9";
});
afterAll(() => {
  delete process.env.SMTP_URL;
});

describeOnDatabases("invitations addressed to units", (ctx) => {
  it("makes one .docx per unit listing its delegates with a card and two codes each, the merged .pdf the letters then the cards, and mails each delegate", async () => {
    const { city, manager, conference, base, communes } = await delegatesSetup(ctx().db, ctx().app);
    const address = `mot.${conference.id.slice(0, 8)}@xa-a.gov.vn`;
    const a = city.communeA.name;
    const b = city.communeB.name;
    for (const d of [
      { fullName: "Nguyễn Văn Một", title: "Bí thư Đảng ủy", unitName: a, email: address },
      { fullName: "Trần Thị Hai", title: "Chủ tịch UBND", unitName: b },
      { fullName: "Lê Văn Ba", title: "Phó Chủ tịch UBND", unitName: a },
    ])
      expect((await manager.post(base, { ...d, groupId: communes.id })).statusCode).toBe(201);
    const url = `/api/conferences/${conference.id}/invitations`;
    const made = await manager.post(url, { addressedTo: "unit", sendEmail: true });
    expect(made.statusCode, made.body).toBe(201);
    const batch = made.json<InvitationBatchView>();
    expect(batch).toMatchObject({ addressedTo: "unit", total: 3, state: "queued" });
    expect(batch.documentNumber).toMatch(/^\d+\/GM-/);

    // Run this batch here, not whatever the queue holds: other test files share the database and drain it too
    // (a batch they ran would queue no mail where SMTP is not set).
    const [mine] = await ctx()
      .db.update(invitationBatches)
      .set({ state: "running" })
      .where(and(eq(invitationBatches.id, batch.id), eq(invitationBatches.state, "queued")))
      .returning();
    expect(mine).toBeDefined();
    await runBatch(ctx().database, mine, new Date());
    const after = (await manager.get(url)).json<{ batches: InvitationBatchView[] }>().batches.find((x) => x.id === batch.id);
    expect(after).toMatchObject({ state: "done", done: 3, total: 3, addressedTo: "unit", zipReady: true, pdfReady: true });

    const zip = await JSZip.loadAsync((await manager.get(`${url}/${batch.id}/giay-moi.zip`)).rawPayload);
    const names = Object.keys(zip.files).filter((n) => n.endsWith(".docx"));
    expect(names).toHaveLength(2);
    const letters = await Promise.all(
      names.map(async (n) => {
        const bytes = Buffer.from(await zip.files[n].async("uint8array"));
        const inner = await JSZip.loadAsync(bytes);
        const media = Object.keys(inner.files).filter((f) => f.startsWith("word/media/") && !inner.files[f].dir);
        return { name: n, doc: await readDocx(bytes), media };
      }),
    );
    const letterTo = (unit: string) => letters.find((l) => l.doc.text.includes(`Kính gửi: ${unit}`));
    const toA = letterTo(a);
    const toB = letterTo(b);
    if (!toA || !toB) throw new Error(`a letter per unit expected: ${names.join(", ")}`);
    // Unit A's letter: its two delegates in the table and on a card each (name, unit, seat, both codes); not B's.
    expect(toA.doc.text).toContain("GIẤY MỜI");
    expect(toA.doc.text).toContain(batch.documentNumber);
    expect(toA.doc.text).toContain(`cử các đồng chí có tên dưới đây đến dự`);
    const tableRow = toA.doc.paragraphs.filter((p) => p.inTable).map((p) => p.text);
    for (const cell of ["STT", "Họ và tên", "Chức vụ", "Chỗ ngồi", "Nguyễn Văn Một", "Bí thư Đảng ủy", "Lê Văn Ba", "Phó Chủ tịch UBND"])
      expect(tableRow).toContain(cell);
    expect(toA.doc.text).toContain("Trang phục: Áo sơ mi trắng, quần âu");
    expect(toA.doc.text).not.toContain("Trần Thị Hai");
    expect(count(toA.doc.text, "THẺ ĐẠI BIỂU")).toBe(3); // the cards' heading, then one per card
    expect(count(toA.doc.text, "Mã vào cửa")).toBe(2);
    expect(count(toA.doc.text, `Đơn vị: ${a}`)).toBe(2);
    expect(toA.doc.text).toMatch(/\/xac-bao\/[A-Za-z0-9_-]{43}/);
    expect(toA.media).toHaveLength(4);
    expect(toA.doc.documentXml).not.toContain("@@");
    expect(toA.doc.documentXml).toContain("<w:drawing>");
    expect(croppedImages(toA.doc.documentXml)).toBe(0);
    expect(toB.doc.text).toContain("Trần Thị Hai");
    expect(count(toB.doc.text, "Mã vào cửa")).toBe(1);
    expect(toB.media).toHaveLength(2);
    expect(toB.name).toMatch(/^giay-moi-don-vi-\d{4}-/);

    // The PDF: each unit's letter on its page, then its cards (three to a page).
    const pages = await pdfPages((await manager.get(`${url}/${batch.id}/giay-moi.pdf`)).rawPayload);
    expect(pages).toHaveLength(4);
    const first = pages.findIndex((p) => p.includes(`Kính gửi: ${a}`));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(pages[first]).toContain("GIẤY MỜI");
    expect(pages[first]).toContain("Lê Văn Ba");
    expect(count(pages[first + 1], "Mã vào cửa")).toBe(2);
    expect(pages[first + 1]).toContain("Nguyễn Văn Một");
    expect(pages[first + 1]).toContain(`Kèm theo Giấy mời số ${batch.documentNumber}`);
    expect(pages.filter((p) => p.includes(`Kính gửi: ${b}`))).toHaveLength(1);

    // Mail stays personal: the delegate with an address gets their own letter and link.
    const mails = await ctx().db.select().from(emailOutbox).where(eq(emailOutbox.to, address));
    expect(mails).toHaveLength(1);
    expect(mails[0].body).toContain("Kính gửi đồng chí Nguyễn Văn Một");
    expect(mails[0].body).toMatch(/\/xac-bao\/[A-Za-z0-9_-]{43}/);
  });

  it("refuses an unknown addressee (400, in Vietnamese) and keeps per-delegate letters by default", async () => {
    const { manager, conference, base } = await delegatesSetup(ctx().db, ctx().app);
    await manager.post(base, { fullName: "Một Người", unitName: "Sở Nội vụ" });
    const url = `/api/conferences/${conference.id}/invitations`;
    const bad = await manager.post(url, { addressedTo: "everyone" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("cho từng đơn vị");
    const plain = await manager.post(url, {});
    expect(plain.statusCode, plain.body).toBe(201);
    expect(plain.json<InvitationBatchView>().addressedTo).toBe("delegate");
  });
});

describe("grouping delegates by unit", () => {
  const person = (fullName: string, unit: string, unitId: string | null = null): CardInput => ({
    fullName,
    title: "",
    unit,
    unitId,
    seat: "",
    dressCode: "",
    confirmUrl: "",
    entryToken: null,
  });
  it("groups by the matched unit's id, else by the name with tone placements folded, in protocol order", () => {
    const groups = groupByUnit([
      person("A", "Thành ủy", null),
      person("B", "Phường Đông Hải", "u1"),
      person("C", "thành uỷ", null),
      person("D", "Phường Đông Hải (cũ)", "u1"),
      person("E", "", null),
    ]);
    expect(groups.map((g) => [g.unit, g.delegates.map((d) => d.fullName).join("")])).toEqual([
      ["Thành ủy", "AC"],
      ["Phường Đông Hải", "BD"],
      [null, "E"],
    ]);
  });
});
