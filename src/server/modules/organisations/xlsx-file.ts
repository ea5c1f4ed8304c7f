import ExcelJS from "exceljs";
import JSZip from "jszip";
import { unitSheetColumns } from "../../../contracts/organisations";
import { nameKey, squeeze } from "../../../domain/text/vietnamese";
import { AppError } from "../../platform/errors";

/** Reading and writing the unit sheet (.xlsx); the file is checked as a zip before exceljs sees it. */

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 10_000;
/** Everything inside the zip together may not inflate beyond this, nor beyond RATIO × the file size. */
const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
const MAX_RATIO = 100;
const RATIO_FLOOR_BYTES = 1024 * 1024;

/** One data row as written in the sheet; `row` is the 1-based sheet row number the user sees in Excel. */
export interface SheetRow {
  row: number;
  name: string;
  shortName: string;
  kind: string;
  tree: string;
  parentName: string;
  sortOrder: string;
}

const notExcel = (detail: string) =>
  new AppError(
    "INVALID_FILE",
    `Tệp tải lên không phải tệp Excel (.xlsx) hợp lệ: ${detail}. Hãy lưu lại bảng tính dưới dạng .xlsx rồi gửi lại.`,
  );

const bomb = () =>
  new AppError(
    "TOO_LARGE",
    "Tệp .xlsx giải nén ra quá lớn so với kích thước của nó (nghi là tệp nén độc hại). Hãy gửi bảng tính gốc, tối đa 10.000 dòng.",
  );

/** jszip's documented `internalStream` (missing from its typings): pausable, unlike a Node stream it cannot push after we stop. */
interface InflateStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): InflateStream;
  on(event: "end", listener: () => void): InflateStream;
  on(event: "error", listener: (error: Error) => void): InflateStream;
  pause(): InflateStream;
  resume(): InflateStream;
}

/** Inflates one entry only to count its bytes, stopping as soon as the budget is spent. */
function inflatedSize(file: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let total = 0;
    let done = false;
    const stream = (file as unknown as { internalStream(type: "uint8array"): InflateStream }).internalStream("uint8array");
    stream
      .on("data", (chunk) => {
        total += chunk.length;
        if (total > budget && !done) {
          done = true;
          stream.pause();
          resolve(total);
        }
      })
      .on("end", () => resolve(total))
      .on("error", (error) => {
        if (!done) reject(error);
      })
      .resume();
  });
}

/**
 * Refuses what is not an xlsx before any parser runs: the name, the zip magic bytes, a readable
 * central directory with the workbook parts, and the real inflated size (headers can lie, so it is counted).
 */
export async function checkXlsx(buffer: Buffer, filename: string): Promise<void> {
  if (!/\.xlsx$/i.test(filename)) throw notExcel(`tên tệp "${filename}" không có đuôi .xlsx`);
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw notExcel("nội dung không phải định dạng bảng tính Excel");
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer, { checkCRC32: false });
  } catch {
    throw notExcel("tệp bị hỏng hoặc không đọc được");
  }
  if (!zip.file("[Content_Types].xml") || !zip.file("xl/workbook.xml")) throw notExcel("tệp nén không chứa bảng tính");
  let budget = Math.min(MAX_INFLATED_BYTES, Math.max(RATIO_FLOOR_BYTES, buffer.length * MAX_RATIO));
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    let size: number;
    try {
      size = await inflatedSize(entry, budget);
    } catch {
      throw notExcel("tệp bị hỏng hoặc không đọc được");
    }
    budget -= size;
    if (budget < 0) throw bomb();
  }
}

const cellText = (row: ExcelJS.Row, col: number | undefined): string => (col ? squeeze(row.getCell(col).text ?? "") : "");

/** The data rows of the first sheet, columns found by their Vietnamese headers on row 1. */
export async function readUnitSheet(buffer: Buffer, filename: string): Promise<SheetRow[]> {
  await checkXlsx(buffer, filename);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads at run time.
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw notExcel("không đọc được nội dung bảng tính");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw notExcel("bảng tính không có trang nào");
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => columns.set(nameKey(cell.text ?? ""), col));
  const col = (header: string) => columns.get(nameKey(header));
  const missing = [unitSheetColumns.name, unitSheetColumns.kind, unitSheetColumns.tree].filter((h) => !col(h));
  if (missing.length)
    throw new AppError(
      "INVALID_FILE",
      `Dòng tiêu đề (dòng 1) thiếu cột: ${missing.map((m) => `"${m}"`).join(", ")}. Các cột cần có: ${Object.values(unitSheetColumns).join(", ")}.`,
    );
  if (sheet.actualRowCount - 1 > IMPORT_MAX_ROWS)
    throw new AppError(
      "INVALID_FILE",
      `Tệp có ${(sheet.actualRowCount - 1).toLocaleString("vi-VN")} dòng dữ liệu, vượt giới hạn ${IMPORT_MAX_ROWS.toLocaleString("vi-VN")} dòng mỗi lần nhập. Hãy chia thành nhiều tệp.`,
    );
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const read: SheetRow = {
      row: rowNumber,
      name: cellText(row, col(unitSheetColumns.name)),
      shortName: cellText(row, col(unitSheetColumns.shortName)),
      kind: cellText(row, col(unitSheetColumns.kind)),
      tree: cellText(row, col(unitSheetColumns.tree)),
      parentName: cellText(row, col(unitSheetColumns.parentName)),
      sortOrder: cellText(row, col(unitSheetColumns.sortOrder)),
    };
    // A row with only formatting left in it is not data; any text at all makes it a row to report on.
    if (Object.entries(read).some(([k, v]) => k !== "row" && v !== "")) rows.push(read);
  });
  return rows;
}

export type SheetOutRow = {
  name: string;
  shortName: string | null;
  kind: string;
  tree: string;
  parentName: string | null;
  sortOrder: number;
};

/** Writes units in the import's columns, so an export can be imported again. */
export async function writeUnitSheet(rows: SheetOutRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Đơn vị");
  sheet.columns = [
    { header: unitSheetColumns.name, key: "name", width: 50 },
    { header: unitSheetColumns.shortName, key: "shortName", width: 22 },
    { header: unitSheetColumns.kind, key: "kind", width: 26 },
    { header: unitSheetColumns.tree, key: "tree", width: 18 },
    { header: unitSheetColumns.parentName, key: "parentName", width: 50 },
    { header: unitSheetColumns.sortOrder, key: "sortOrder", width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow({ ...r, shortName: r.shortName ?? "", parentName: r.parentName ?? "" });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
