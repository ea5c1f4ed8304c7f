import ExcelJS from "exceljs";
import type { ReportForm, ReportTotals } from "../../../contracts/reports";
import type { ExpectedUnit } from "../obligations/level";

/**
 * The numbers of a level as an .xlsx: one sheet per form, the expected units as rows, the indicators as columns,
 * and a totals row whose cells are formulas Excel recomputes: SUM for counts and amounts, and a ratio as
 * `SUM(numerator) / SUM(denominator) × 100` from the summed parts, never an average of the units' ratios. Each
 * formula carries the server's total as its cached result, so a viewer that does not recompute still shows it.
 */

const thin = { style: "thin" } as const;
const border = { top: thin, left: thin, bottom: thin, right: thin };
const FIRST = 3; // columns: STT, Đơn vị, then the indicators

export interface NumbersSheet {
  title: string;
  levelName: string;
  form: ReportForm;
  units: readonly ExpectedUnit[];
  /** indicator id → value, per obligation. */
  values: ReadonlyMap<string, ReadonlyMap<string, number>>;
  totals: ReportTotals;
}

const letter = (column: number) => {
  let n = column;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

export async function writeNumbersWorkbook(sheets: readonly NumbersSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "kehoach";
  for (const [n, s] of sheets.entries()) addSheet(workbook, s, n);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, s: NumbersSheet, n: number) {
  const sheet = workbook.addWorksheet(n === 0 ? "Số liệu" : `Số liệu ${n + 1}`, { pageSetup: { paperSize: 9, orientation: "landscape" } });
  const indicators = s.form.indicators;
  const column = new Map(indicators.map((i, k) => [i.id, FIRST + k]));
  const last = FIRST + indicators.length - 1;
  for (const text of [s.title, `Đơn vị tổng hợp: ${s.levelName}`]) {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, Math.max(last, 2));
    row.font = { bold: row.number === 1, size: row.number === 1 ? 13 : 11 };
  }
  sheet.addRow([]);
  const header = sheet.addRow(["STT", "Đơn vị", ...indicators.map((i) => (i.unitOfMeasure ? `${i.name} (${i.unitOfMeasure})` : i.name))]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  const firstData = header.number + 1;
  const lastData = header.number + s.units.length;
  const ref = (id: string, row: number) => `${letter(column.get(id) as number)}${row}`;
  s.units.forEach((u, k) => {
    const values = s.values.get(u.obligationId) ?? new Map();
    const row = sheet.addRow([k + 1, u.unitName]);
    for (const i of indicators) {
      const cell = row.getCell(column.get(i.id) as number);
      if (i.ratio) {
        const num = values.get(i.ratio.numeratorId);
        const den = values.get(i.ratio.denominatorId);
        const result = num !== undefined && den ? (num / den) * 100 : undefined;
        cell.value = {
          formula: `IF(N(${ref(i.ratio.denominatorId, row.number)})=0,"",${ref(i.ratio.numeratorId, row.number)}/${ref(i.ratio.denominatorId, row.number)}*100)`,
          result: result ?? "",
        } as ExcelJS.CellFormulaValue;
      } else if (values.has(i.id)) cell.value = values.get(i.id) as number;
    }
  });
  const totalOf = new Map(s.totals.totals.map((t) => [t.indicatorId, t.value]));
  const totals = sheet.addRow(["", "Tổng cộng"]);
  totals.font = { bold: true };
  const sum = (id: string) => `SUM(${ref(id, firstData)}:${ref(id, Math.max(lastData, firstData))})`;
  for (const i of indicators) {
    const cell = totals.getCell(column.get(i.id) as number);
    const result = totalOf.get(i.id) ?? undefined;
    if (i.ratio)
      cell.value = {
        formula: `IF(${sum(i.ratio.denominatorId)}=0,"",${sum(i.ratio.numeratorId)}/${sum(i.ratio.denominatorId)}*100)`,
        result: result ?? "",
      } as ExcelJS.CellFormulaValue;
    // An entered percentage has no total: percentages of different bases do not add up.
    else if (i.kind !== "percentage") cell.value = { formula: sum(i.id), result: result ?? 0 } as ExcelJS.CellFormulaValue;
  }
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 40;
  for (const i of indicators) {
    const col = sheet.getColumn(column.get(i.id) as number);
    col.width = 16;
    col.numFmt = i.ratio || i.kind === "percentage" ? "0.00" : i.kind === "decimal" ? "#,##0.00" : "#,##0";
  }
  for (let r = header.number; r <= totals.number; r++) for (let c = 1; c <= Math.max(last, 2); c++) sheet.getCell(r, c).border = border;
  sheet.views = [{ state: "frozen", xSplit: 2, ySplit: header.number }];
}
