import ExcelJS from "exceljs";
import { VIETNAM_OFFSET_MINUTES } from "../../../domain/deadlines/index";
import { presentCounts as trackingCounts } from "../obligations/counts";
import type { BoardData } from "./service";

const OFFSET_MS = VIETNAM_OFFSET_MINUTES * 60_000;
const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as read in Vietnam: `vietnamDateTime(new Date("2026-05-31T01:00:00Z"))` → "31/05/2026 08:00". */
export function vietnamDateTime(at: Date): string {
  const v = new Date(at.getTime() + OFFSET_MS);
  return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
}

// Excel dates carry no zone: shifting the instant by +7 h makes the cell show the Vietnam wall clock.
const vietnamCell = (at: Date | null) => (at ? new Date(at.getTime() + OFFSET_MS) : null);

const columns = [
  { header: "STT", key: "no", width: 6 },
  { header: "Đơn vị", key: "name", width: 44 },
  { header: "Tên viết tắt", key: "shortName", width: 18 },
  { header: "Phải nộp", key: "expected", width: 10 },
  { header: "Đã nộp", key: "submitted", width: 10 },
  { header: "Đúng hạn", key: "onTime", width: 10 },
  { header: "Nộp muộn", key: "late", width: 10 },
  { header: "Quá hạn", key: "overdue", width: 10 },
  { header: "Bị trả lại", key: "returned", width: 10 },
  { header: "Đã chấp nhận", key: "accepted", width: 13 },
  { header: "Tỷ lệ hoàn thành", key: "completeness", width: 16 },
  { header: "Tỷ lệ đúng hạn", key: "onTimeRate", width: 15 },
  { header: "Hạn gần nhất", key: "nextDueAt", width: 18 },
  { header: "Nộp gần nhất", key: "lastSubmittedAt", width: 18 },
  { header: "Ghi chú", key: "note", width: 22 },
] as const;

const DATE_FORMAT = "dd/mm/yyyy hh:mm";
const PERCENT_FORMAT = "0.0%";
const thin = { style: "thin" } as const;
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** The board as an .xlsx: title rows, one row per unit with counts and flags, a totals row. */
export async function writeBoardWorkbook(board: BoardData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "kehoach";
  workbook.created = board.at;
  const sheet = workbook.addWorksheet("Theo dõi", {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = columns.map(({ key, width }) => ({ key, width }));
  const last = columns.length;

  const titles = [
    "BẢNG THEO DÕI THỰC HIỆN KẾ HOẠCH",
    board.plan.title,
    board.plan.number ? `Số: ${board.plan.number}` : "Kế hoạch chưa có số",
    `Số liệu tính đến ${vietnamDateTime(board.at)} (giờ Việt Nam)${board.scope.all ? "" : " — chỉ các đơn vị bạn được xem"}`,
  ];
  titles.forEach((text, i) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, last);
    row.getCell(1).font = { bold: i < 2, italic: i >= 2, size: i === 0 ? 14 : 12 };
    row.getCell(1).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    if (i === 1) row.height = 36;
  });
  sheet.addRow([]);

  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  header.height = 32;
  sheet.views = [{ state: "frozen", ySplit: header.number }];

  board.rows.forEach((r, i) => {
    const c = trackingCounts(r);
    const note = [r.late > 0 ? "Có nộp muộn" : "", r.overdue > 0 ? "Có việc quá hạn" : ""].filter(Boolean).join("; ");
    sheet.addRow({
      ...c,
      no: i + 1,
      name: r.unit.name,
      shortName: r.unit.shortName ?? "",
      nextDueAt: vietnamCell(r.nextDueAt),
      lastSubmittedAt: vietnamCell(r.lastSubmittedAt),
      note,
    });
  });
  const totals = trackingCounts(board.totals);
  const totalRow = sheet.addRow({ ...totals, name: `Tổng cộng (${board.rows.length} đơn vị)` });
  totalRow.font = { bold: true };

  for (let n = header.number; n <= totalRow.number; n += 1) {
    const row = sheet.getRow(n);
    for (let col = 1; col <= last; col += 1) row.getCell(col).border = border;
    if (n === header.number) continue;
    row.getCell("completeness").numFmt = PERCENT_FORMAT;
    row.getCell("onTimeRate").numFmt = PERCENT_FORMAT;
    row.getCell("nextDueAt").numFmt = DATE_FORMAT;
    row.getCell("lastSubmittedAt").numFmt = DATE_FORMAT;
  }
  // exceljs declares its own Buffer type; it is a Node Buffer at run time.
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
