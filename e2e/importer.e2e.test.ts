import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { scanPages, textPdf } from "../test/fixtures/pdf/make";
import { browserAvailability, signIn, snap, useBrowserSuite } from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-nhap-pdf-7q2";
const SEED_DOCX = resolve(import.meta.dirname, "..", "test", "fixtures", "seeds", "000_558bad5328212af2.docx");

function haveOcr(): boolean {
  try {
    return /^vie$/mu.test(execFileSync("tesseract", ["--list-langs"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }));
  } catch {
    return false;
  }
}

/** Uploads one file on the import page and waits for the review with the text it was read from. */
async function upload(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page
    .locator('[data-testid="import-upload"] input[type="file"], input[type="file"][accept*=".pdf"]')
    .first()
    .setInputFiles({ name, mimeType, buffer });
  await page.getByTestId("import-source").waitFor({ timeout: 120_000 });
}

describe.skipIf(!availability.run)("the import page reads PDF and scans (issue #11)", () => {
  beforeAll(() => {
    if (!haveOcr() && process.env.CI === "true") throw new Error("CI must install tesseract-ocr and tesseract-ocr-vie.");
  });
  const suite = useBrowserSuite(ADMIN_PASSWORD, { viewport: { width: 1500, height: 1000 } });

  it("accepts a PDF and shows its text with the highlights, then a scanned page read by OCR", async () => {
    const { page, baseUrl } = suite;
    await signIn(page, baseUrl, "admin", ADMIN_PASSWORD);
    await page.getByTestId("nav-importPlan").click();
    const accept = await page.locator('input[type="file"]').first().getAttribute("accept");
    expect(accept?.split(",")).toEqual(expect.arrayContaining([".pdf", ".png", ".jpg", ".docx"]));

    // 1. A text PDF (what Word or an e-office system exports).
    const pdf = textPdf(SEED_DOCX);
    await upload(page, "ke-hoach-03.pdf", "application/pdf", pdf);
    const source = page.getByTestId("import-source");
    expect(await source.textContent()).toContain("VI. TỔ CHỨC THỰC HIỆN");
    expect(await page.getByTestId("import-field-number").inputValue()).toBe("03/KH-BCH");
    const marks = source.locator("mark");
    expect(await marks.count()).toBeGreaterThan(10);
    // A highlight opens its field, like for any other source.
    await marks.first().click();
    await page.locator(".kh-field-active").first().waitFor();
    await snap(page, "importer-01-pdf");

    // 2. A scanned page (a JPEG from a scanner) goes through OCR and the same review.
    await page.getByTestId("import-another").click();
    if (!haveOcr()) return; // only outside CI: the machine has no Vietnamese OCR
    const [firstPage] = scanPages(pdf, "e2e-000");
    await upload(page, "trang-1.jpg", "image/jpeg", firstPage);
    expect(await page.getByTestId("import-field-number").inputValue()).toBe("03/KH-BCH");
    expect(await page.getByText("nhận dạng chữ (OCR)", { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId("import-source").locator("mark").count()).toBeGreaterThan(3);
    expect(await page.getByTestId("import-source").textContent()).toContain("Căn cứ Kết luận số 137-KL/TW");
    await snap(page, "importer-02-scan");
  }, 240_000);
});
