/**
 * Rebuilds plan text from positioned pieces of text: what a PDF's text layer or an OCR engine gives.
 * Output is the importer's own text markup (one paragraph per line, `| a | b |` rows), so a PDF or a
 * scan reads through the same reader as a .txt or .docx.
 *
 * - lines: pieces whose vertical centres agree; a line breaks into cells where a wide gap opens, or a
 *   narrower one whose start lines up with a cell of a neighbouring line (a table column);
 * - the two-column header and the recipients | signature block are written column by column (left
 *   first), as the reader reads a Word header table, whatever the gap between the columns;
 * - a paragraph wrapped by the page is joined again: a line that reached the right margin continues
 *   with the next one when that one starts at the left margin and is not a heading or a bullet;
 * - tables: consecutive lines of several cells, columns taken from the first row; a line whose first
 *   cell is empty continues the row above;
 * - running headers (the same line on top of several pages), page numbers and the text stamped by a
 *   digital signature (`Người ký: …`, `Thời gian ký: …`) are dropped.
 */

/** One piece of text on a page; `y` is the top edge, growing downwards, in the page's units. */
export interface TextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PositionedPage {
  width: number;
  height: number;
  items: TextItem[];
}

interface Segment {
  text: string;
  x: number;
  right: number;
}

interface Line {
  y: number;
  height: number;
  segments: Segment[];
}

const SIGNATURE_STAMP = /^(?:Người ký|Ký bởi|Signed by|Signature valid|Email|Cơ quan|Thời gian ký|Ngày ký|Chức vụ)\s*:/iu;
const PAGE_NUMBER = /^(?:[-–]?\s*\d{1,4}\s*[-–]?|Trang\s+\d{1,4}(?:\s*\/\s*\d{1,4})?)$/iu;
const TYPE_LINE = /^(?:KẾ HOẠCH|BÁO CÁO|THÔNG BÁO|CHƯƠNG TRÌNH|HƯỚNG DẪN|QUYẾT ĐỊNH|NGHỊ QUYẾT|GIẤY MỜI|KẾT LUẬN)(?:\s|$)/u;
const HEADING_OR_BULLET = /^(?:[IVX]{1,6}\s*[.\-–]|[A-ZĐ]\.\s|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-–•+]\s|Phần thứ|PHẦN THỨ|Điều\s+\d)/u;

