import { createInterface } from "node:readline";
import { readDates, toDateJson } from "../../domain/dates";
import type { CliCommand } from "./types";

const HELP = `kehoach dates — đọc ngày giờ trong văn bản

Cách dùng: npx kehoach dates [--year YYYY] < van_ban.txt

Mỗi dòng ở đầu vào chuẩn là một văn bản; mỗi dòng ở đầu ra là một mảng JSON các biểu thức ngày giờ
tìm thấy, theo thứ tự: {"kind","date","time","end","endTime","raw"}.

Tuỳ chọn:
  --year YYYY   năm của văn bản, dùng khi ngày tháng không ghi năm (ví dụ "trước 30/8")
`;

/** `printf 'trước 11 giờ, ngày 29/5/2026\n' | npx kehoach dates --year 2026` prints one JSON array per line. */
export const datesCommand: CliCommand = {
  name: "dates",
  summary: "Đọc ngày giờ trong văn bản (mỗi dòng một văn bản, in JSON)",
  help: HELP,
  async run(argv, io) {
    let year: number | null = null;
    for (let k = 0; k < argv.length; k++) {
      const arg = argv[k];
      const value = arg === "--year" ? argv[++k] : arg.startsWith("--year=") ? arg.slice(7) : undefined;
      if (value !== undefined) {
        if (!/^\d{4}$/.test(value)) {
          io.stderr.write(`Năm không hợp lệ: "${value}". Hãy ghi 4 chữ số, ví dụ --year 2026.\n`);
          return 2;
        }
        year = Number(value);
      } else {
        io.stderr.write(`Tuỳ chọn không rõ: ${arg}\n\n${HELP}`);
        return 2;
      }
    }
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      io.stdout.write(`${JSON.stringify(readDates(line, { year }).map(toDateJson))}\n`);
    }
    return 0;
  },
};
