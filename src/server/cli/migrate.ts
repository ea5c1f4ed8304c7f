import { loadConfig } from "../config";
import { openDatabase } from "../db/client";
import type { CliCommand } from "./types";

export const migrateCommand: CliCommand = {
  name: "migrate",
  summary: "Áp dụng các migration cơ sở dữ liệu",
  help: `Cách dùng: npx kehoach migrate

Áp dụng các migration còn thiếu vào cơ sở dữ liệu đang cấu hình (DATABASE_URL hoặc PGlite tại
KEHOACH_DATA_DIR, mặc định ./data). Máy chủ cũng tự làm việc này khi khởi động.
`,
  async run(_argv, io) {
    const config = loadConfig(io.env);
    const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      await database.migrate();
      io.stdout.write(`Đã áp dụng migration (${database.kind}).\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
