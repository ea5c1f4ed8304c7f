import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { ImportError, importPlan, summarisePlan } from "../../domain/importer";
import { tesseractOcr } from "../platform/ocr";
import type { CliCommand } from "./types";

const HELP = `kehoach import — đọc một kế hoạch có sẵn và in cấu trúc của nó

Cách dùng: npx kehoach import TỆP [--json] [--year YYYY]

Nhận tệp .docx, .pdf, .txt, .md và ảnh chụp .png, .jpg (tối đa 10 MB). PDF quét và ảnh được nhận
dạng chữ bằng Tesseract (cần gói tesseract-ocr và tesseract-ocr-vie). Mặc định in bản tóm tắt tiếng Việt.

Tuỳ chọn:
  --json        in một đối tượng JSON đầy đủ (số hiệu, căn cứ, đề mục, thời hạn, nhiệm vụ, hội nghị …)
  --year YYYY   năm dùng cho ngày không ghi năm khi kế hoạch không có ngày ban hành
`;

/** `npx kehoach import plan.txt --json` prints the plan's structure as one JSON object. */
export const importCommand: CliCommand = {
  name: "import",
  summary: "Đọc một kế hoạch (.docx, .pdf, .png, .jpg, .txt, .md) và in cấu trúc của nó",
  help: HELP,
  async run(argv, io) {
    let json = false;
    let year: number | null = null;
    const files: string[] = [];
    for (let k = 0; k < argv.length; k++) {
      const a = argv[k];
      if (a === "--json") json = true;
      else if (a === "--year" || a.startsWith("--year=")) {
        const v = a === "--year" ? argv[++k] : a.slice(7);
        if (!v || !/^\d{4}$/.test(v)) {
          io.stderr.write(`Năm không hợp lệ: "${v ?? ""}". Hãy ghi 4 chữ số, ví dụ --year 2026.\n`);
          return 2;
        }
        year = Number(v);
      } else if (a.startsWith("-")) {
        io.stderr.write(`Tuỳ chọn không rõ: ${a}\n\n${HELP}`);
        return 2;
      } else files.push(a);
    }
    if (files.length !== 1) {
      io.stderr.write(`Hãy chỉ định đúng một tệp kế hoạch.\n\n${HELP}`);
      return 2;
    }
    let content: Buffer;
    try {
      content = await readFile(files[0]);
    } catch {
      io.stderr.write(`Không mở được tệp "${files[0]}". Hãy kiểm tra đường dẫn.\n`);
      return 1;
    }
    try {
      const result = await importPlan({ fileName: basename(files[0]), content, year, ocr: tesseractOcr() });
      io.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : summarisePlan(result));
      return 0;
    } catch (e) {
      if (e instanceof ImportError) {
        io.stderr.write(`${e.message}\n`);
        return e.code === "TOO_LARGE" ? 3 : 1;
      }
      throw e;
    }
  },
};
