import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { ImportResult } from "../src/contracts/importer";
import { DEMO_PASSWORD } from "../src/server/db/seed/demo";
import { readDocx } from "../src/server/platform/documents/testing/read-docx";
import { browserAvailability, callApiFromPage, confirmUntil, findUnit, signIn, snap, useBrowserSuite } from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-quan-tri-hoi-nghi-7q2";
const seed001 = (): ImportResult =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, "..", "test", "fixtures", "seeds", "001_f9655c538364916e.expected.json"), "utf8"));
/** The Thành ủy's manager in the README's table of demo accounts. */
const MANAGER = "vanphong.thanhuy";

const agendaTimes = (page: Page) => page.locator('[data-testid="agenda-table"] [data-testid="agenda-time"]').allTextContents();
const agendaRow = (page: Page, text: string) => page.locator('[data-testid="agenda-table"] tr', { hasText: text });

describe.skipIf(!availability.run)("a conference's agenda in a real browser (issue 9)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD, { viewport: { width: 1500, height: 1000 } });

  it("refuses a shift past the half day, adds, edits and deletes an item, prints the agenda and edits the delegate groups", async () => {
    const { page, baseUrl } = suite;
    // 1. Seed 001's draft made through the API (the import page and the 10-minute shift: e2e/conference.e2e.test.ts).
    await signIn(page, baseUrl, MANAGER, DEMO_PASSWORD);
    const issuer = await findUnit(page, "Thành ủy Hải Phòng");
    const result = { ...seed001(), number: "65-KH/TU" };
    const made = await callApiFromPage(page, "POST", "/api/plans/from-import", { result, issuerUnitId: issuer.id });
    expect(made.status).toBe(201);
    const planId = (made.body as { plan: { id: string } }).plan.id;
    const conferences = (await callApiFromPage(page, "GET", `/api/plans/${planId}/conferences`)).body as {
      conferences: Array<{ id: string }>;
    };
    await page.goto(`${baseUrl}/conferences/${conferences.conferences[0].id}`);
    expect(await page.getByTestId("conference-title").textContent()).toMatch(/^HỘI NGHỊ SƠ KẾT 1 NĂM/);
    await expect.poll(() => page.getByTestId("delegate-group").count()).toBe(5);
    await page.getByTestId("conference-tab-agenda").click();
    await page.getByTestId("agenda-table").waitFor();
    const before = ["08:00 – 08:05", "08:05 – 08:15", "08:15 – 08:35", "08:35 – 10:00", "10:00 – 10:20", "10:20 – 10:35", "10:35 – 11:00"];
    await expect.poll(() => agendaTimes(page)).toEqual(before);
    expect(await page.getByTestId("agenda-total").textContent()).toBe("Tổng thời gian: 180 phút");
    await snap(page, "conference-01-agenda");

    // 2. "1/2 ngày, dự kiến từ 08 giờ": the conference runs to 12:00. Moving «Tham luận» 65 minutes would end the
    // last item at 12:05: refused, naming it; nothing moves.
    await agendaRow(page, "Tham luận").getByTestId("agenda-move").click();
    await page.getByTestId("agenda-move-start").fill("09:40");
    await page.getByTestId("agenda-move-save").click();
    await page
      .locator(".ant-message", { hasText: "«Phát biểu kết luận và bế mạc Hội nghị» (11:40–12:05) nằm ngoài giờ hội nghị (08:00–12:00)" })
      .waitFor();
    await page.getByRole("dialog").getByRole("button", { name: "Hủy" }).click();
    await expect.poll(() => agendaTimes(page)).toEqual(before);

    // 5. An item added in the time left, edited, then deleted; each change shown at once.
    await page.getByTestId("agenda-add").click();
    await page.getByTestId("agenda-item-start").fill("11:10");
    await page.getByTestId("agenda-item-end").fill("11:20");
    await page.getByTestId("agenda-item-content").fill("Chụp ảnh lưu niệm");
    await page.getByTestId("agenda-item-save").click();
    await expect.poll(() => agendaRow(page, "Chụp ảnh lưu niệm").getByTestId("agenda-time").textContent()).toBe("11:10 – 11:20");
    await agendaRow(page, "Chụp ảnh lưu niệm").getByTestId("agenda-edit").click();
    await page.getByTestId("agenda-item-responsible").fill("Văn phòng Thành ủy");
    await page.getByTestId("agenda-item-save").click();
    await expect.poll(() => agendaRow(page, "Chụp ảnh lưu niệm").textContent()).toContain("Văn phòng Thành ủy");
    await agendaRow(page, "Chụp ảnh lưu niệm").getByTestId("agenda-delete").click();
    await confirmUntil(page, "agenda-delete-confirm", async () => (await agendaTimes(page)).length === 7);

    // 6. The printable agenda holds every row, in order, with the times as plans write them.
    const download = page.waitForEvent("download");
    await page.getByTestId("agenda-download").click();
    const file = await (await download).path();
    const docx = await readDocx(readFileSync(file));
    expect(docx.text).toContain("CHƯƠNG TRÌNH HỘI NGHỊ");
    const cells = docx.paragraphs.filter((p) => p.inTable).map((p) => p.text);
    expect(cells).toContain("08h35' - 10h00'");
    expect(cells.indexOf("Tham luận")).toBeLessThan(cells.indexOf("Khen thưởng"));

    // 7. The "Hội nghị" page lists it; a delegate group is added and dropped again in the edit form.
    await page.getByTestId("nav-conferences").click();
    await page.getByTestId("conference-link").first().waitFor();
    expect(await page.getByTestId("conference-link").allTextContents()).toContain(
      await page.getByTestId("conference-link").first().textContent(),
    );
    await page.getByTestId("conference-link").filter({ hasText: "SƠ KẾT 1 NĂM" }).first().click();
    await page.getByTestId("conference-edit").click();
    await page.getByRole("button", { name: "Thêm nhóm đại biểu" }).click();
    await page.getByRole("button", { name: "Bỏ nhóm" }).last().click();
    await page.getByRole("button", { name: "Hủy" }).click();
    await expect.poll(() => page.getByTestId("delegate-group").count()).toBe(5);
  });
});
