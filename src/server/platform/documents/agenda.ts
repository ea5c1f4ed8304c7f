import { Document, Packer, Paragraph } from "docx";
import { headerTable } from "./header";
import { bodyParagraph, centred, pageSection, SIZE, SPACING, shortRule, styles, TEXT_WIDTH } from "./layout";
import { gridTable } from "./outline";
import type { AgendaDocument } from "./types";

/** Twips: STT, time, content, who. */
const COLUMNS = [680, 1900, TEXT_WIDTH - 680 - 1900 - 2900, 2900];

/** `("08:00", "08:05")` → `08h00' - 08h05'`, as plans write an agenda's times. */
export function agendaTime(start: string | null, end: string | null): string {
  const at = (t: string) => `${t.replace(":", "h")}'`;
  if (start && end) return `${at(start)} - ${at(end)}`;
  return start ? at(start) : "";
}

/**
 * A conference's agenda as an official .docx: the issuer's header, `CHƯƠNG TRÌNH HỘI NGHỊ`, the conference's
 * title, when and where, then the table STT | Thời gian | Nội dung | Phân công thực hiện, every item in order.
 * `const buffer = await buildAgendaDocx(agenda)`
 */
export async function buildAgendaDocx(doc: AgendaDocument): Promise<Buffer> {
  const rows = [
    ["STT", "Thời gian", "Nội dung", "Phân công thực hiện"],
    ...doc.items.map((item, i) => [String(i + 1), agendaTime(item.start, item.end), item.content, item.responsible]),
  ];
  const children = [
    headerTable(doc),
    centred("CHƯƠNG TRÌNH HỘI NGHỊ", { bold: true, size: SIZE.body }, { spacing: { before: 360, after: 0, line: SPACING.tight } }),
    centred(doc.title, { bold: true, size: SIZE.body }),
    ...(doc.reference ? [centred(doc.reference, { italics: true, size: SIZE.body })] : []),
    shortRule(TEXT_WIDTH, 1800),
    new Paragraph({ spacing: { after: 0 }, children: [] }),
    ...(doc.when ? [bodyParagraph(`Thời gian: ${doc.when}.`)] : []),
    ...(doc.venue ? [bodyParagraph(`Địa điểm: ${doc.venue.replace(/\.$/, "")}.`)] : []),
    gridTable(rows, { widths: COLUMNS }),
    ...(doc.total ? [bodyParagraph(`Tổng thời gian: ${doc.total}.`, { italics: true })] : []),
  ];
  const document = new Document({ creator: doc.issuer, title: `Chương trình ${doc.title}`, styles, sections: [pageSection(children)] });
  return Packer.toBuffer(document);
}
