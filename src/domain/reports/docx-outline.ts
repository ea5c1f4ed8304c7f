/**
 * A unit's whole report written in Word, laid along its form: the file's headings are found (Word heading styles,
 * Roman numerals, bold numbered lines, or any line that reads like a heading of the form) and matched to the
 * form's headings by number and text, without regard to diacritics or old/new tone placement. What lies under a
 * heading becomes that heading's section; what matched nothing is returned for the unit to place.
 */
import { normalizeTones, searchKey } from "../text/vietnamese";
import { blockNodes, type HtmlElement, type HtmlNode, parseHtml, textOf } from "./html-doc";
import { ReportDocError, type ReportDocJson, validateReportDoc } from "./rich-text";

export interface OutlineHeading {
  id: string;
  number: string;
  heading: string;
}

export interface OutlineBlock {
  title: string;
  headingId: string | null;
  doc: ReportDocJson;
  text: string;
}

export interface OutlineMatch {
  blocks: OutlineBlock[];
  emptyHeadingIds: string[];
}

const NUMBERED = /^(?:(?:phần|mục)\s+)?([ivxlc]+|\d+(?:\.\d+)*|[a-zđ])\s*[.):]\s*(.*)$|^(\d+(?:\.\d+)+)\s+(.+)$/iu;
const ROMAN = /^[IVXLC]+$/u;

/** `split("II. Kết quả:")` → { number: "ii", key: "ket qua" }. */
function split(line: string): { number: string | null; key: string; roman: boolean } {
  const text = normalizeTones(line.normalize("NFC")).trim();
  const m = NUMBERED.exec(text);
  const number = m ? (m[1] ?? m[3]) : null;
  const rest = m ? (m[2] ?? m[4] ?? "") : text;
  return {
    number: number ? number.toLowerCase() : null,
    key: searchKey(rest).replace(/[\s.:;,–-]+$/u, ""),
    roman: number !== null && ROMAN.test(number),
  };
}

const numberKey = (n: string) =>
  n
    .trim()
    .replace(/[.):]+$/u, "")
    .toLowerCase();

/** Which form heading a line of the file is, or null. Headings after the last match are preferred (numbers repeat). */
function matchHeading(line: string, headings: readonly OutlineHeading[], after: number, taken: ReadonlySet<number>): number {
  const { number, key } = split(line);
  if (key === "" && number === null) return -1;
  const order = [...headings.keys()].filter((i) => !taken.has(i)).sort((a, b) => (a > after ? 0 : 1) - (b > after ? 0 : 1) || a - b);
  const keyOf = (h: OutlineHeading) => searchKey(normalizeTones(h.heading)).replace(/[\s.:;,–-]+$/u, "");
  const tests: Array<(h: OutlineHeading) => boolean> = [
    (h) => number !== null && numberKey(h.number) === number && keyOf(h) === key,
    (h) => key !== "" && keyOf(h) === key,
    // A numbered line that starts like a heading, short enough not to be a body paragraph opening with its number.
    (h) =>
      number !== null &&
      line.length <= 150 &&
      numberKey(h.number) === number &&
      key.length >= 4 &&
      keyOf(h).length >= 4 &&
      (key.startsWith(keyOf(h)) || keyOf(h).startsWith(key)),
  ];
  for (const test of tests) for (const i of order) if (test(headings[i])) return i;
  return -1;
}

const isBoldOnly = (e: HtmlElement) =>
  e.children.length > 0 && e.children.every((c) => (typeof c === "string" ? c.trim() === "" : c.tag === "strong" || c.tag === "b"));

/** Looks like a heading though it matches none of the form's: a Word heading, a Roman numeral, a bold numbered line. */
function looksLikeHeading(e: HtmlElement, text: string): boolean {
  if (text.length === 0 || text.length > 300) return false;
  if (/^h[1-6]$/u.test(e.tag)) return true;
  const { number, roman } = split(text);
  return e.tag === "p" && number !== null && (roman || isBoldOnly(e));
}

/** The top-level items of the file: paragraphs and tables, and each item of a top-level list (Word's numbered headings). */
function items(nodes: readonly HtmlNode[]): HtmlElement[] {
  const out: HtmlElement[] = [];
  for (const n of nodes) {
    if (typeof n === "string") {
      if (n.trim() !== "") out.push({ tag: "p", attrs: {}, children: [n] });
    } else if (n.tag === "ol" || n.tag === "ul") {
      for (const li of n.children) if (typeof li !== "string" && li.tag === "li") out.push({ tag: n.tag, attrs: {}, children: [li] });
    } else out.push(n);
  }
  return out;
}

/** Adjacent single-item lists of the same kind join again into one list. */
function joinLists(nodes: ReportDocJson[]): ReportDocJson[] {
  const out: ReportDocJson[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (last && (n.type === "bulletList" || n.type === "orderedList") && last.type === n.type)
      last.content = [...(last.content ?? []), ...(n.content ?? [])];
    else out.push(n);
  }
  return out;
}

export const BEFORE_FIRST_HEADING = "(Phần đầu tệp, trước đề mục đầu tiên)";

/**
 * Lays Word's HTML (mammoth) along the form: `matchOutline("<p>I. Tình hình</p><p>Tốt.</p>", [{ number: "I", heading: "Tình hình" }])`
 * → one block "I. Tình hình" → that heading, with "Tốt." as its section. A file with no heading at all is refused.
 */
export function matchOutline(html: string, headings: readonly OutlineHeading[]): OutlineMatch {
  const raw: Array<{ title: string; headingId: string | null; nodes: ReportDocJson[] }> = [];
  let current: (typeof raw)[number] = { title: BEFORE_FIRST_HEADING, headingId: null, nodes: [] };
  let last = -1;
  const taken = new Set<number>();
  let found = 0;
  for (const e of items(parseHtml(html))) {
    const text = e.tag === "table" ? "" : textOf(e);
    const at = text && text.length <= 300 ? matchHeading(text, headings, last, taken) : -1;
    if (at >= 0 || (text && looksLikeHeading(e, text))) {
      raw.push(current);
      found++;
      if (at >= 0) {
        last = at;
        taken.add(at);
      }
      current = { title: text, headingId: at >= 0 ? headings[at].id : null, nodes: [] };
    } else current.nodes.push(...blockNodes(e));
  }
  raw.push(current);
  if (found === 0)
    throw new ReportDocError(
      "Không tìm thấy đề mục nào trong tệp .docx nên chưa đặt được nội dung vào đề cương. Hãy đánh số các đề mục như trong đề cương (I., 1., a) …) hoặc dùng kiểu Heading của Word, rồi tải lên lại; chưa có gì được lưu.",
    );
  // Each form heading is matched at most once (see `taken`): a repeat in the file is not matched again.
  const blocks: OutlineBlock[] = [];
  for (const b of raw) {
    const content = joinLists(b.nodes).filter((n) => n.type !== "paragraph" || n.content);
    const { doc, text } = validateReportDoc({ type: "doc", content: content.length ? content : [{ type: "paragraph" }] });
    if (!b.headingId && text === "" && b.title === BEFORE_FIRST_HEADING) continue;
    blocks.push({ title: b.title, headingId: b.headingId, doc, text });
  }
  const filled = new Set(blocks.filter((b) => b.headingId && b.text !== "").map((b) => b.headingId));
  return { blocks, emptyHeadingIds: headings.filter((h) => !filled.has(h.id)).map((h) => h.id) };
}
