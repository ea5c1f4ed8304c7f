// Prints vitest's totals as one plain "N passed, N failed, N skipped" line for CI logs.
import { existsSync, readFileSync } from "node:fs";

const file = "test-results.json";
if (!existsSync(file)) {
  console.log("tests: no result file (the suite did not run to the end)");
  process.exit(1);
}
const r = JSON.parse(readFileSync(file, "utf8"));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
