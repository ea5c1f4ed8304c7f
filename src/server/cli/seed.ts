import { count, eq } from "drizzle-orm";
import { loadConfig } from "../config";
import { openDatabase } from "../db/client";
import { units } from "../db/schema/index";
import { DEMO_PASSWORD, seedDemo } from "../db/seed/demo";
import { createAdmin } from "../db/seed/initial";
import { seedSynthetic } from "../db/seed/synthetic";
import type { CliCommand } from "./types";

const HELP = `Cách dùng: npx kehoach seed --demo
           npx kehoach seed --synthetic [--provinces 34] [--communes 3321]

Nạp dữ liệu vào cơ sở dữ liệu đang cấu hình (DATABASE_URL hoặc PGlite tại KEHOACH_DATA_DIR).

  --demo           Dữ liệu mẫu Hải Phòng (ba khối, 12 xã/phường/đặc khu, nhóm đơn vị, tài khoản mẫu
                   với mật khẩu "${DEMO_PASSWORD}") và tài khoản quản trị "admin". Chỉ chạy trên cơ sở
                   dữ liệu chưa có đơn vị nào.
  --synthetic      Cây đơn vị tổng hợp cỡ cả nước, tên giả rõ ràng ("Tỉnh Tổng hợp 01",
                   "Xã Tổng hợp 01-0097"): mỗi tỉnh UBND, Tỉnh ủy, Bộ CHQS; mỗi xã UBND, Đảng ủy, Ban CHQS.
  --provinces N    số tỉnh (1–99, mặc định 34)
  --communes N     tổng số xã, chia đều cho các tỉnh (mặc định 3321)
  --help           in hướng dẫn này
`;

function numberOption(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  if (i === -1) return fallback;
  const value = Number(argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} cần một số nguyên không âm.`);
  return value;
}

export const seedCommand: CliCommand = {
  name: "seed",
  summary: "Nạp dữ liệu mẫu (--demo) hoặc dữ liệu tổng hợp (--synthetic)",
  help: HELP,
  async run(argv, io) {
    const demo = argv.includes("--demo");
    const synthetic = argv.includes("--synthetic");
    if (demo === synthetic) {
      io.stderr.write(`Hãy chọn đúng một trong --demo hoặc --synthetic.\n\n${HELP}`);
      return 2;
    }
    let provinces: number;
    let communes: number;
    try {
      provinces = numberOption(argv, "--provinces", 34);
      communes = numberOption(argv, "--communes", 3321);
    } catch (error) {
      io.stderr.write(`${(error as Error).message}\n`);
      return 2;
    }
    if (provinces < 1 || provinces > 99) {
      io.stderr.write("--provinces phải từ 1 đến 99.\n");
      return 2;
    }
    const config = loadConfig(io.env);
    const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      await database.migrate();
      const db = database.db;
      if (demo) {
        const [{ n }] = await db.select({ n: count() }).from(units);
        if (n > 0) {
          io.stderr.write(`Cơ sở dữ liệu đã có ${n} đơn vị nên không nạp dữ liệu mẫu (chỉ nạp vào cơ sở dữ liệu trống).\n`);
          return 1;
        }
        const { rootUnitId, usernames } = await seedDemo(db);
        await createAdmin(db, rootUnitId, config.adminPassword, (line) => io.stdout.write(`${line}\n`));
        io.stdout.write(`Đã nạp dữ liệu mẫu Hải Phòng. Tài khoản mẫu (mật khẩu "${DEMO_PASSWORD}"): ${usernames.join(", ")}\n`);
        return 0;
      }
      const [taken] = await db.select({ id: units.id }).from(units).where(eq(units.name, "Ủy ban nhân dân Tỉnh Tổng hợp 01"));
      if (taken) {
        io.stderr.write("Cơ sở dữ liệu đã có dữ liệu tổng hợp (Tỉnh Tổng hợp 01); không nạp lại.\n");
        return 1;
      }
      const started = Date.now();
      const seed = await seedSynthetic(db, { provinces, communes });
      io.stdout.write(
        `Đã tạo ${seed.unitCount} đơn vị tổng hợp (${seed.provinceCount} tỉnh, ${seed.communeCount} xã) trong ${((Date.now() - started) / 1000).toFixed(1)} giây.\n`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
