/**
 * The importer measured on real plans it was not written from: the beginnings of 21 plans published by
 * other issuers (provincial and commune UBND, Party committees, mass organisations), each stored with its
 * source address (test/fixtures/corpus/*.source) and hand-labelled in labels.json. The score is the share
 * of labelled fields read right, with every field the importer invents counted as an error; it is printed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../contracts/importer";
import { nameKey } from "../text/vietnamese";
import { readPlanText } from "./index";

type Basis = [string | null, string | null, string | null];
interface Label {
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
  title: string;
  legalBases: Basis[];
  deadlines?: Array<[string, string[]]>;
  taskUnits?: string[];
  signer?: { authority?: string; name?: string };
}

const dir = join(process.cwd(), "test/fixtures/corpus");
const labels = JSON.parse(readFileSync(join(dir, "labels.json"), "utf8")) as Record<string, Label | string>;
const plans = Object.entries(labels).filter((e): e is [string, Label] => typeof e[1] !== "string");

const key = (s: string | null | undefined) => (s == null ? null : nameKey(s.replace(/\s+/gu, " ")));
const num = (s: string | null | undefined) => (s == null ? null : s.replace(/\s+/gu, "").toUpperCase());

interface Score {
  right: number;
  total: number;
  misses: string[];
}

/** Scores one plan: each labelled field is a point; each invented basis, deadline, task or list item costs one. */
function scorePlan(label: Label, r: ImportResult): Score {
  const s: Score = { right: 0, total: 0, misses: [] };
  const point = (ok: boolean, what: string) => {
    s.total++;
    if (ok) s.right++;
    else s.misses.push(what);
  };
  point(num(r.number) === num(label.number), `number ${r.number} ≠ ${label.number}`);
  point(r.issuedOn === label.issuedOn, `date ${r.issuedOn} ≠ ${label.issuedOn}`);
  point(key(r.issuer) === key(label.issuer), `issuer "${r.issuer}" ≠ "${label.issuer}"`);
  point(key(r.title) === key(label.title), `title "${r.title}" ≠ "${label.title}"`);
  const found = r.legalBases.map((b) => ({ b, used: false }));
  for (const [n, d, who] of label.legalBases) {
    const hit = found.find(
      (f) =>
        !f.used &&
        num(f.b.documentNumber) === num(n) &&
        f.b.documentDate === d &&
        (who === null || (key(f.b.issuer) ?? "").startsWith(key(who) ?? "")),
    );
    if (hit) hit.used = true;
    point(!!hit, `basis ${n} ${d} ${who}`);
  }
  for (const f of found) if (!f.used) point(false, `invented basis ${f.b.documentNumber} ${f.b.documentDate} ${f.b.issuer}`);
  const deadlines = label.deadlines ?? [];
  const dl = r.deadlines.map((d) => ({ d, used: false }));
  for (const [due, units] of deadlines) {
    const hit = dl.find((x) => !x.used && x.d.due === due && x.d.units.map(key).join("|") === units.map(key).join("|"));
    if (hit) hit.used = true;
    point(!!hit, `deadline ${due} ${units.join(", ")}`);
  }
  for (const x of dl) if (!x.used) point(false, `invented deadline ${x.d.due} ${x.d.units.join(", ")}`);
  const units = new Set((label.taskUnits ?? []).map(key));
  const taskUnits = new Set(r.tasks.map((t) => key(t.unit)));
  for (const u of units) point(taskUnits.has(u), `task unit ${u}`);
  for (const u of taskUnits) if (!units.has(u)) point(false, `invented task unit ${u}`);
  for (const c of r.conferences) point(false, `invented conference ${c.title}`);
  for (const sp of r.speeches) point(false, `invented speech ${sp.topic}`);
  for (const rc of r.recipients) point(false, `invented recipient ${rc}`);
  for (const a of r.annexes) point(false, `invented annex ${a.title}`);
  if (label.signer?.authority) point(key(r.signer.authority) === key(label.signer.authority), `signer ${r.signer.authority}`);
  if (label.signer?.name) point(key(r.signer.name) === key(label.signer.name), `signer ${r.signer.name}`);
  return s;
}

describe("importer on a corpus of real plans by other issuers", () => {
  it("holds at least 20 real plans, each with its source address", () => {
    expect(plans.length).toBeGreaterThanOrEqual(20);
    for (const [id] of plans) expect(readFileSync(join(dir, `${id}.source`), "utf8")).toMatch(/^https?:\/\/\S+\n$/u);
  });

  it("reads at least 95% of the labelled fields right (score printed)", () => {
    let right = 0;
    let total = 0;
    const lines: string[] = [];
    for (const [id, label] of plans) {
      const s = scorePlan(label, readPlanText(readFileSync(join(dir, `${id}.txt`), "utf8")));
      right += s.right;
      total += s.total;
      lines.push(`${id.padEnd(30)} ${s.right}/${s.total}${s.misses.length ? `  — ${s.misses.join("; ")}` : ""}`);
    }
    const score = right / total;
    console.log(`${lines.join("\n")}\nCorpus score: ${right}/${total} = ${score.toFixed(3)}`);
    expect(score).toBeGreaterThanOrEqual(0.95);
  });
});
