import ExcelJS from "exceljs";
import { delegateSheetColumns as columns } from "../../../contracts/delegates";
import { nameKey, squeeze } from "../../../domain/text/vietnamese";
import { AppError } from "../../platform/errors";
import { checkXlsx, IMPORT_MAX_ROWS } from "../organisations/xlsx-file";

/** The delegate sheet (.xlsx): read by its Vietnamese headers on row 1, written in the same columns. */

export interface DelegateSheetRow {
  /** The 1-based sheet row the user sees in Excel. */
  row: number;
  fullName: string;
  title: string;
  unitName: string;
  group: string;
  phone: string;
  email: string;
  protocolRank: string;
}

type Field = Exclude<keyof DelegateSheetRow, "row">;
const fields = Object.keys(columns) as Field[];

const notExcel = (detail: string) =>
  new AppError(
    "INVALID_FILE",
    `Tệp tải lên không phải tệp Excel (.xlsx) hợp lệ: ${detail}. Hãy lưu lại bảng tính dưới dạng .xlsx rồi gửi lại.`,
  );

export async function readDelegateSheet(buffer: Buffer, filename: string): Promise<DelegateSheetRow[]> {
  await checkXlsx(buffer, filename);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw notExcel("không đọc được nội dung bảng tính");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw notExcel("bảng tính không có trang nào");
  const at = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => at.set(nameKey(cell.text ?? ""), col));
  const colOf = (f: Field) => at.get(nameKey(columns[f]));
  if (!colOf("fullName"))
    throw new AppError(
      "INVALID_FILE",
      `Dòng tiêu đề (dòng 1) thiếu cột "${columns.fullName}". Các cột cần có: ${Object.values(columns).join(", ")}.`,
    );
  if (sheet.actualRowCount - 1 > IMPORT_MAX_ROWS)
    throw new AppError("INVALID_FILE", `Tệp có quá ${IMPORT_MAX_ROWS.toLocaleString("vi-VN")} dòng dữ liệu. Hãy chia thành nhiều tệp.`);
  const rows: DelegateSheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const read = { row: rowNumber } as DelegateSheetRow;
    for (const f of fields) {
      const col = colOf(f);
      read[f] = col ? squeeze(row.getCell(col).text ?? "") : "";
    }
    // A row with only formatting left is not data; any text at all makes it a row to report on.
    if (fields.some((f) => read[f] !== "")) rows.push(read);
  });
  return rows;
}

export async function writeDelegateSheet(
  rows: Array<Omit<DelegateSheetRow, "row" | "protocolRank"> & { protocolRank: number }>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Đại biểu");
  const widths: Record<Field, number> = { fullName: 32, title: 36, unitName: 40, group: 28, phone: 16, email: 30, protocolRank: 14 };
  sheet.columns = fields.map((f) => ({ header: columns[f], key: f, width: widths[f] }));
  sheet.getRow(1).font = { bold: true };
  // Phones stay text so Excel keeps the leading zero.
  sheet.getColumn("phone").numFmt = "@";
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
