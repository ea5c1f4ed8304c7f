/**
 * Turns plan text (plain, markdown, or what docx.ts makes of a Word file) into blocks: lines that know
 * whether they are a heading or a bullet, and tables already joined across page breaks.
 */

export type HeadingStyle = "part" | "roman" | "upper" | "arabic" | "dotted" | "lower";

export interface HeadingMark {
  style: HeadingStyle;
  /** The last number as an integer: `III` → 3, `1.2` → 2, `b` → 2. */
  value: number;
  /** As shown in the outline: `I`, `A`, `1`, `1.1`, `a`. */
  number: string;
  /** Nesting of a dotted number: `1.1` → 2. */
  depth: number;
  /** The text after the number. */
  label: string;
}

export type Block =
  | { type: "line"; text: string; bullet: "-" | "+" | null; heading: HeadingMark | null }
  | { type: "table"; rows: string[][] };

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10 };
const LOWER = "abcdđefghiklmnopqrstuvxy";

/** Reads a roman numeral up to XXXIX: `romanValue("IV") === 4`; 0 when not one. */
export function romanValue(s: string): number {
  if (!/^X{0,3}(IX|IV|V?I{0,3})$/.test(s) || s === "") return 0;
  let total = 0;
  for (let k = 0; k < s.length; k++) {
    const v = ROMAN_VALUES[s[k]];
    const next = ROMAN_VALUES[s[k + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const PART_NUMBERS = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"];

const HEADING_RES: Array<[HeadingStyle, RegExp]> = [
  [
    "part",
    /^(Phần thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|PHẦN THỨ\s+(?:NHẤT|HAI|BA|TƯ|NĂM|SÁU|BẢY|TÁM|CHÍN|MƯỜI))\s*[.:\-–]?\s*(\S.*)?$/u,
  ],
  ["roman", /^([IVX]{1,6})\s*[.\-–]\s*(\S.*)$/u],
  ["upper", /^([A-ZĐ])\.\s+(\S.*)$/u],
  ["dotted", /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\p{L}.*)$/u],
  ["arabic", /^(\d{1,2})[.)]\s*(\p{L}.*)$/u],
  ["lower", /^([a-zđ])\)\s*(\S.*)$/u],
];

const MAYBE_HEADING = /^(?:Phần thứ|PHẦN THỨ|[IVX]{1,6}\s*[.\-–]|[A-ZĐ]\.\s|\d{1,2}[.)]|\d{1,2}(?:\.\d{1,2})+|[a-zđ]\))/u;

