import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "e2e/**/*.test.ts", "bench/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // A browser test walks a whole flow; on two busy cores with a sibling browser test one took 70 s. The bound stops
    // a hang, it asserts no speed.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // expect.poll waits for what a page or a job will show; 1 s (the default) is too short on a busy 2-core machine.
    // It bounds a wait, it asserts no speed.
    expect: { poll: { timeout: 20_000 } },
    pool: "forks",
    // Two cores and ~300 MB per PGlite instance: keep parallelism modest.
    maxWorkers: 2,
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
  },
});
