/**
 * The importer measured on real plans it was not written from: the beginnings of 21 plans published by
 * other issuers (provincial and commune UBND, Party committees, mass organisations), each stored with its
 * source address (test/fixtures/corpus/*.source) and hand-labelled in labels.json. The score is the share
 * of labelled fields read right, with every field the importer invents counted as an error; it is printed.
 * Five of the texts are also rendered to PDF by LibreOffice and read back from the PDF.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusDir, PDF_PLANS, plans, scorePlan, total } from "../../../test/fixtures/corpus/score";
import { haveTools, wordPdf } from "../../../test/fixtures/pdf/make";
import { importPlan, readPlanText } from "./index";

const text = (id: string) => readFileSync(join(corpusDir, `${id}.txt`), "utf8");

describe("importer on a corpus of real plans by other issuers", () => {
  it("holds at least 20 real plans, each with its source address", () => {
    expect(plans.length).toBeGreaterThanOrEqual(20);
    for (const [id] of plans) expect(readFileSync(join(corpusDir, `${id}.source`), "utf8")).toMatch(/^https?:\/\/\S+\n$/u);
  });

  it("reads at least 95% of the labelled fields right (score printed)", () => {
    const lines: string[] = [];
    const scores = plans.map(([id, label]) => {
      const s = scorePlan(label, readPlanText(text(id)));
      lines.push(`${id.padEnd(30)} ${s.right}/${s.total}${s.misses.length ? `  — ${s.misses.join("; ")}` : ""}`);
      return s;
    });
    const t = total(scores);
    console.log(`${lines.join("\n")}\nCorpus score (text): ${t.right}/${t.total} = ${t.score.toFixed(3)}`);
    expect(t.score).toBeGreaterThanOrEqual(0.95);
  });

  it.skipIf(!haveTools())(
    "reads the same fields from PDFs of five of them (laid out in Word format, rendered by LibreOffice) (score printed)",
    async () => {
      const scores = [];
      for (const id of PDF_PLANS) {
        const label = plans.find(([p]) => p === id)![1];
        const r = await importPlan({ fileName: `${id}.pdf`, content: await wordPdf(join(corpusDir, `${id}.txt`)) });
        const s = scorePlan(label, r);
        if (s.misses.length) console.log(`${id} (PDF): ${s.misses.join("; ")}`);
        scores.push(s);
      }
      const t = total(scores);
      console.log(`Corpus score (text PDF, ${PDF_PLANS.length} plans): ${t.right}/${t.total} = ${t.score.toFixed(3)}`);
      expect(t.score).toBeGreaterThanOrEqual(0.95);
    },
    180_000,
  );
});
