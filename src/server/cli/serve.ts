import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { type Config, loadConfig } from "../config";
import { openDatabase } from "../db/client";
import { ensureInitialData } from "../db/seed/initial";
import { startServer } from "../main";
import type { CliCommand } from "./types";

export const serveCommand: CliCommand = {
  name: "serve",
  summary: "Chạy máy chủ web",
  help: `Cách dùng: npx kehoach serve

Chạy máy chủ web và giao diện. Lần đầu chạy trên cơ sở dữ liệu trống sẽ nạp dữ liệu mẫu Hải Phòng
và tạo tài khoản quản trị "admin".

Biến môi trường:
  PORT                     cổng (mặc định 3000)
  HOST                     địa chỉ lắng nghe (mặc định 0.0.0.0)
  DATABASE_URL             postgres://… để dùng PostgreSQL; bỏ trống để dùng PGlite nhúng
  KEHOACH_DATA_DIR         thư mục dữ liệu PGlite (mặc định ./data)
  KEHOACH_ADMIN_PASSWORD   mật khẩu của admin khi tạo lần đầu (bỏ trống: sinh ngẫu nhiên và in ra một lần)
`,
  async run(argv, io) {
    const config = loadConfig(io.env);
    const print = (line: string) => io.stdout.write(`${line}\n`);
    if (argv.includes(FIRST_START_FLAG)) {
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        await database.migrate();
        await ensureInitialData(database.db, { adminPassword: config.adminPassword, print });
      } finally {
        await database.close();
      }
      return 0;
    }
    if (isFirstPgliteStart(config)) {
      // Loading the demo (importing the seed plans, hashing passwords) grows the process by about 100 MB that
      // PGlite's WebAssembly memory and V8 never give back: do it in a short-lived child process, then serve
      // from a process that never held it (bench server.rss.pglite).
      const code = await new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, [...process.execArgv, process.argv[1], "serve", FIRST_START_FLAG], {
          stdio: "inherit",
          env: io.env,
        });
        child.once("error", reject);
        child.once("exit", resolve);
      });
      if (code !== 0) {
        io.stderr.write(`Không nạp được dữ liệu ban đầu (mã thoát ${code}).\n`);
        return 1;
      }
    }
    const server = await startServer(config, print);
    await new Promise<void>((resolve) => {
      const stop = () => {
        void server.close().then(resolve);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    return 0;
  },
};

/** Internal: the child process of a first start, which only migrates and loads the demo data. */
const FIRST_START_FLAG = "--first-start-load";

/** PGlite on disk with no database yet: the first start, which loads the demo data. */
function isFirstPgliteStart(config: Config): boolean {
  return !config.databaseUrl && !config.dataDir.startsWith("memory://") && !existsSync(path.join(config.dataDir, "PG_VERSION"));
}
