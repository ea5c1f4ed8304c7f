import {
  AlignmentType,
  BorderStyle,
  Header,
  type IParagraphOptions,
  type ISectionOptions,
  type IStylesOptions,
  PageNumber,
  Paragraph,
  TableBorders,
  TextRun,
} from "docx";

/** Page and type settings shared by every official document (Nghị định 30/2020/NĐ-CP, Điều 5 and Phụ lục I). */
export const FONT = "Times New Roman";
/** Twips: A4 portrait. */
export const A4 = { width: 11906, height: 16838 } as const;
/** Twips: top/bottom 20 mm, left 30 mm, right 15 mm. */
export const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 851 } as const;
/** Width between the margins, in twips. */
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** Half-points. */
export const SIZE = { body: 28, header: 26, small: 24, recipients: 22, motto: 28, nationalTitle: 24 } as const;
/** First-line indent of body paragraphs: 1.27 cm. */
export const FIRST_LINE = 720;
/** 6 pt after each paragraph; body line spacing 1.3 (240 = single); 1.15 for header and signature lines. */
export const SPACING = { after: 120, line: 312, tight: 276 } as const;

export const styles: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: SIZE.body },
      paragraph: { spacing: { after: SPACING.after, line: SPACING.line } },
    },
  },
};

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  caps?: boolean;
}

const run = (text: string, style: RunStyle = {}) =>
  new TextRun({
    text: style.caps ? text.toLocaleUpperCase("vi") : text,
    bold: style.bold,
    italics: style.italics,
    size: style.size,
    font: FONT,
  });

/** A justified body paragraph with the first-line indent. */
export function bodyParagraph(text: string, style: RunStyle = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    children: [run(text, style)],
  });
}

/** A body paragraph whose first words stand out (a numbered heading followed by its text). */
export function leadParagraph(lead: string, leadStyle: RunStyle, rest = ""): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    keepNext: !rest,
    children: rest ? [run(lead, leadStyle), run(` ${rest}`)] : [run(lead, leadStyle)],
  });
}

/** A centred line, tight spacing (headers, titles, signature). */
export function centred(text: string, style: RunStyle = {}, options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 0, line: SPACING.tight },
    ...options,
    children: [run(text, style)],
  });
}

/** A left-aligned line with tight spacing (Nơi nhận list). */
export function plain(text: string, style: RunStyle = {}, options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ spacing: { after: 0, line: SPACING.tight }, ...options, children: [run(text, style)] });
}

/**
 * A short centred rule: an empty paragraph whose bottom border runs between wide indents, so its length is
 * `cellWidth - 2 × inset` twips. Word and LibreOffice both draw paragraph borders between the indents.
 */
export function shortRule(cellWidth: number, ruleWidth: number): Paragraph {
  const inset = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return new Paragraph({
    spacing: { after: 60, line: 120, lineRule: "exact" },
    indent: { left: inset, right: inset },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [],
  });
}

export const NO_BORDERS = TableBorders.NONE;

/** Section settings: A4 portrait, margins, page number centred at the top from page 2. */
export function pageSection(children: NonNullable<ISectionOptions["children"]>): ISectionOptions {
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: A4.width, height: A4.height },
        margin: { ...MARGIN, header: 567, footer: 567 },
      },
    },
    headers: {
      first: new Header({ children: [new Paragraph({ children: [] })] }),
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.header })],
          }),
        ],
      }),
    },
    children,
  };
}
