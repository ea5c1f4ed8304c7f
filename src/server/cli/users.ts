import { parseArgs } from "node:util";
import { NewPassword, Role, Username } from "../../contracts/people";
import { loadConfig } from "../config";
import { openDatabase } from "../db/client";
import { describeCandidate, lookUpUnit } from "../modules/organisations/unit-lookup";
import { provisionUser } from "../modules/people/service";
import { AppError } from "../platform/errors";
import { InputAborted, readHiddenLines } from "./hidden-input";
import type { CliCommand, CliIO } from "./types";

const CREATE_HELP = `Cách dùng: npx kehoach users create --username TÊN --unit ĐƠN_VỊ --role VAI_TRÒ [--full-name "Họ và tên"]

Tạo một người dùng thuộc ĐƠN_VỊ và cấp VAI_TRÒ trên chính đơn vị đó (áp dụng cho cả các đơn vị cấp dưới).

Tuỳ chọn:
  --username TÊN       tên đăng nhập: 3–64 ký tự a-z, 0-9, dấu . _ - (chữ hoa được đổi thành chữ thường)
  --unit ĐƠN_VỊ        mã đơn vị, hoặc đúng tên / tên viết tắt của đơn vị (không phân biệt hoa thường,
                       "uỷ" và "ủy" như nhau); nếu trùng hoặc không thấy, lệnh liệt kê các đơn vị gần đúng
  --role VAI_TRÒ       admin | manager | member | viewer
  --full-name "…"      họ và tên (mặc định: tên đăng nhập)

Mật khẩu lấy từ biến môi trường KEHOACH_PASSWORD; nếu không có và đang chạy trong cửa sổ dòng lệnh,
lệnh hỏi mật khẩu hai lần (không hiện ký tự). Cơ sở dữ liệu: DATABASE_URL hoặc PGlite tại KEHOACH_DATA_DIR
(mặc định ./data); migration được áp dụng trước.

Ví dụ:
  KEHOACH_PASSWORD='…' npx kehoach users create --username vanthu.anlao --unit "UBND xã An Lão" --role manager --full-name "Nguyễn Thị Hoa"
`;

const HELP = `Cách dùng: npx kehoach users <lệnh con> [tuỳ chọn]

Lệnh con:
  create    tạo người dùng và cấp vai trò trên đơn vị của họ

${CREATE_HELP}`;

class CliFailure extends Error {}

function fail(message: string): never {
  throw new CliFailure(message);
}

export const usersCommand: CliCommand = {
  name: "users",
  summary: "Quản lý người dùng (users create …)",
  help: HELP,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === "--help" || sub === "-h" || sub === "help") {
      (sub === undefined ? io.stderr : io.stdout).write(HELP);
      return sub === undefined ? 1 : 0;
    }
    if (sub !== "create") {
      io.stderr.write(`Lệnh con không tồn tại: ${sub}\n\n${HELP}`);
      return 1;
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout.write(CREATE_HELP);
      return 0;
    }
    try {
      await createFromCli(rest, io);
      return 0;
    } catch (error) {
      if (error instanceof CliFailure || error instanceof AppError) {
        io.stderr.write(`${error.message}\n`);
        return 1;
      }
      if (error instanceof InputAborted) {
        io.stderr.write("Đã huỷ, chưa tạo người dùng.\n");
        return 1;
      }
      throw error;
    }
  },
};

function parseCreate(argv: string[]) {
  let values: Partial<Record<"username" | "unit" | "role" | "full-name", string>> = {};
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        username: { type: "string" },
        unit: { type: "string" },
        role: { type: "string" },
        "full-name": { type: "string" },
      },
    }));
  } catch (error) {
    fail(`Tuỳ chọn không hợp lệ: ${(error as Error).message}\nXem: npx kehoach users create --help`);
  }
  const missing = (["username", "unit", "role"] as const).filter((k) => !values[k]);
  if (missing.length > 0) fail(`Thiếu tuỳ chọn: ${missing.map((k) => `--${k}`).join(", ")}. Xem: npx kehoach users create --help`);
  const username = Username.safeParse(values.username);
  if (!username.success) fail(username.error.issues[0].message);
  const role = Role.safeParse(values.role);
  if (!role.success) fail(`Vai trò "${values.role}" không hợp lệ. Hãy dùng một trong: admin, manager, member, viewer.`);
  const fullName = values["full-name"]?.trim() || username.data;
  return { username: username.data, unit: values.unit as string, role: role.data, fullName };
}

async function readPassword(io: CliIO): Promise<string> {
  const fromEnv = io.env.KEHOACH_PASSWORD;
  const password = fromEnv
    ? fromEnv
    : await (async () => {
        const [first, again] = await readHiddenLines(io, ["Mật khẩu: ", "Nhập lại mật khẩu: "]);
        if (first !== again) fail("Hai lần nhập mật khẩu không khớp. Hãy chạy lại lệnh.");
        return first;
      })();
  const checked = NewPassword.safeParse(password);
  if (!checked.success) fail(checked.error.issues[0].message);
  return password;
}

async function createFromCli(argv: string[], io: CliIO): Promise<void> {
  const options = parseCreate(argv);
  if (!io.env.KEHOACH_PASSWORD && !io.stdin.isTTY) {
    fail("Không có mật khẩu: hãy đặt biến môi trường KEHOACH_PASSWORD, hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập mật khẩu.");
  }
  const config = loadConfig(io.env);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    const found = await lookUpUnit(database.db, options.unit);
    if (found.kind === "ambiguous") {
      fail(
        `Có ${found.candidates.length} đơn vị trùng tên "${options.unit}". Hãy dùng mã đơn vị (--unit <mã>):\n${found.candidates.map(describeCandidate).join("\n")}`,
      );
    }
    if (found.kind === "missing") {
      const hint =
        found.candidates.length > 0
          ? ` Các đơn vị gần đúng:\n${found.candidates.map(describeCandidate).join("\n")}`
          : " Hãy kiểm tra lại tên hoặc dùng mã đơn vị.";
      fail(`Không tìm thấy đơn vị "${options.unit}".${hint}`);
    }
    const password = await readPassword(io);
    const { unit } = found;
    const created = await provisionUser(database.db, {
      // "(cli)" cannot be a username, so the audit log never confuses the operator with a user.
      by: { userId: "", username: "(cli)" },
      username: options.username,
      fullName: options.fullName,
      unitId: unit.id,
      password,
      grants: [{ unitId: unit.id, role: options.role }],
    });
    io.stdout.write(`Đã tạo người dùng ${created.user.username} (${created.user.fullName}), vai trò ${options.role} tại ${unit.name}.\n`);
  } finally {
    await database.close();
  }
}
