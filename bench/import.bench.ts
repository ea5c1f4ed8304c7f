/**
 * The plan importer on the three seed plans (one import per call, from text already in memory) and the
 * date reader on one line at a time, cycling through every non-empty line of the three seeds.
 * Target: under 20 ms per import. `npm run bench -- import` / `npm run bench -- dates.line`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readDates } from "../src/domain/dates/index";
import { readPlanText } from "../src/domain/importer/index";

const seedDir = fileURLToPath(new URL("../test/fixtures/seeds/", import.meta.url));
const seed = (name: string) => readFileSync(`${seedDir}${name}.txt`, "utf8");
const texts = {
  "000": seed("000_558bad5328212af2"),
  "001": seed("001_f9655c538364916e"),
  "002": seed("002_7b647e67f44d3843"),
};
const lines = Object.values(texts).flatMap((t) => t.split("\n").filter((l) => l.trim()));
let next = 0;

export const benches: Record<string, () => unknown> = {
  "import.000": () => readPlanText(texts["000"]),
  "import.001": () => readPlanText(texts["001"]),
  "import.002": () => readPlanText(texts["002"]),
  "dates.line": () => readDates(lines[next++ % lines.length], { year: 2026 }),
};
