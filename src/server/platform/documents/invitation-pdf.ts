import { CM, drawField, drawHeader, drawQr, drawSignature, LEFT as left, openLetterPdf, TEXT_WIDTH as textWidth } from "./pdf-letter";
import type { InvitationGuest, InvitationLetter } from "./types";

/**
 * Giấy mời as one merged PDF, one letter per A4 page as a person prints them (`pdf-letter.ts`: Tinos, the official
 * margins, the header).
 */

export interface InvitationPdf {
  add(guest: InvitationGuest): void;
  /** Ends the document; resolves with its bytes. */
  finish(): Promise<Buffer>;
}

export function invitationPdf(letter: InvitationLetter, numberLine: string, dateLine: string): InvitationPdf {
  const { doc, bytes } = openLetterPdf(`Giấy mời ${letter.conferenceTitle}`);
  const field = (label: string, value: string) => drawField(doc, label, value);

  return {
    add(guest) {
      doc.addPage();
      drawHeader(doc, letter, numberLine, dateLine);
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
      drawSignature(doc, letter.signer, doc.y + 12);
    },
    finish() {
      doc.end();
      return bytes;
    },
  };
}
