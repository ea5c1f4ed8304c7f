import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { type Job, startJobs } from "./scheduler";

const db = {} as Db;
const platformDir = fileURLToPath(new URL("..", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sourceFiles(path.join(dir, d.name))
      : d.name.endsWith(".ts") && !d.name.endsWith(".test.ts")
        ? [path.join(dir, d.name)]
        : [],
  );
}

describe("the job registry", () => {
  it("runs the jobs modules register, never two ticks of one job at once, and logs a failing tick", async () => {
    let concurrent = 0;
    let most = 0;
    let runs = 0;
    let release: () => void = () => undefined;
    const slow: Job = {
      name: "chậm",
      intervalMs: 3_600_000,
      run: async () => {
        runs += 1;
        concurrent += 1;
        most = Math.max(most, concurrent);
        await new Promise<void>((resolve) => (release = resolve));
        concurrent -= 1;
      },
    };
    const failing: Job = { name: "hỏng", intervalMs: 3_600_000, run: async () => Promise.reject(new Error("boom")) };
    const logged: string[] = [];
    const jobs = startJobs({ db, jobs: [slow, failing], log: (m) => logged.push(m), firstDelayMs: 3_600_000 });
    const a = jobs.runNow("chậm");
    const b = jobs.runNow("chậm");
    await Promise.resolve();
    release();
    await Promise.all([a, b]);
    expect(runs).toBe(1);
    expect(most).toBe(1);
    await jobs.runNow("hỏng");
    expect(logged).toEqual(["hỏng: lỗi khi chạy, sẽ thử lại ở lượt sau"]);
    await expect(jobs.runNow("không có")).rejects.toThrow("no such job");
    await jobs.stop();
  });

  it("refuses two jobs with one name", () => {
    const job: Job = { name: "x", intervalMs: 1000, run: async () => undefined };
    expect(() => startJobs({ db, jobs: [job, job], log: () => undefined })).toThrow("job registered twice: x");
  });

  it("keeps the platform free of module imports (tests aside)", () => {
    const offenders = sourceFiles(platformDir).filter((f) => /from\s+"(\.\.\/)+modules\//.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(platformDir, f))).toEqual([]);
  });
});
