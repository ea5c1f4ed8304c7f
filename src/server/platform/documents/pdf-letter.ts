import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { QrMatrix } from "./qr";
import type { InvitationLetter, Signer } from "./types";

/**
 * What every letter in a merged PDF shares: A4 pages with the official margins (2 cm top and bottom, 3 cm left,
 * 1.5 cm right), Tinos (the metric twin of Times New Roman) embedded, the header, QR codes drawn as vector squares,
 * and the signature block. Used by the per-delegate and the per-unit Giấy mời.
 */

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve("@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf"),
  italic: require.resolve("@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf"),
};
export const CM = 72 / 2.54;
export const MARGIN = { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: 1.5 * CM };
const A4_WIDTH = 595.28;
export const A4_HEIGHT = 841.89;
/** Width between the margins, in points. */
export const TEXT_WIDTH = A4_WIDTH - MARGIN.left - MARGIN.right;
export const LEFT = MARGIN.left;

/** A new A4 document with the fonts registered, and the promise of its bytes once ended. */
export function openLetterPdf(title: string): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({ size: "A4", margins: MARGIN, autoFirstPage: false, info: { Title: title } });
  doc.registerFont("regular", FONTS.regular);
  doc.registerFont("bold", FONTS.bold);
  doc.registerFont("italic", FONTS.italic);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, bytes };
}

/** The QR code as filled squares, one path for the whole code: vector, crisp when printed. */
export function drawQr(doc: PDFKit.PDFDocument, qr: QrMatrix, x: number, y: number, size: number) {
  const m = size / qr.size;
  for (let j = 0; j < qr.size; j += 1)
    for (let i = 0; i < qr.size; i += 1) if (qr.dark(i, j)) doc.rect(x + i * m, y + j * m, m + 0.01, m + 0.01);
  doc.fillColor("black").fill();
}

/** The header at the top of the current page: bodies and number on the left, national title (or the Party's) and date on the right. */
export function drawHeader(doc: PDFKit.PDFDocument, letter: InvitationLetter, numberLine: string, dateLine: string) {
  const leftCol = 6.5 * CM;
  const rightCol = TEXT_WIDTH - leftCol;
  const top = MARGIN.top;
  doc.font("regular").fontSize(12);
  if (letter.parentBody) doc.text(letter.parentBody.toLocaleUpperCase("vi"), LEFT, top, { width: leftCol, align: "center" });
  doc.font("bold").text(letter.issuer.toLocaleUpperCase("vi"), LEFT, doc.y, { width: leftCol, align: "center" });
  doc.font("regular").text(numberLine, LEFT, doc.y + 6, { width: leftCol, align: "center" });
  const leftBottom = doc.y;
  if (letter.layout === "party")
    doc
      .font("bold")
      .fontSize(14)
      .text("ĐẢNG CỘNG SẢN VIỆT NAM", LEFT + leftCol, top, { width: rightCol, align: "center" });
  else {
    doc
      .font("bold")
      .fontSize(12)
      .text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", LEFT + leftCol, top, { width: rightCol, align: "center" });
    doc
      .font("bold")
      .fontSize(13)
      .text("Độc lập - Tự do - Hạnh phúc", LEFT + leftCol, doc.y, { width: rightCol, align: "center" });
  }
  doc
    .font("italic")
    .fontSize(13)
    .text(dateLine, LEFT + leftCol, doc.y + 6, { width: rightCol, align: "center" });
  doc.y = Math.max(leftBottom, doc.y) + 28;
}

/** `Label: value` with the label in bold, indented as a body line. */
export function drawField(doc: PDFKit.PDFDocument, label: string, value: string) {
  doc
    .font("bold")
    .fontSize(14)
    .text(`${label}: `, LEFT + CM, doc.y, { continued: true, width: TEXT_WIDTH - CM });
  doc.font("regular").text(value);
  doc.moveDown(0.3);
}

/** The signature block in the right half, from `top`. */
export function drawSignature(doc: PDFKit.PDFDocument, signer: Signer, top: number) {
  const signLeft = LEFT + TEXT_WIDTH / 2;
  const width = TEXT_WIDTH / 2;
  if (signer.authority)
    doc.font("bold").fontSize(14).text(signer.authority.toLocaleUpperCase("vi"), signLeft, top, { width, align: "center" });
  if (signer.title) doc.font("bold").fontSize(14).text(signer.title.toLocaleUpperCase("vi"), signLeft, doc.y, { width, align: "center" });
  if (signer.name)
    doc
      .font("bold")
      .fontSize(14)
      .text(signer.name, signLeft, doc.y + 70, { width, align: "center" });
}
