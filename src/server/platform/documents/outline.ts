import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from "docx";
import { bodyParagraph, FONT, leadParagraph, type RunStyle, SIZE, SPACING, TEXT_WIDTH } from "./layout";
import type { OutlineSection } from "./types";

type Block = Paragraph | Table;

/** Heading styles by depth: I. bold caps; 1. bold; 1.1./a) bold italic; deeper italic. */
const headingStyle = (depth: number): RunStyle =>
  depth === 0 ? { bold: true } : depth === 1 ? { bold: true } : depth === 2 ? { bold: true, italics: true } : { italics: true };

/** The outline as paragraphs, in order: each heading, its text, then its children. */
export function outlineBlocks(sections: readonly OutlineSection[], depth = 0): Block[] {
  return sections.flatMap((s) => [...sectionHead(s, depth), ...textBlocks(s.text), ...outlineBlocks(s.children, depth + 1)]);
}

function sectionHead(s: OutlineSection, depth: number): Paragraph[] {
  const heading = depth === 0 ? s.heading.toLocaleUpperCase("vi") : s.heading;
  const lead = [s.number, heading].filter(Boolean).join(" ").trim();
  return lead ? [leadParagraph(lead, headingStyle(depth))] : [];
}

/** Free text: one paragraph per line; consecutive lines starting with "|" become a bordered table. */
export function textBlocks(text: string): Block[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; ) {
    if (lines[i].startsWith("|")) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i].startsWith("|"); i++) {
        const cells = lines[i]
          .replace(/^\||\|$/g, "")
          .split("|")
          .map((c) => c.trim());
        // A Markdown separator row (|---|---|) carries no content.
        if (!cells.every((c) => /^:?-{2,}:?$/.test(c))) rows.push(cells);
      }
      blocks.push(gridTable(rows));
    } else {
      blocks.push(bodyParagraph(lines[i]));
      i++;
    }
  }
  return blocks;
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/**
 * A bordered table; the first row is the header (bold, centred). Without `widths`, each column gets room
 * for its longest cell (capped, so one long cell does not starve the rest) and never less than its header word.
 */
export function gridTable(rows: string[][], options: { widths?: number[]; size?: number } = {}): Table {
  const size = options.size ?? SIZE.header;
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = options.widths ?? autoWidths(rows, columns);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: GRID,
    rows: rows.map(
      (r, ri) =>
        new TableRow({
          tableHeader: ri === 0,
          cantSplit: true,
          children: Array.from({ length: columns }, (_, c) => {
            const short = (r[c] ?? "").length <= 12;
            return new TableCell({
              width: { size: widths[c], type: WidthType.DXA },
              margins: { left: 80, right: 80, top: 40, bottom: 40 },
              children: [
                new Paragraph({
                  alignment: ri === 0 || short ? AlignmentType.CENTER : AlignmentType.LEFT,
                  spacing: { after: 0, line: SPACING.tight },
                  children: [new TextRun({ text: r[c] ?? "", bold: ri === 0, size, font: FONT })],
                }),
              ],
            });
          }),
        }),
    ),
  });
}

function autoWidths(rows: string[][], columns: number): number[] {
  const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => w.length));
  // About 180 twips per bold 13 pt character plus the cell margins: the header's longest word must fit.
  const floor = Array.from({ length: columns }, (_, c) => 200 + 180 * Math.max(2, longestWord(rows[0]?.[c] ?? "")));
  const weight = Array.from({ length: columns }, (_, c) => Math.max(3, Math.min(60, Math.max(...rows.map((r) => (r[c] ?? "").length)))));
  const total = weight.reduce((a, b) => a + b, 0);
  const widths = weight.map((w, c) => Math.max(floor[c], Math.round((TEXT_WIDTH * w) / total)));
  // Whatever the floors added is taken back from the widest column.
  const excess = widths.reduce((a, b) => a + b, 0) - TEXT_WIDTH;
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] -= excess;
  return widths;
}
