import { readdirSync, readFileSync } from "node:fs";
import { readPlanText } from "./src/domain/importer";
const dir = "test/fixtures/corpus";
for (const f of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
  if (process.argv[2] && !f.startsWith(process.argv[2])) continue;
  const r = readPlanText(readFileSync(`${dir}/${f}`, "utf8"));
  console.log(`== ${f}`);
  console.log(JSON.stringify({ n: r.number, d: r.issuedOn, i: r.issuer, t: r.title, lb: r.legalBases.map((b) => [b.documentNumber, b.documentDate, b.issuer]), dl: r.deadlines.map((d) => [d.due, d.units]), tasks: r.tasks.map((t) => t.unit), conf: r.conferences.length, sp: r.speeches.length, rec: r.recipients, sig: r.signer.name, ann: r.annexes.map((a) => a.title) }, null, 0));
}
