import { Document, Packer, Paragraph } from "docx";
import { bodyParagraph, centred, leadParagraph, pageSection, SIZE, SPACING, shortRule, styles, TEXT_WIDTH } from "./layout";
import { gridTable } from "./outline";

/** A conference's program as official .docx files: an annex table (speeches, awards) and the MC's script. */

/** An annex of a plan: a title, `(Kèm theo …)`, a rule, then one table. */
export interface AnnexTableDocument {
  /** Who the file is from (document properties). */
  issuer: string;
  /** The title lines, printed in capitals and bold (`DANH SÁCH PHÂN CÔNG CHUẨN BỊ THAM LUẬN`). */
  title: string[];
  /** `Kèm theo Kế hoạch số 63-KH/TU, ngày 26/5/2026 của Ban Thường vụ Thành ủy`, or null for a plan not numbered yet. */
  reference: string | null;
  header: string[];
  /** Twips per column, summing to the text width. */
  widths: number[];
  rows: string[][];
}

/** `const buffer = await buildAnnexTableDocx({ title: ["DANH SÁCH …"], header: ["STT", …], rows, … })` */
export async function buildAnnexTableDocx(doc: AnnexTableDocument): Promise<Buffer> {
  const children = [
    ...doc.title.map((line, i) =>
      centred(line, { bold: true, caps: true, size: SIZE.body }, i === 0 ? { spacing: { before: 0, after: 0, line: SPACING.tight } } : {}),
    ),
    ...(doc.reference ? [centred(`(${doc.reference})`, { italics: true, size: SIZE.body })] : []),
    shortRule(TEXT_WIDTH, 1800),
    new Paragraph({ spacing: { after: 0 }, children: [] }),
    gridTable([doc.header, ...doc.rows], { widths: doc.widths }),
  ];
  const document = new Document({ creator: doc.issuer, title: doc.title.join(" "), styles, sections: [pageSection(children)] });
  return Packer.toBuffer(document);
}

/** One agenda item of the script: its time and content, who is responsible, and the words the MC reads. */
export interface ScriptItem {
  /** `1. 08h00' - 08h05': Tuyên bố lý do, giới thiệu đại biểu` */
  heading: string;
  responsible: string;
  /** Paragraphs read out, in order; a line starting with `- ` is a stage direction, printed in italics. */
  words: string[];
}

/** Kịch bản điều hành: the conference's title, time and place, then every agenda item with the words to read. */
export interface McScriptDocument {
  issuer: string;
  /** `HỘI NGHỊ SƠ KẾT …` */
  conferenceTitle: string;
  /** `Thời gian: …`, `Địa điểm: …`, `Chủ trì: …` */
  details: string[];
  items: ScriptItem[];
}

/** `const buffer = await buildMcScriptDocx(script)` */
export async function buildMcScriptDocx(doc: McScriptDocument): Promise<Buffer> {
  const children = [
    centred("KỊCH BẢN ĐIỀU HÀNH", { bold: true, size: SIZE.body }),
    ...doc.conferenceTitle
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((line) => centred(line.trim(), { bold: true, caps: true, size: SIZE.body })),
    shortRule(TEXT_WIDTH, 1800),
    ...doc.details.map((d) => bodyParagraph(d, { italics: true })),
    ...doc.items.flatMap((item) => [
      leadParagraph(item.heading, { bold: true }),
      ...(item.responsible ? [bodyParagraph(`(${item.responsible})`, { italics: true })] : []),
      ...item.words.map((w) => (w.startsWith("- ") ? bodyParagraph(w.slice(2), { italics: true }) : bodyParagraph(w))),
    ]),
  ];
  const document = new Document({
    creator: doc.issuer,
    title: `Kịch bản điều hành ${doc.conferenceTitle}`.replace(/\s+/g, " "),
    styles,
    sections: [pageSection(children)],
  });
  return Packer.toBuffer(document);
}
