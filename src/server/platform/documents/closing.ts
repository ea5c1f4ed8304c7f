import { type Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from "docx";
import { recipientLines } from "./format";
import { centred, NO_BORDERS, plain, SIZE, SPACING, TEXT_WIDTH } from "./layout";
import type { Signer } from "./types";

const LEFT = 4536; // 8 cm for Nơi nhận
const RIGHT = TEXT_WIDTH - LEFT;

const cell = (width: number, children: Paragraph[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, verticalAlign: VerticalAlign.TOP, children });

/** `Nơi nhận:` (bold italic 12 pt, recipients 11 pt) on the left, the signature block on the right, side by side. */
export function closingTable(recipients: readonly string[], signer: Signer): Table {
  const left = [
    plain("Nơi nhận:", { bold: true, italics: true, size: SIZE.small }, { spacing: { before: 120, after: 0, line: SPACING.tight } }),
    ...recipientLines(recipients).map((line) => plain(line, { size: SIZE.recipients })),
  ];
  const right = [
    ...(signer.authority
      ? [
          centred(
            signer.authority,
            { bold: true, caps: true, size: SIZE.body },
            { spacing: { before: 120, after: 0, line: SPACING.tight } },
          ),
        ]
      : []),
    centred(
      signer.title,
      { bold: true, caps: true, size: SIZE.body },
      signer.authority ? {} : { spacing: { before: 120, after: 0, line: SPACING.tight } },
    ),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => centred("", {}, { spacing: { after: 0, line: 360 } })),
    centred([signer.rank, signer.name].filter(Boolean).join(" "), { bold: true, size: SIZE.body }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT, RIGHT],
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(LEFT, left), cell(RIGHT, right)] })],
  });
}
