import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/server/db/seed/demo";
import { realDocx } from "../src/server/modules/obligations/upload-fixtures";
import { browserAvailability, callApiFromPage, signIn, signOut, snap, useBrowserSuite } from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-quan-tri-hoi-nghi-xa-4k8";
/** README's accounts: the city's clerk organises the communes' conferences; Đông Hải holds its own. */
const CLERK = "chuyenvien.ubnd";
const COMMUNE = "ubnd.donghai";
/** A 1×1 PNG: the photo of the conference. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

describe.skipIf(!availability.run)("a conference each commune holds itself, in a real browser (issue 9)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD, { viewport: { width: 1400, height: 1000 } });

  it("the commune reports when, how many and where with its minutes and a photo; the organiser sees it held, with totals", async () => {
    const { page, baseUrl } = suite;
    // 1. Đông Hải opens its "conference held" obligation: the form asks for the date, time, attendance and venue.
    await signIn(page, baseUrl, COMMUNE, DEMO_PASSWORD);
    const work = (await callApiFromPage(page, "GET", "/api/my-work")).body as { items: Array<{ obligationId: string }> };
    let obligationId = "";
    for (const item of work.items) {
      const detail = (await callApiFromPage(page, "GET", `/api/obligations/${item.obligationId}`)).body as { deliverable: string };
      if (detail.deliverable === "conference") obligationId = item.obligationId;
    }
    expect(obligationId).not.toBe("");
    await page.goto(`${baseUrl}/obligations/${obligationId}`);
    await page.getByTestId("held-fields").waitFor();
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId("submit-text").fill("Biên bản và ảnh hội nghị sơ kết của phường.");
    await page.getByTestId("held-date").fill(yesterday);
    await page.getByTestId("held-time").fill("08:00");
    await page.getByTestId("held-attendance").fill("45");
    await page.getByTestId("held-venue").fill("Hội trường UBND phường Đông Hải");
    await page
      .getByTestId("submit-form")
      .locator('input[type="file"]')
      .setInputFiles([
        {
          name: "bien-ban.docx",
          mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          buffer: await realDocx("Biên bản"),
        },
        { name: "anh-hoi-nghi.png", mimeType: "image/png", buffer: PNG },
      ]);
    await snap(page, "conference-held-01-form");
    await page.getByTestId("submit-send").click();
    await expect.poll(() => page.getByTestId("obligation-status").getAttribute("data-status")).toBe("submitted");
    await signOut(page);

    // 2. The city's clerk opens the communes' conference: Đông Hải held it, 45 attended, its evidence one click away.
    await signIn(page, baseUrl, CLERK, DEMO_PASSWORD);
    await page.getByTestId("nav-conferences").click();
    await page.getByTestId("conference-link").filter({ hasText: "Hội nghị sơ kết 6 tháng" }).first().click();
    await page.getByTestId("conference-tab-held").click();
    await page.getByTestId("held-table").waitFor();
    await expect.poll(() => page.getByTestId("held-total").getAttribute("data-value")).toMatch(/^1\/\d+$/);
    expect(await page.getByTestId("held-attendance-total").textContent()).toContain("45");
    const row = page.locator('[data-testid="held-table"] tr', { hasText: "Đông Hải" });
    expect(await row.getByTestId("held-status").textContent()).toContain("Đã tổ chức");
    expect(await row.textContent()).toContain("Hội trường UBND phường Đông Hải");
    await snap(page, "conference-held-02-organiser");
    await row.getByTestId("held-unit").click();
    await page.waitForURL(/\/obligations\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText("anh-hoi-nghi.png").count()).toBeGreaterThan(0);
  });
});
