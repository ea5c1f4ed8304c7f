import { commands } from "./cli/index";
import { type CliIO, processIO } from "./cli/types";

const USAGE = `kehoach — quản lý kế hoạch, nhiệm vụ và hội nghị

Cách dùng: npx kehoach <lệnh> [tuỳ chọn]
           npx kehoach <lệnh> --help

Các lệnh:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join("\n")}
`;

/** Runs one CLI invocation and returns its exit code: `await main(["dates", "--year", "2026"])`. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name = "serve", ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(USAGE);
    return 0;
  }
  const entry = commands[name];
  if (!entry) {
    io.stderr.write(`Lệnh không tồn tại: ${name}\n\n${USAGE}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(command.help.endsWith("\n") ? command.help : `${command.help}\n`);
    return 0;
  }
  return command.run(rest, io);
}
