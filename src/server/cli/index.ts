import type { CliCommand } from "./types";

/**
 * The command registry. Commands load lazily so `kehoach dates` does not open a database
 * or import the web server.
 */
export const commands: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  serve: { summary: "Chạy máy chủ web (mặc định của npm start)", load: async () => (await import("./serve")).serveCommand },
  migrate: { summary: "Áp dụng các migration cơ sở dữ liệu", load: async () => (await import("./migrate")).migrateCommand },
  seed: { summary: "Nạp dữ liệu mẫu (--demo) hoặc dữ liệu tổng hợp (--synthetic)", load: async () => (await import("./seed")).seedCommand },
  users: { summary: "Quản lý người dùng (users create …)", load: async () => (await import("./users")).usersCommand },
  dates: {
    summary: "Đọc ngày giờ trong văn bản (mỗi dòng một văn bản, in JSON)",
    load: async () => (await import("./dates")).datesCommand,
  },
  import: {
    summary: "Đọc một kế hoạch (.docx, .txt, .md) và in cấu trúc của nó",
    load: async () => (await import("./import")).importCommand,
  },
};
