/**
 * `npm run bench [-- NAME…]`: runs the benchmarks in bench/*.bench.ts and writes bench/results.json as
 * { "<name>": { p50_ms, p95_ms, ops_per_s, rss_mb, samples } }. NAME selects benchmarks by exact name
 * or prefix (`import` runs import.000, import.001, import.002). Results of benchmarks not run are kept.
 *
 * A bench module exports `benches: Record<string, () => unknown>` (one operation per call, timed here) and/or
 * `reports: Record<string, () => Promise<Figures>>` (a benchmark that measures itself and reports its own figures,
 * e.g. bytes on the wire, stored as is), and may export `setup()` / `teardown()`; setup runs only when one of its
 * benchmarks is selected.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

type Operation = () => unknown;
/** Figures a benchmark reports about itself: `{ kb: 254.1, requests: 3 }`. */
export type Figures = Record<string, number>;
interface BenchModule {
  benches?: Record<string, Operation>;
  reports?: Record<string, () => Promise<Figures>>;
  /** Fewer samples for an operation that takes seconds (OCR of a page): `{ "import.ocr.page": { warmup: 1, samples: 3 } }`. */
  budgets?: Record<string, { warmup: number; samples: number }>;
  setup?: () => Promise<void> | void;
  teardown?: () => Promise<void> | void;
}
export interface BenchResult {
  p50_ms: number;
  p95_ms: number;
  ops_per_s: number;
  rss_mb: number;
  samples: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsFile = path.join(here, "results.json");
const WARMUP_MS = 500;
const MEASURE_MS = 3000;
const MAX_SAMPLES = 2000;

const round = (n: number, digits = 3) => Number(n.toFixed(digits));

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Warms up, then times single calls until the time or sample budget is spent. */
export async function measure(op: Operation, budget?: { warmup: number; samples: number }): Promise<BenchResult> {
  const warmEnd = performance.now() + (budget ? 0 : WARMUP_MS);
  let warm = 0;
  while (performance.now() < warmEnd || warm < (budget?.warmup ?? 5)) {
    await op();
    warm += 1;
  }
  const samples: number[] = [];
  const end = performance.now() + (budget ? 0 : MEASURE_MS);
  const least = budget?.samples ?? 20;
  while ((performance.now() < end || samples.length < least) && samples.length < (budget?.samples ?? MAX_SAMPLES)) {
    const t0 = performance.now();
    await op();
    samples.push(performance.now() - t0);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const total = samples.reduce((a, b) => a + b, 0);
  return {
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    ops_per_s: round((samples.length / total) * 1000, 1),
    rss_mb: round(process.memoryUsage().rss / 1024 / 1024, 1),
    samples: samples.length,
  };
}

const selected = (name: string, filters: string[]) =>
  filters.length === 0 || filters.some((f) => name === f || name.startsWith(`${f}.`) || name.startsWith(f));

async function main(filters: string[]): Promise<void> {
  const files = readdirSync(here)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort();
  const results: Record<string, BenchResult | Figures> = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : {};
  let ran = 0;
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as BenchModule;
    const benches = mod.benches ?? {};
    const reports = mod.reports ?? {};
    const names = Object.keys(benches).filter((n) => selected(n, filters));
    const reportNames = Object.keys(reports).filter((n) => selected(n, filters));
    if (names.length + reportNames.length === 0) continue;
    await mod.setup?.();
    try {
      for (const name of reportNames) {
        const figures = await reports[name]();
        results[name] = figures;
        ran += 1;
        console.log(
          `${name.padEnd(20)} ${Object.entries(figures)
            .map(([k, v]) => `${k} ${v}`)
            .join("  ")}`,
        );
        writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
      }
      for (const name of names) {
        const result = await measure(benches[name], mod.budgets?.[name]);
        results[name] = result;
        ran += 1;
        console.log(
          `${name.padEnd(20)} p50 ${result.p50_ms} ms  p95 ${result.p95_ms} ms  ${result.ops_per_s} op/s  rss ${result.rss_mb} MB`,
        );
        writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
      }
    } finally {
      await mod.teardown?.();
    }
  }
  if (ran === 0) {
    console.error(`Không có benchmark nào khớp: ${filters.join(", ")}`);
    process.exitCode = 1;
    return;
  }
  console.log(`\nĐã ghi ${path.relative(process.cwd(), resultsFile)}`);
}

await main(process.argv.slice(2).filter((a) => a !== "--"));
