import { loadConfig } from "../config";
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
  async run(_argv, io) {
    const config = loadConfig(io.env);
    const server = await startServer(config, (line) => io.stdout.write(`${line}\n`));
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
