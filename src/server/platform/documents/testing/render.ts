import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** True when LibreOffice can be called (`soffice` on the PATH). */
export async function hasSoffice(): Promise<boolean> {
  try {
    await run("soffice", ["--version"], { timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Renders a .docx the way a reader sees it: LibreOffice headless → PDF, then page 1 → PNG (pdftoppm, 110 dpi).
 * Writes the PNG to `pngPath` and returns the number of pages of the PDF.
 */
export async function renderFirstPage(docx: Buffer, pngPath: string): Promise<{ pages: number; pdfPath: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "kehoach-render-"));
  try {
    const input = path.join(dir, "document.docx");
    writeFileSync(input, docx);
    // A private profile lets parallel test runs call soffice without fighting over one lock.
    const profile = `file://${path.join(dir, "profile")}`;
    await run("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, input], {
      timeout: 180_000,
    });
    const pdf = path.join(dir, "document.pdf");
    const info = await run("pdfinfo", [pdf]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? 0);
    const stem = path.join(dir, "page");
    await run("pdftoppm", ["-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", pdf, stem]);
    copyFileSync(`${stem}.png`, pngPath);
    const keptPdf = pngPath.replace(/\.png$/, ".pdf");
    copyFileSync(pdf, keptPdf);
    return { pages, pdfPath: keptPdf };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
