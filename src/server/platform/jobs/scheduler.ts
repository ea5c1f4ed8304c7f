import type { Db } from "../../db/client";

/** What a job's run function receives on each tick. */
export interface JobContext {
  db: Db;
  now: Date;
  log: (message: string, error?: unknown) => void;
}

/**
 * A background job a module registers (`modules/index.ts` lists them): a name for the logs, how often it runs,
 * and the work. The platform knows no module; a job must be safe when several processes on one PostgreSQL run
 * it at the same moment (claim rows by primary key or `FOR UPDATE SKIP LOCKED`, never by "I am the only one").
 *
 * @example
 *   const job: Job = { name: "nhắc hạn", intervalMs: 60_000, run: ({ db, now }) => runReminders(db, now) };
 */
export interface Job {
  name: string;
  intervalMs: number;
  run(ctx: JobContext): Promise<void>;
}

export interface JobsOptions {
  db: Db;
  jobs: readonly Job[];
  log: (message: string, error?: unknown) => void;
  /** The first tick of every job, after start (ms); default 1 s. */
  firstDelayMs?: number;
}

export interface RunningJobs {
  /** Stops the timers and waits for the ticks in progress to finish. */
  stop(): Promise<void>;
  /** Runs one job now (unless a tick of it is in progress) and waits for it; for tests and the CLI. */
  runNow(name: string): Promise<void>;
}

/**
 * Runs each registered job on its own interval. Ticks of one job never overlap in one process; a failing tick
 * is logged and the job tries again at the next one.
 */
export function startJobs({ db, jobs, log, firstDelayMs = 1_000 }: JobsOptions): RunningJobs {
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`job registered twice: ${job.name}`);
    names.add(job.name);
  }
  let stopped = false;
  const running = new Map<string, Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  const trigger = (job: Job): Promise<void> => {
    const current = running.get(job.name);
    if (current !== undefined) return current;
    if (stopped) return Promise.resolve();
    const tick = job
      .run({ db, now: new Date(), log })
      .catch((error: unknown) => log(`${job.name}: lỗi khi chạy, sẽ thử lại ở lượt sau`, error))
      .finally(() => running.delete(job.name));
    running.set(job.name, tick);
    return tick;
  };
  for (const job of jobs) {
    const first = setTimeout(() => void trigger(job), firstDelayMs);
    const every = setInterval(() => void trigger(job), job.intervalMs);
    first.unref();
    every.unref();
    timers.push(first, every);
  }
  return {
    stop: async () => {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await Promise.all(running.values());
    },
    runNow: async (name) => {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no such job: ${name}`);
      await trigger(job);
    },
  };
}
