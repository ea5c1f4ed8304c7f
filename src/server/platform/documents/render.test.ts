import { mkdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPlanDocx } from "./plan";
import { hasSoffice, renderFirstPage } from "./testing/render";
import { seed000, seed001, urgingLetter } from "./testing/seed-documents";
import { buildUrgingLetterDocx } from "./urging-letter";

const artifacts = fileURLToPath(new URL("../../../../e2e/artifacts/", import.meta.url));

describe("official documents rendered by LibreOffice", () => {
  let available = false;
  beforeAll(async () => {
    available = await hasSoffice();
    if (!available && process.env.CI === "true")
      throw new Error("soffice is required on CI (apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation)");
    if (!available)
      console.log("render tests skipped: soffice not installed (apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation)");
    mkdirSync(artifacts, { recursive: true });
  });

  const cases = [
    ["plan-state-page1.png", () => buildPlanDocx(seed000)],
    ["plan-party-page1.png", () => buildPlanDocx(seed001)],
    ["urging-letter-page1.png", () => buildUrgingLetterDocx(urgingLetter)],
  ] as const;

  for (const [file, build] of cases) {
    it(`renders page 1 of ${file.replace("-page1.png", "")} to e2e/artifacts/${file}`, async (ctx) => {
      if (!available) return ctx.skip();
      const { pages } = await renderFirstPage(await build(), `${artifacts}${file}`);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(statSync(`${artifacts}${file}`).size).toBeGreaterThan(10_000);
    }, 240_000);
  }
});
