import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { QrMatrix } from "./qr";
import type { InvitationGuest, InvitationLetter } from "./types";

/**
 * Giấy mời as one merged PDF, one letter per A4 page as a person prints them (Tinos, the metric twin of Times New
 * Roman, embedded; margins of the official layout: 2 cm top and bottom, 3 cm left, 1.5 cm right).
 */

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve("@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf"),
  italic: require.resolve("@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf"),
};
const CM = 72 / 2.54;
const MARGIN = { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: 1.5 * CM };

/** The QR code as filled squares, one path for the whole code: vector, crisp when printed. */
function drawQr(doc: PDFKit.PDFDocument, qr: QrMatrix, x: number, y: number, size: number) {
  const m = size / qr.size;
  for (let j = 0; j < qr.size; j += 1)
    for (let i = 0; i < qr.size; i += 1) if (qr.dark(i, j)) doc.rect(x + i * m, y + j * m, m + 0.01, m + 0.01);
  doc.fillColor("black").fill();
}

export interface InvitationPdf {
  add(guest: InvitationGuest): void;
  /** Ends the document; resolves with its bytes. */
  finish(): Promise<Buffer>;
}

export function invitationPdf(letter: InvitationLetter, numberLine: string, dateLine: string): InvitationPdf {
  const doc = new PDFDocument({ size: "A4", margins: MARGIN, autoFirstPage: false, info: { Title: `Giấy mời ${letter.conferenceTitle}` } });
  doc.registerFont("regular", FONTS.regular);
  doc.registerFont("bold", FONTS.bold);
  doc.registerFont("italic", FONTS.italic);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page ? doc.page.width : 595.28;
  const textWidth = width - MARGIN.left - MARGIN.right;
  const left = MARGIN.left;
  const leftCol = 6.5 * CM;
  const rightCol = textWidth - leftCol;

  const header = () => {
    const top = MARGIN.top;
    doc.font("regular").fontSize(12);
    if (letter.parentBody) doc.text(letter.parentBody.toLocaleUpperCase("vi"), left, top, { width: leftCol, align: "center" });
    doc.font("bold").text(letter.issuer.toLocaleUpperCase("vi"), left, doc.y, { width: leftCol, align: "center" });
    doc.font("regular").text(numberLine, left, doc.y + 6, { width: leftCol, align: "center" });
    const leftBottom = doc.y;
    if (letter.layout === "party")
      doc
        .font("bold")
        .fontSize(14)
        .text("ĐẢNG CỘNG SẢN VIỆT NAM", left + leftCol, top, { width: rightCol, align: "center" });
    else {
      doc
        .font("bold")
        .fontSize(12)
        .text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", left + leftCol, top, { width: rightCol, align: "center" });
      doc
        .font("bold")
        .fontSize(13)
        .text("Độc lập - Tự do - Hạnh phúc", left + leftCol, doc.y, { width: rightCol, align: "center" });
    }
    doc
      .font("italic")
      .fontSize(13)
      .text(dateLine, left + leftCol, doc.y + 6, { width: rightCol, align: "center" });
    doc.y = Math.max(leftBottom, doc.y) + 28;
  };

  const field = (label: string, value: string) => {
    doc
      .font("bold")
      .fontSize(14)
      .text(`${label}: `, left + CM, doc.y, { continued: true, width: textWidth - CM });
    doc.font("regular").text(value);
    doc.moveDown(0.3);
  };

  return {
    add(guest) {
      doc.addPage();
      header();
      doc.font("bold").fontSize(16).text("GIẤY MỜI", left, doc.y, { width: textWidth, align: "center" });
      doc.moveDown(0.8);
      doc.font("bold").fontSize(14).text(`Kính gửi: ${guest.addressee}`, { width: textWidth, align: "center" });
      if (guest.position) doc.font("italic").fontSize(14).text(guest.position, { width: textWidth, align: "center" });
      doc.moveDown(0.8);
      doc
        .font("regular")
        .fontSize(14)
        .text(`${letter.issuer} trân trọng kính mời đồng chí đến dự ${letter.conferenceTitle}.`, left, doc.y, {
          width: textWidth,
          align: "justify",
          indent: CM,
        });
      doc.moveDown(0.4);
      field("Thời gian", letter.time);
      field("Địa điểm", letter.venue);
      field("Trang phục", guest.dressCode || "Theo quy định");
      field("Chỗ ngồi", guest.seat || "Ban tổ chức sẽ hướng dẫn tại hội nghị");
      doc
        .font("regular")
        .fontSize(14)
        .text("Đề nghị đồng chí xác báo tham dự bằng cách quét mã QR dưới đây hoặc mở liên kết:", left, doc.y, {
          width: textWidth,
          indent: CM,
        });
      const size = 110;
      const top = doc.y + 6;
      if (guest.entryQr) {
        // Two codes side by side: the confirmation link, and the signed entry token shown at the door.
        const gap = 2 * CM;
        const x0 = left + (textWidth - 2 * size - gap) / 2;
        drawQr(doc, guest.qr, x0, top, size);
        drawQr(doc, guest.entryQr, x0 + size + gap, top, size);
        doc.font("regular").fontSize(10);
        doc.text("Quét để xác báo", x0, top + size + 2, { width: size, align: "center" });
        doc.text("Mã vào cửa", x0 + size + gap, top + size + 2, { width: size, align: "center" });
        doc.y = top + size + 16;
      } else {
        drawQr(doc, guest.qr, left + (textWidth - size) / 2, top, size);
        doc.y = top + size + 4;
      }
      doc.font("regular").fontSize(10).text(guest.confirmUrl, left, doc.y, { width: textWidth, align: "center" });
      doc.moveDown(0.8);
      doc.font("regular").fontSize(14).text("Rất mong đồng chí đến dự đúng giờ./.", left, doc.y, { width: textWidth, indent: CM });
      const signTop = doc.y + 12;
      const signLeft = left + textWidth / 2;
      if (letter.signer.authority)
        doc
          .font("bold")
          .fontSize(14)
          .text(letter.signer.authority.toLocaleUpperCase("vi"), signLeft, signTop, { width: textWidth / 2, align: "center" });
      if (letter.signer.title)
        doc
          .font("bold")
          .fontSize(14)
          .text(letter.signer.title.toLocaleUpperCase("vi"), signLeft, doc.y, { width: textWidth / 2, align: "center" });
      if (letter.signer.name)
        doc
          .font("bold")
          .fontSize(14)
          .text(letter.signer.name, signLeft, doc.y + 70, { width: textWidth / 2, align: "center" });
    },
    finish() {
      doc.end();
      return done;
    },
  };
}