/** Reads the outline number at the start of a line: `readHeading("1.1. Đại biểu")?.number === "1.1"`. */
export function readHeading(line: string): HeadingMark | null {
  if (!MAYBE_HEADING.test(line)) return null; // most lines: one cheap test instead of five
  for (const [style, re] of HEADING_RES) {
    const m = re.exec(line);
    if (!m) continue;
    const label = (m[2] ?? "").trim();
    if (style === "part") {
      const value = PART_NUMBERS.indexOf(m[1].split(/\s+/u).pop()!.toLowerCase()) + 1;
      return {
        style,
        value,
        number: m[1].replace(/^PHẦN THỨ/u, "Phần thứ").replace(/(?<=Phần thứ\s+)\S+$/u, (w) => w.toLowerCase()),
        depth: 1,
        label,
      };
    }
    if (style === "roman") {
      const value = romanValue(m[1]);
      if (!value || !/^[\p{Lu}\d("“]/u.test(label)) continue;
      return { style, value, number: m[1], depth: 1, label };
    }
    if (style === "upper") return { style, value: m[1].charCodeAt(0) - 64, number: m[1], depth: 1, label };
    if (style === "dotted") {
      const parts = m[1].split(".");
      return { style, value: Number(parts[parts.length - 1]), number: m[1], depth: parts.length, label };
    }
    if (style === "arabic") return { style, value: Number(m[1]), number: String(Number(m[1])), depth: 1, label };
    return { style, value: LOWER.indexOf(m[1]) + 1, number: m[1], depth: 1, label };
  }
  return null;
}

/** Removes markdown emphasis but keeps a lone `*` (the star under a Party body's name). */
export function stripMarkup(s: string): string {
  let t = s;
  // Most lines carry no markup: skip the regular expressions for them (a 10 MB plan has many lines).
  if (t.includes("#")) t = t.replace(/^#{1,6}\s+/, "");
  if (t.includes("*")) {
    t = t
      .replace(/\*\*/g, "")
      .replace(/(^|[\s(“"])\*(?=\S)/g, "$1")
      .replace(/(\S)\*(?=$|[\s).,;:”"])/g, "$1");
  }
  if (/[\t\u00a0]| {2}/.test(t)) t = t.replace(/[ \t\u00a0]+/g, " ");
  return t.trim();
}

/** Splits `I. THÀNH PHẦN**1. Thành phần****1.1. Đại biểu**`, where bold hides line breaks between headings. */
function splitGluedHeadings(line: string): string[] {
  if (!line.includes("**")) return [line];
  const parts: string[] = [];
  let from = 0;
  const re = /\*\*+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    const start = m.index + m[0].length;
    const stop = line.indexOf("**", start);
    const after = line.slice(start, Math.min(stop < 0 ? line.length : stop, start + 300));
    if (
      /^(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[A-Za-zĐđ])[.)\-–]/u.test(after) &&
      stripMarkup(line.slice(from, m.index)) &&
      readHeading(stripMarkup(after))
    ) {
      parts.push(line.slice(from, m.index));
      from = m.index;
    }
  }
  parts.push(line.slice(from));
  return parts;
}

const TYPE_GLUE = /^(KẾ HOẠCH|BÁO CÁO|THÔNG BÁO|CHƯƠNG TRÌNH|HƯỚNG DẪN|QUYẾT ĐỊNH|NGHỊ QUYẾT|GIẤY MỜI)\*\*(.+)$/u;

function splitCells(line: string, inTable: boolean): string[] | null {
  if (!line.includes("|") && !line.includes("\t")) return null;
  const t = line.replace(/^ +| +$/gu, "");
  if (t.startsWith("|")) {
    const inner = t.replace(/^\|/, "").replace(/\|$/, "");
    return inner.split("|").map((c) => stripMarkup(c));
  }
  if (t.includes("\t")) {
    const cells = t.split("\t").map((c) => stripMarkup(c));
    while (cells.length > 1 && cells[cells.length - 1] === "" && !inTable) cells.pop();
    // One text with a stray tab is a line; two filled cells (or a row inside a table) is a row.
    if (cells.filter((c) => c).length >= 2 || (inTable && cells.length >= 2)) return cells;
  }
  return null;
}

/** Header and signature tables only lay text out in columns: they are read column by column, not as data. */
const LAYOUT = /^(?:CỘNG H[ÒO]A|ĐẢNG CỘNG SẢN|Độc lập|Số\s*:?\s*\d|Nơi nhận|T\/M|K\/T|TM\.|KT\.|TL\.)|,\s*ngày\s+(?:\d+|\.+|…+)?\s*tháng/u;

/** Words a sentence never ends on: a line ending with one continues on the next line. */
const DANGLING = /(?:^|\s)(?:số|ngày|tháng|năm|của|và|về|tại|với|theo|cho|các|những|là|đến|từ|trong|ban hành|kèm theo)$|,$/u;
const isCapsLine = (t: string) => !/\p{Ll}/u.test(t) && /\p{Lu}/u.test(t);

const isSeparator = (line: string) => /^\|?\s*:?-{2,}/.test(line.trim()) && /^[\s|:-]+$/.test(line.trim());
const ends = /[.;:!?)…]$/u;

/** A time limit shared by the stages of one import; `cut` records that reading stopped early. */
export interface Budget {
  until: number;
  cut: boolean;
}

/** Reads a whole text into blocks: `toBlocks("I. MỤC ĐÍCH\n- Một;")[1].bullet === "-"`. */
export function toBlocks(text: string, budget?: Budget): Block[] {
  const blocks: Block[] = [];
  let table: { rows: string[][]; header: string[] | null } | null = null;
  let lastWasRow = false;
  let layout: string[][] | null = null;
  const flushLayout = () => {
    if (!layout) return;
    const width = Math.max(...layout.map((r) => r.length));
    for (let c = 0; c < width; c++) for (const row of layout) if (row[c]) pushLine(blocks, row[c]);
    layout = null;
  };
  const rawLines = text
    .replace(/^\uFEFF/, "")
    .normalize("NFC")
    .split(/\r\n|\r|\n/);
  for (let n = 0; n < rawLines.length; n++) {
    // A huge paste must still answer in time: stop reading, and say so, when the budget runs out.
    if (budget && (n & 1023) === 1023 && performance.now() > budget.until) {
      budget.cut = true;
      break;
    }
    const raw0 = rawLines[n];
    const raw = raw0.includes("\u00a0") ? raw0.replace(/\u00a0/g, " ") : raw0;
    if (!raw.trim() || /^[\s|]+$/u.test(raw)) continue;
    if (raw.includes("--") && isSeparator(raw)) {
      if (table && lastWasRow) {
        // The row just read is a header: a repeated one continues the table across a page break.
        const header: string[] = table.rows[table.rows.length - 1];
        if (table.header && sameRow(table.header, header) && table.rows.length > 1) table.rows.pop();
        else if (table.rows.length > 1) {
          table.rows.pop();
          table = { rows: [header], header };
          blocks.push({ type: "table", rows: table.rows });
        } else table.header = header;
      }
      continue;
    }
    const cells = splitCells(raw, table !== null || layout !== null);
    if (cells && (layout || (!table && cells.some((c) => LAYOUT.test(c))))) {
      (layout ??= []).push(cells);
      continue;
    }
    flushLayout();
    if (cells) {
      if (!table) {
        table = { rows: [], header: null };
        blocks.push({ type: "table", rows: table.rows });
      }
      // The header repeated on the next page (no separator row in tab-separated text) is not data.
      if (table.rows.length > 1 && sameRow(cells, table.rows[0])) {
        lastWasRow = false; // so its separator row, if any, is not taken for a new header
        continue;
      }
      const prev = table.rows[table.rows.length - 1];
      if (prev && cells[0] === "" && cells.some((c) => c !== "") && prev[0] !== "" && table.rows.length > 1) {
        // A row without a number continues the row above (a cell broken by a page break).
        cells.forEach((c, k) => {
          if (c) prev[k] = prev[k] ? `${prev[k]} ${c}` : c;
        });
      } else table.rows.push(cells);
      lastWasRow = true;
      continue;
    }
    lastWasRow = false;
    table = null;
    const glued = TYPE_GLUE.exec(raw.trim());
    const pieces = glued ? [glued[1], glued[2]] : splitGluedHeadings(raw);
    for (const piece of pieces) pushLine(blocks, piece);
  }
  flushLayout();
  return blocks;
}

function sameRow(a: string[], b: string[]): boolean {
  const norm = (r: string[]) => r.map((c) => c.toLowerCase().replace(/\s+/g, " ").trim()).join("|");
  return norm(a) === norm(b);
}

function pushLine(blocks: Block[], piece: string): void {
  let text = stripMarkup(piece);
  if (!text) return;
  let bullet: "-" | "+" | null = null;
  const bm = /^((?:[-–•+]\s+)+)(.*)$/u.exec(text);
  if (bm?.[2].trim()) {
    bullet = bm[1].includes("+") ? "+" : "-";
    text = bm[2].trim();
  }
  const heading = bullet ? null : readHeading(text);
  const prev = blocks[blocks.length - 1];
  // A line broken in the middle of a sentence continues with a small letter, or after a word that
  // cannot end one (`Căn cứ Nghị định số` ⏎ `45/2024/NĐ-CP …`, `Đà Nẵng, ngày` ⏎ `03 tháng 7 …`).
  if (
    !heading &&
    !bullet &&
    prev &&
    prev.type === "line" &&
    !prev.heading &&
    !ends.test(prev.text) &&
    (!isCapsLine(prev.text) || /^\p{Ll}/u.test(text)) &&
    (/^\p{Ll}/u.test(text) || DANGLING.test(prev.text) || (/^\d/u.test(text) && prev.text.length >= 40))
  ) {
    prev.text = `${prev.text} ${text}`;
    return;
  }
  blocks.push({ type: "line", text, bullet, heading });
}
