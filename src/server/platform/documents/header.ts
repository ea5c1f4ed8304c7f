import { type Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from "docx";
import { numberLine, placeDate } from "./format";
import { centred, NO_BORDERS, SIZE, shortRule, TEXT_WIDTH } from "./layout";
import type { OfficialHeader } from "./types";

const LEFT = 3686; // 6.5 cm: the issuing body's column
const RIGHT = TEXT_WIDTH - LEFT;

const cell = (width: number, children: Paragraph[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, verticalAlign: VerticalAlign.TOP, children });

/**
 * The header table above every official document: row 1 holds the bodies (left) and the national title or
 * the Party's name (right); row 2 holds the number (left) and the place and date (right), so they line up.
 * `extraLeft` goes under the number (a công văn's `V/v …`).
 */
export function headerTable(doc: OfficialHeader, extraLeft: Paragraph[] = []): Table {
  const [bodies, title] = doc.layout === "party" ? partyTop(doc) : stateTop(doc);
  const number = centred(numberLine(doc.layout, doc.number), { size: SIZE.header }, { spacing: { before: 120, after: 0 } });
  const date = centred(placeDate(doc.place, doc.date), { italics: true, size: SIZE.body }, { spacing: { before: 120, after: 0 } });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT, RIGHT],
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [cell(LEFT, bodies), cell(RIGHT, title)] }),
      new TableRow({ children: [cell(LEFT, [number, ...extraLeft]), cell(RIGHT, [date])] }),
    ],
  });
}

/** State: parent (caps, regular), issuer (caps, bold, rule); Quốc hiệu (caps, bold) over Tiêu ngữ (bold, rule). */
function stateTop(doc: OfficialHeader): [Paragraph[], Paragraph[]] {
  const bodies = [
    ...(doc.parentBody ? [centred(doc.parentBody, { caps: true, size: SIZE.header })] : []),
    centred(doc.issuer, { caps: true, bold: true, size: SIZE.header }),
    shortRule(LEFT, 1300),
  ];
  const title = [
    centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: SIZE.nationalTitle }),
    centred("Độc lập - Tự do - Hạnh phúc", { bold: true, size: SIZE.motto }),
    shortRule(RIGHT, 3300),
  ];
  return [bodies, title];
}

/** Party: parent (caps), issuer (caps, bold), a star; on the right the Party's name (caps, bold) with a rule. */
function partyTop(doc: OfficialHeader): [Paragraph[], Paragraph[]] {
  const bodies = [
    ...(doc.parentBody ? [centred(doc.parentBody, { caps: true, size: SIZE.header })] : []),
    centred(doc.issuer, { caps: true, bold: true, size: SIZE.header }),
    centred("*", { size: SIZE.header }),
  ];
  const title = [centred("ĐẢNG CỘNG SẢN VIỆT NAM", { bold: true, size: 30 }), shortRule(RIGHT, 3300)];
  return [bodies, title];
}
