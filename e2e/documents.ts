/**
 * What browser tests do with the files a page hands out: press a download button and read the file, open a PDF as
 * pdf.js reads it, and render a PDF's first page as a PNG in e2e/artifacts for a person to look at.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { artifactsDir } from "./support";

/** Presses the first `testId` inside `within` (the whole page unless given) and reads the file it downloads. */
export async function downloaded(page: Page, testId: string, within: Locator = page.locator("body")): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), within.getByTestId(testId).first().click()]);
  return readFileSync(await download.path());
}

/** A PDF as pdf.js reads it: its page count, each page's size. */
export async function openPdf(pdf: Buffer) {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  return getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
}

/**
 * Saves `pdf` as e2e/artifacts/<pdfName> and its first page at `dpi` as e2e/artifacts/<pngName>.png (with poppler's
 * pdftoppm), and returns the PNG's path.
 */
export function firstPageAsPng(pdf: Buffer, pdfName: string, pngName: string, dpi: number): string {
  const pdfPath = join(artifactsDir, pdfName);
  writeFileSync(pdfPath, pdf);
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", pdfPath, join(artifactsDir, pngName)]);
  return join(artifactsDir, `${pngName}.png`);
}