/** Joins the pieces of one line in reading order, with a space where the gap shows one. */
function groupLines(items: TextItem[]): Array<{ y: number; height: number; items: TextItem[] }> {
  const sorted = items.filter((i) => i.text.trim() && i.height > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Array<{ y: number; height: number; items: TextItem[] }> = [];
  for (const it of sorted) {
    const centre = it.y + it.height / 2;
    const line = lines.find((l) => Math.abs(l.y + l.height / 2 - centre) < Math.max(l.height, it.height) * 0.5);
    if (line) {
      line.items.push(it);
      line.height = Math.max(line.height, it.height);
    } else lines.push({ y: it.y, height: it.height, items: [it] });
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => a.y - b.y);
}

/** Splits a line into cells at gaps wider than `minGap`; `starts` of nearby lines confirm narrower gaps. */
function segmentLine(items: TextItem[], height: number): Array<{ segment: Segment; gapBefore: number }> {
  const out: Array<{ segment: Segment; gapBefore: number }> = [];
  for (const it of items) {
    const text = it.text.replace(/\s+/gu, " ");
    const last = out[out.length - 1];
    const gap = last ? it.x - last.segment.right : Number.POSITIVE_INFINITY;
    if (last && gap < height * 0.8) {
      const glue = gap > height * 0.15 && !last.segment.text.endsWith(" ") && !text.startsWith(" ") ? " " : "";
      last.segment.text += glue + text;
      last.segment.right = Math.max(last.segment.right, it.x + it.width);
    } else out.push({ segment: { text, x: it.x, right: it.x + it.width }, gapBefore: gap });
  }
  for (const o of out) o.segment.text = o.segment.text.trim();
  return out;
}

function buildLines(page: PositionedPage): Line[] {
  const raw = groupLines(page.items).map((l) => ({ ...l, parts: segmentLine(l.items, l.height) }));
  // A gap is a cell border when it is very wide, or when the cell after it starts where a cell of a
  // neighbouring line starts (a column); otherwise it is a wide space in justified text.
  const lines: Line[] = [];
  raw.forEach((l, k) => {
    const segments: Segment[] = [];
    for (const p of l.parts) {
      const prev = segments[segments.length - 1];
      const wide = p.gapBefore > Math.max(l.height * 2.5, page.width * 0.04);
      const aligned =
        Number.isFinite(p.gapBefore) &&
        raw
          .slice(Math.max(0, k - 4), k + 5)
          .some((o) => o !== l && o.parts.some((q, qi) => qi > 0 && Math.abs(q.segment.x - p.segment.x) < 3));
      if (prev && !wide && !aligned) {
        prev.text = `${prev.text} ${p.segment.text}`;
        prev.right = p.segment.right;
      } else segments.push({ ...p.segment });
    }
    lines.push({ y: l.y, height: l.height, segments });
  });
  return lines;
}

const lineText = (l: Line) => l.segments.map((s) => s.text).join(" ");

/** Drops page furniture: page numbers at top or bottom, lines repeated atop several pages, signature stamps. */
function dropFurniture(pages: Line[][], sizes: PositionedPage[]): Line[][] {
  const tops = new Map<string, number>();
  pages.forEach((lines) => {
    for (const l of lines.slice(0, 2)) {
      const t = lineText(l).replace(/\d+/gu, "#");
      tops.set(t, (tops.get(t) ?? 0) + 1);
    }
  });
  return pages.map((lines, p) => {
    const h = sizes[p].height;
    return lines.filter((l, k) => {
      const t = lineText(l);
      const edge = l.y < h * 0.1 || l.y > h * 0.9;
      if (edge && PAGE_NUMBER.test(t.trim())) return false;
      if (k < 2 && pages.length > 2 && (tops.get(t.replace(/\d+/gu, "#")) ?? 0) >= Math.max(2, pages.length / 2)) return false;
      return !SIGNATURE_STAMP.test(t.trim());
    });
  });
}

/** Text of positioned pages in the importer's markup: `pagesToText([{ width, height, items }])`. */
export function pagesToText(pages: PositionedPage[]): string {
  const all = dropFurniture(
    pages.map((p) => buildLines(p)),
    pages,
  );
  const out: string[] = [];
  let seenType = false;
  let inSignature = false;
  // Two-column blocks (header; recipients | signature) are written column by column, left first, as a
  // clerk reads them: issuing body and number, then motto and date.
  const columns: { left: string[]; right: string[] } = { left: [], right: [] };
  const flushColumns = () => {
    out.push(...columns.left, ...columns.right);
    columns.left = [];
    columns.right = [];
  };
  for (let p = 0; p < all.length; p++) {
    const page = pages[p];
    const lines = all[p];
    if (!lines.length) continue;
    const left = Math.min(...lines.map((l) => l.segments[0].x));
    const right = Math.max(...lines.map((l) => l.segments[l.segments.length - 1].right));
    const middle = page.width / 2;
    let table: { starts: number[]; rows: string[][] } | null = null;
    const flushTable = () => {
      if (!table) return;
      table.rows.forEach((r, k) => {
        out.push(`| ${r.join(" | ")} |`);
        if (k === 0) out.push(`|${r.map(() => "---").join("|")}|`);
      });
      out.push("");
      table = null;
    };
    let prevJoinable = false;
    for (const line of lines) {
      const text = lineText(line);
      if (!seenType && TYPE_LINE.test(text) && line.segments.length === 1) {
        seenType = true;
        flushColumns();
      } else if (!seenType && p === 0) {
        addToColumns(columns, line, middle);
        continue;
      }
      if (/^Nơi nhận\s*:?/iu.test(text)) {
        flushTable();
        inSignature = true;
      }
      if (inSignature) {
        addToColumns(columns, line, middle);
        prevJoinable = false;
        continue;
      }
      if (line.segments.length >= 2 || (table && line.segments[0].x > left + 20)) {
        table = addRow(table, line, flushTable);
        prevJoinable = false;
        continue;
      }
      flushTable();
      const startsAtMargin = line.segments[0].x < left + 3;
      if (prevJoinable && startsAtMargin && !HEADING_OR_BULLET.test(text) && out.length) out[out.length - 1] += ` ${text}`;
      else out.push(text);
      prevJoinable = line.segments[0].right >= left + (right - left) * 0.8 && !/[:.;!?]$/u.test(text);
    }
    flushTable();
    // The signature block ends with its page: an annex starts on a page of its own.
    if (inSignature) {
      flushColumns();
      inSignature = false;
    }
  }
  flushColumns();
  return out.join("\n");
}

function addToColumns(columns: { left: string[]; right: string[] }, line: Line, middle: number): void {
  const l: string[] = [];
  const r: string[] = [];
  for (const s of line.segments) ((s.x + s.right) / 2 < middle ? l : r).push(s.text);
  if (l.length) columns.left.push(l.join(" "));
  if (r.length) columns.right.push(r.join(" "));
}

function addRow(
  table: { starts: number[]; rows: string[][] } | null,
  line: Line,
  flush: () => void,
): { starts: number[]; rows: string[][] } {
  let t = table;
  if (!t || (line.segments.length >= 2 && line.segments.length > t.starts.length)) {
    flush();
    t = { starts: line.segments.map((s) => s.x), rows: [] };
  }
  const cells = t.starts.map(() => "");
  for (const s of line.segments) {
    let col = 0;
    for (let c = 0; c < t.starts.length; c++) if (s.x >= t.starts[c] - 3) col = c;
    cells[col] = cells[col] ? `${cells[col]} ${s.text}` : s.text;
  }
  const prev = t.rows[t.rows.length - 1];
  // A line without a first cell continues the row above (a cell wrapped over several lines).
  if (prev && !cells[0]) cells.forEach((c, k) => (prev[k] = prev[k] && c ? `${prev[k]} ${c}` : prev[k] || c));
  else t.rows.push(cells);
  return t;
}
