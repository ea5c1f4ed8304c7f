import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { closingTable } from "./closing";
import { headerTable } from "./header";
import { QR_POINTS } from "./invitation";
import { bodyParagraph, centred, FONT, pageSection, SIZE, SPACING, styles, TEXT_WIDTH } from "./layout";
import { gridTable } from "./outline";
import { qrPngOf } from "./qr";
import type { InvitationCard, InvitationLetter, UnitInvitation } from "./types";
import { attachedTo, cardLines, UNIT_TABLE_HEAD, unitLetterText } from "./unit-invitation-text";

/**
 * A Giấy mời to a unit as an official .docx: the host's header and number, `Kính gửi: <unit>`, the invitation to
 * send the delegates listed in a table (STT, họ và tên, chức vụ, chỗ ngồi), time, venue and dress code, Nơi nhận
 * beside the signature; then, from a new page, one entry card per delegate with their own entry and confirmation
 * QR codes, so each still carries their codes to the door.
 * `const buffer = await buildUnitInvitationDocx(letter, { unit: "Phường Đông Hải", delegates })`
 */

/** Twips: STT, name, title, seat (the width between the margins). */
const COLUMNS = [709, 3118, 3118, TEXT_WIDTH - 709 - 3118 - 3118];
const CARD_LEFT = 4536;
const CARD_RIGHT = TEXT_WIDTH - CARD_LEFT;
const LINE = { style: BorderStyle.SINGLE, size: 8, color: "000000" } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;

const text = (value: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, font: FONT, size: options.size ?? SIZE.body, bold: options.bold, italics: options.italics });

const labelled = (label: string, value: string) =>
  new Paragraph({
    spacing: { after: 80 },
    indent: { firstLine: 720 },
    children: [text(`${label}: `, { bold: true }), text(value)],
  });

function card(letter: InvitationLetter, c: InvitationCard): Table {
  const image = (png: Buffer) => new ImageRun({ type: "png", data: png, transformation: { width: QR_POINTS, height: QR_POINTS } });
  const small = (value: string, options: { bold?: boolean; italics?: boolean } = {}) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 0, line: SPACING.tight },
      children: [text(value, { ...options, size: 20 })],
    });
  const left = [
    centred("THẺ ĐẠI BIỂU", { bold: true, size: SIZE.body }, { spacing: { after: 0 } }),
    centred(letter.conferenceTitle, { italics: true, size: SIZE.small }, { spacing: { after: 60 } }),
    ...cardLines(letter, c).map(
      ([label, value]) =>
        new Paragraph({
          spacing: { after: 40, line: SPACING.tight },
          children: [text(`${label}: `, { size: SIZE.small }), text(value, { bold: label === "Họ và tên", size: SIZE.small })],
        }),
    ),
    new Paragraph({
      spacing: { before: 60, after: 0 },
      children: [text(attachedTo(letter), { italics: true, size: 20 })],
    }),
  ];
  const codes = c.entryQr
    ? [image(qrPngOf(c.entryQr, 4)), new TextRun({ text: "  " }), image(qrPngOf(c.qr, 4))]
    : [image(qrPngOf(c.qr, 4))];
  const right = [
    // The codes' own line height (a fixed one would crop the images).
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: codes }),
    small(c.entryQr ? "Mã vào cửa                Quét để xác báo" : "Quét để xác báo"),
    small(c.confirmUrl, { italics: true }),
  ];
  const cell = (width: number, children: Paragraph[], borders: Record<string, typeof LINE | typeof NONE>) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { left: 120, right: 120, top: 80, bottom: 80 },
      borders,
      children,
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [CARD_LEFT, CARD_RIGHT],
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(CARD_LEFT, left, { top: LINE, bottom: LINE, left: LINE, right: NONE }),
          cell(CARD_RIGHT, right, { top: LINE, bottom: LINE, left: NONE, right: LINE }),
        ],
      }),
    ],
  });
}

export async function buildUnitInvitationDocx(letter: InvitationLetter, invitation: UnitInvitation): Promise<Buffer> {
  const words = unitLetterText(letter, invitation);
  const cards = invitation.delegates.flatMap((c) => [card(letter, c), new Paragraph({ spacing: { after: 240 }, children: [] })]);
  const children = [
    headerTable({ ...letter, recipients: [] }),
    new Paragraph({ spacing: { before: 360 }, children: [] }),
    centred("GIẤY MỜI", { bold: true, size: 32 }, { spacing: { after: 240 } }),
    centred(`Kính gửi: ${words.addressee}`, { bold: true, size: SIZE.body }, { spacing: { after: 240 } }),
    bodyParagraph(words.opening),
    gridTable([[...UNIT_TABLE_HEAD], ...words.rows], { widths: COLUMNS }),
    new Paragraph({ spacing: { after: 0 }, children: [] }),
    labelled("Thời gian", letter.time),
    labelled("Địa điểm", letter.venue),
    ...(words.dressCode ? [labelled("Trang phục", words.dressCode)] : []),
    bodyParagraph(words.closing),
    closingTable([invitation.unit ? "Như trên" : "Các đồng chí có tên trên", "Lưu: VT"], letter.signer),
    centred("THẺ ĐẠI BIỂU", { bold: true, size: SIZE.body }, { pageBreakBefore: true, spacing: { after: 0 } }),
    centred(`(${attachedTo(letter)} gửi ${words.addressee})`, { italics: true, size: SIZE.small }, { spacing: { after: 240 } }),
    ...cards,
  ];
  const document = new Document({
    creator: letter.issuer,
    title: `Giấy mời ${letter.conferenceTitle}`,
    styles,
    sections: [pageSection(children)],
  });
  return Packer.toBuffer(document);
}
