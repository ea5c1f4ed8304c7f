import { A4_HEIGHT, CM, drawField, drawHeader, drawQr, drawSignature, LEFT, MARGIN, openLetterPdf, TEXT_WIDTH } from "./pdf-letter";
import type { InvitationCard, InvitationLetter, UnitInvitation } from "./types";
import { attachedTo, cardLines, UNIT_TABLE_HEAD, unitLetterText } from "./unit-invitation-text";

/**
 * Giấy mời to units as one merged PDF, as a person prints them: for each unit its letter (the table of its delegates
 * runs onto further pages when long, its head repeated), then its delegates' entry cards, about three to an A4 page.
 */

const BOTTOM = A4_HEIGHT - MARGIN.bottom;
/** Points: STT, name, title, seat. */
const COLUMNS = [1.2 * CM, 5.4 * CM, 5.4 * CM, TEXT_WIDTH - 12 * CM];
/** Points: the card's text column, beside the two codes. */
const CARD_TEXT = TEXT_WIDTH - 2 * 95 - 3 * CM;
const CARD_GAP = 14;
const QR = 95;

export interface UnitInvitationPdf {
  add(invitation: UnitInvitation): void;
  finish(): Promise<Buffer>;
}

export function unitInvitationPdf(letter: InvitationLetter, numberLine: string, dateLine: string): UnitInvitationPdf {
  const { doc, bytes } = openLetterPdf(`Giấy mời ${letter.conferenceTitle}`);

  const row = (cells: readonly string[], head: boolean) => {
    const font = head ? "bold" : "regular";
    doc.font(font).fontSize(12);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: COLUMNS[i] - 8 }))) + 8;
    const draw = (top: number) => {
      doc.font(font).fontSize(12);
      let x = LEFT;
      cells.forEach((c, i) => {
        doc.lineWidth(0.5).rect(x, top, COLUMNS[i], height).stroke();
        doc.text(c, x + 4, top + 4, { width: COLUMNS[i] - 8, align: head || i === 0 ? "center" : "left" });
        x += COLUMNS[i];
      });
    };
    return { height, draw };
  };

  /** The delegates' table from the current line; a row that does not fit starts a new page under the head again. */
  const table = (rows: string[][]) => {
    const head = row(UNIT_TABLE_HEAD, true);
    let top = doc.y;
    head.draw(top);
    top += head.height;
    for (const cells of rows) {
      const r = row(cells, false);
      if (top + r.height > BOTTOM) {
        doc.addPage();
        top = MARGIN.top;
        head.draw(top);
        top += head.height;
      }
      r.draw(top);
      top += r.height;
    }
    doc.y = top + 10;
  };

  /** A card's height: its text as long as the words make it (a long title wraps), never shorter than its codes. */
  const cardHeight = (card: InvitationCard) => {
    const width = CARD_TEXT;
    let height = 10 + doc.font("bold").fontSize(14).heightOfString("THẺ ĐẠI BIỂU", { width });
    height += doc.font("italic").fontSize(11).heightOfString(letter.conferenceTitle, { width }) + 6;
    for (const [label, value] of cardLines(letter, card))
      height += doc.font("bold").fontSize(12).heightOfString(`${label}: ${value}`, { width });
    height += 4 + doc.font("italic").fontSize(10).heightOfString(attachedTo(letter), { width });
    return Math.max(height + 10, 16 + QR + 60);
  };

  const drawCard = (top: number, card: InvitationCard, height: number) => {
    doc.lineWidth(1).rect(LEFT, top, TEXT_WIDTH, height).stroke();
    const leftWidth = CARD_TEXT;
    doc
      .font("bold")
      .fontSize(14)
      .text("THẺ ĐẠI BIỂU", LEFT + 8, top + 10, { width: leftWidth, align: "center" });
    doc
      .font("italic")
      .fontSize(11)
      .text(letter.conferenceTitle, LEFT + 8, doc.y, { width: leftWidth, align: "center" });
    doc.moveDown(0.4);
    for (const [label, value] of cardLines(letter, card)) {
      doc
        .font("regular")
        .fontSize(12)
        .text(`${label}: `, LEFT + 8, doc.y, { continued: true, width: leftWidth });
      doc.font(label === "Họ và tên" ? "bold" : "regular").text(value);
    }
    doc
      .font("italic")
      .fontSize(10)
      .text(attachedTo(letter), LEFT + 8, doc.y + 4, { width: leftWidth });
    const codesLeft = LEFT + leftWidth + CM;
    const qrTop = top + 16;
    if (card.entryQr) {
      drawQr(doc, card.entryQr, codesLeft, qrTop, QR);
      drawQr(doc, card.qr, codesLeft + QR + CM / 2, qrTop, QR);
      doc.font("regular").fontSize(10);
      doc.text("Mã vào cửa", codesLeft, qrTop + QR + 2, { width: QR, align: "center" });
      doc.text("Quét để xác báo", codesLeft + QR + CM / 2, qrTop + QR + 2, { width: QR, align: "center" });
    } else {
      drawQr(doc, card.qr, codesLeft + (QR + CM / 2) / 2, qrTop, QR);
      doc
        .font("regular")
        .fontSize(10)
        .text("Quét để xác báo", codesLeft + (QR + CM / 2) / 2, qrTop + QR + 2, { width: QR, align: "center" });
    }
    doc
      .font("regular")
      .fontSize(8)
      .text(card.confirmUrl, codesLeft - CM / 2, qrTop + QR + 20, { width: 2 * QR + 1.5 * CM, align: "center" });
  };

  return {
    add(invitation) {
      const words = unitLetterText(letter, invitation);
      doc.addPage();
      drawHeader(doc, letter, numberLine, dateLine);
      doc.font("bold").fontSize(16).text("GIẤY MỜI", LEFT, doc.y, { width: TEXT_WIDTH, align: "center" });
      doc.moveDown(0.6);
      doc.font("bold").fontSize(14).text(`Kính gửi: ${words.addressee}`, { width: TEXT_WIDTH, align: "center" });
      doc.moveDown(0.6);
      doc.font("regular").fontSize(14).text(words.opening, LEFT, doc.y, { width: TEXT_WIDTH, align: "justify", indent: CM });
      doc.moveDown(0.4);
      table(words.rows);
      drawField(doc, "Thời gian", letter.time);
      drawField(doc, "Địa điểm", letter.venue);
      if (words.dressCode) drawField(doc, "Trang phục", words.dressCode);
      doc.font("regular").fontSize(14).text(words.closing, LEFT, doc.y, { width: TEXT_WIDTH, align: "justify", indent: CM });
      if (doc.y + 150 > BOTTOM) doc.addPage();
      drawSignature(doc, letter.signer, doc.y + 12);
      // The cards from a new page, as many to a page as fit.
      let top = BOTTOM;
      for (const card of invitation.delegates) {
        const height = cardHeight(card);
        if (top + height > BOTTOM) {
          doc.addPage();
          doc
            .font("bold")
            .fontSize(13)
            .text(`THẺ ĐẠI BIỂU (${attachedTo(letter)} gửi ${words.addressee})`, LEFT, MARGIN.top, {
              width: TEXT_WIDTH,
              align: "center",
            });
          top = doc.y + 10;
        }
        drawCard(top, card, height);
        top += height + CARD_GAP;
      }
    },
    finish() {
      doc.end();
      return bytes;
    },
  };
}
