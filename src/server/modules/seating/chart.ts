/**
 * The printable seating chart: A3 landscape, the stage and its presidium on top, the blocks below with row numbers,
 * seat numbers and each delegate's name; then the list by block and row (full names and units) for the ushers.
 * pdfkit with the Tinos font (Times-metric, full Vietnamese).
 */
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { SeatingPlan, SeatView } from "../../../contracts/seating";

const require = createRequire(import.meta.url);
const FONT = require.resolve("@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf");
const BOLD = require.resolve("@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf");

/** The name that fits a seat: the given name and the one before it («Văn Ánh» of «Nguyễn Văn Ánh»). */
const shortName = (fullName: string) => fullName.trim().split(/\s+/).slice(-2).join(" ");

function drawSeat(doc: PDFKit.PDFDocument, seat: SeatView, x: number, y: number, w: number, h: number) {
  doc
    .lineWidth(0.4)
    .rect(x, y, w, h)
    .stroke(seat.delegate ? "#333333" : "#bbbbbb");
  const numberSize = Math.min(6, h / 4);
  doc
    .font("Tinos")
    .fontSize(numberSize)
    .fillColor("#777777")
    .text(String(seat.number), x + 1, y + 1, { width: w - 2, lineBreak: false });
  if (seat.delegate) {
    const size = Math.max(3, Math.min(8, w / 5.5, h / 3));
    doc
      .font("Tinos")
      .fontSize(size)
      .fillColor("#000000")
      .text(shortName(seat.delegate.fullName), x + 1, y + numberSize + 1.5, {
        width: w - 2,
        height: h - numberSize - 2,
        align: "center",
        ellipsis: true,
      });
  }
}

/** The chart of a plan as PDF bytes. */
export function seatingChartPdf(plan: SeatingPlan, heading: { title: string; subtitle: string }): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A3", layout: "landscape", margin: 30, info: { Title: `Sơ đồ chỗ ngồi - ${heading.title}` } });
  doc.registerFont("Tinos", FONT);
  doc.registerFont("Tinos-Bold", BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const W = doc.page.width;
  const H = doc.page.height;
  const margin = 30;

  doc
    .font("Tinos-Bold")
    .fontSize(16)
    .fillColor("#000000")
    .text("SƠ ĐỒ CHỖ NGỒI", margin, margin, { width: W - 2 * margin, align: "center" });
  doc
    .font("Tinos-Bold")
    .fontSize(13)
    .text(heading.title.toUpperCase(), { width: W - 2 * margin, align: "center" });
  doc
    .font("Tinos")
    .fontSize(10)
    .text(heading.subtitle, { width: W - 2 * margin, align: "center" });
  let y = doc.y + 10;

  const presidium = plan.seats.filter((s) => s.section === "presidium");
  const presidiumRows = [...new Set(presidium.map((s) => s.row))].sort((a, b) => a - b);
  const stageH = 16 + presidiumRows.length * 30;
  const stageW = Math.min(
    W - 2 * margin,
    Math.max(300, Math.max(0, ...presidiumRows.map((r) => presidium.filter((s) => s.row === r).length)) * 42 + 20),
  );
  doc
    .lineWidth(1)
    .rect((W - stageW) / 2, y, stageW, stageH)
    .stroke("#000000");
  doc
    .font("Tinos-Bold")
    .fontSize(9)
    .fillColor("#000000")
    .text("SÂN KHẤU - ĐOÀN CHỦ TỊCH", (W - stageW) / 2, y + 3, { width: stageW, align: "center" });
  for (const [i, r] of presidiumRows.entries()) {
    const row = presidium.filter((s) => s.row === r).sort((a, b) => a.number - b.number);
    const w = 40;
    const x0 = (W - row.length * (w + 2)) / 2;
    for (const [j, seat] of row.entries()) drawSeat(doc, seat, x0 + j * (w + 2), y + 14 + i * 30, w, 26);
  }
  y += stageH + 14;

  const blocks = (plan.layout?.blocks ?? []).map((b, i) => ({ ...b, seats: plan.seats.filter((s) => s.blockIndex === i + 1) }));
  const gapCols = 2;
  const cols = blocks.reduce((n, b) => n + b.seatsPerRow, 0) + gapCols * Math.max(0, blocks.length - 1) + 1.5;
  const cellW = Math.min(48, (W - 2 * margin) / cols);
  const maxRows = Math.max(1, ...blocks.map((b) => b.rows));
  const cellH = Math.min(32, (H - margin - y - 14) / maxRows);
  let x = (W - cols * cellW) / 2 + 1.5 * cellW;
  for (const block of blocks) {
    doc
      .font("Tinos-Bold")
      .fontSize(9)
      .fillColor("#000000")
      .text(block.name, x, y, { width: block.seatsPerRow * cellW, align: "center" });
    for (const seat of block.seats)
      drawSeat(doc, seat, x + (seat.number - 1) * cellW, y + 12 + (seat.row - 1) * cellH, cellW - 1, cellH - 1);
    for (let r = 1; r <= block.rows; r++)
      doc
        .font("Tinos")
        .fontSize(Math.min(7, cellH / 3))
        .fillColor("#555555")
        .text(String(r), x - 1.4 * cellW, y + 12 + (r - 1) * cellH + cellH / 3, {
          width: 1.2 * cellW,
          align: "right",
          lineBreak: false,
        });
    x += (block.seatsPerRow + gapCols) * cellW;
  }

  // The list for the ushers: every seated delegate with full name and unit, by block and row.
  doc.addPage({ size: "A3", layout: "landscape", margin });
  doc.font("Tinos-Bold").fontSize(13).fillColor("#000000").text("DANH SÁCH CHỖ NGỒI THEO KHỐI VÀ HÀNG", { align: "center" });
  doc.moveDown(0.5);
  const seated = plan.seats.filter((s) => s.delegate);
  const lines: string[] = [];
  let last = "";
  for (const s of seated) {
    const rowKey = `${s.blockName} - hàng ${s.row}`;
    if (rowKey !== last) lines.push(`\n${rowKey.toUpperCase()}`);
    last = rowKey;
    lines.push(`  Ghế ${s.number}: ${s.delegate?.fullName}${s.delegate?.unitName ? ` (${s.delegate.unitName})` : ""}`);
  }
  if (plan.unseated.length > 0)
    lines.push("\nCHƯA XẾP CHỖ", ...plan.unseated.map((d) => `  ${d.fullName}${d.unitName ? ` (${d.unitName})` : ""}`));
  doc.font("Tinos").fontSize(8).text(lines.join("\n").trim(), { columns: 4, columnGap: 14 });
  doc.end();
  return done;
}
