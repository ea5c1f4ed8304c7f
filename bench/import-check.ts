/**
 * A quick stand-alone look at bench/import.bench.ts without the full runner:
 * `npx tsx bench/import-check.ts` runs each operation 200 times after a warm-up and prints median and p95.
 */
import { benches } from "./import.bench";

const RUNS = 200;
for (const [name, op] of Object.entries(benches)) {
  for (let k = 0; k < 20; k++) op();
  const samples: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    op();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)].toFixed(3);
  console.log(`${name.padEnd(12)} median ${at(50)} ms   p95 ${at(95)} ms   (${RUNS} runs)`);
}
