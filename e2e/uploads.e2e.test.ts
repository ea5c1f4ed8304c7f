import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { docxBomb } from "../src/server/modules/obligations/upload-fixtures";
import { fileStoreOf } from "../src/server/platform/files/store";
import { browserAvailability, callApiFromPage, findUnit, signIn, signOut, snap, useBrowserSuite } from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-quan-tri-upl-7q2";
const COMMUNE = "Xã Thanh Hà";

interface Detail {
  status: string;
  submissions: Array<{ files: Array<{ id: string; fileName: string; size: number }> }>;
}

describe.skipIf(!availability.run)("uploads through the submission form (issue #7, hostile items 1 and 2)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD, { viewport: { width: 1440, height: 1000 } });

  /** Two obligations of Thanh Hà, from a plan the admin issues through the API. */
  async function twoObligations(): Promise<string[]> {
    const { page, baseUrl } = suite;
    await signIn(page, baseUrl, "admin", ADMIN_PASSWORD);
    const unit = await findUnit(page, COMMUNE);
    const plan = await callApiFromPage(page, "POST", "/api/plans", { issuerUnitId: unit.id, title: "Kế hoạch thử tải tệp" });
    expect(plan.status).toBe(201);
    const planId = (plan.body as { id: string }).id;
    for (const what of ["Nộp báo cáo dài kèm tệp lớn", "Nộp bản Word"])
      expect(
        (
          await callApiFromPage(page, "POST", `/api/plans/${planId}/tasks`, {
            what,
            deliverable: "report",
            target: { unitIds: [unit.id] },
            dueDate: "2099-06-30",
            dueTime: null,
          })
        ).status,
      ).toBe(201);
    const version = ((await callApiFromPage(page, "GET", `/api/plans/${planId}`)).body as { version: number }).version;
    expect((await callApiFromPage(page, "POST", `/api/plans/${planId}/issue`, { version })).status).toBe(200);
    await signOut(page);
    await signIn(page, baseUrl, "ubnd.thanhha", "kehoach-demo");
    const work = (await callApiFromPage(page, "GET", "/api/my-work")).body as { items: Array<{ obligationId: string }> };
    const ids: string[] = [];
    for (const item of work.items) {
      const detail = (await callApiFromPage(page, "GET", `/api/obligations/${item.obligationId}`)).body as { planId: string };
      if (detail.planId === planId) ids.push(item.obligationId);
    }
    expect(ids).toHaveLength(2);
    return ids;
  }

  const detail = async (id: string) => (await callApiFromPage(suite.page, "GET", `/api/obligations/${id}`)).body as Detail;

  it("takes a 15 MB file while the page stays usable, and refuses a zip bomb with the Vietnamese message, storing nothing", async () => {
    const { page, baseUrl, app } = suite;
    const [bigOne, bombOne] = await twoObligations();

    // 1. A 15 MB PDF: while it uploads, the page still answers (another request of the app returns).
    await page.goto(`${baseUrl}/obligations/${bigOne}`);
    await page.getByTestId("submit-text").fill("Báo cáo kèm bản quét 15 MB.");
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(15 * 1024 * 1024)]);
    await page
      .getByTestId("submit-form")
      .locator('input[type="file"]')
      .setInputFiles({ name: "ban-quet.pdf", mimeType: "application/pdf", buffer: big });
    const answered = page.waitForResponse((r) => r.url().includes(`/api/obligations/${bigOne}/submissions`));
    await page.getByTestId("submit-send").click();
    const meanwhile = await callApiFromPage(page, "GET", "/api/my-work");
    expect(meanwhile.status).toBe(200);
    expect((await answered).status()).toBe(201);
    await expect.poll(() => page.getByTestId("obligation-status").getAttribute("data-status")).toBe("submitted");
    const stored = (await detail(bigOne)).submissions[0].files[0];
    expect(stored).toMatchObject({ fileName: "ban-quet.pdf", size: big.length });
    await snap(page, "uploads-01-large-file-submitted");

    // 2. A .docx whose headers claim 13 bytes and that inflates to 300 MB: refused, said in Vietnamese, nothing kept.
    await page.goto(`${baseUrl}/obligations/${bombOne}`);
    await page.getByTestId("submit-text").fill("Báo cáo bản Word.");
    await page
      .getByTestId("submit-form")
      .locator('input[type="file"]')
      .setInputFiles({
        name: "bao-cao.docx",
        mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        buffer: docxBomb(300, { honest: false }),
      });
    await page.getByTestId("submit-send").click();
    await page.getByTestId("submit-error").waitFor();
    expect(await page.getByTestId("submit-error").textContent()).toMatch(/bom nén/);
    await snap(page, "uploads-02-zip-bomb-refused");
    const after = await detail(bombOne);
    expect(after.status).toBe("open");
    expect(after.submissions).toHaveLength(0);
    // Nothing left in the upload directory either.
    if (!app) throw new Error("server not started");
    const store = await fileStoreOf(app.server.database);
    expect(readdirSync(store.tempDir).filter((n) => n.endsWith(".part"))).toEqual([]);
  });
});
