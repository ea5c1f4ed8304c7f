/**
 * Word's HTML (as mammoth writes it from a .docx) to report-section nodes: only what the report schema allows is
 * built (paragraphs, headings, lists, bold/italic/underline, line breaks, tables); links keep their text, images,
 * scripts, styles and any other tag are dropped with their attributes. The result is checked again by
 * validateReportDoc before anyone sees it.
 */
import type { ReportDocJson } from "./rich-text";

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export type HtmlNode = HtmlElement | string;

const VOID = new Set(["br", "img", "hr", "meta", "link", "input", "col"]);
/** Their text is code, not content. */
const DROPPED = new Set(["script", "style", "svg", "iframe", "object", "embed", "template", "head", "title", "noscript"]);
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (all, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : "";
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** A forgiving tree of the HTML: `parseHtml("<p>a<br/>b</p>")` → [{ tag: "p", children: ["a", {tag: "br"}, "b"] }]. */
export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { tag: "#root", attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const re = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|([^<]+|<)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) {
    const top = stack[stack.length - 1];
    if (m[5] !== undefined) {
      top.children.push(decode(m[5]));
      continue;
    }
    if (!m[2]) continue;
    const tag = m[2].toLowerCase();
    if (m[1]) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? "").matchAll(/([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/gu))
      attrs[a[1].toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? "");
    const element: HtmlElement = { tag, attrs, children: [] };
    top.children.push(element);
    if (!VOID.has(tag) && !m[4]) stack.push(element);
  }
  return root.children;
}

type Mark = NonNullable<ReportDocJson["marks"]>[number];
const MARKS: Record<string, string> = { strong: "bold", b: "bold", em: "italic", i: "italic", u: "underline" };

/** The inline content of an element: text runs with their marks, line breaks; everything else gives only its text. */
export function inlineNodes(nodes: readonly HtmlNode[], marks: readonly Mark[] = []): ReportDocJson[] {
  const out: ReportDocJson[] = [];
  for (const n of nodes) {
    if (typeof n === "string") {
      const text = n.replace(/[\r\n\t]+/gu, " ");
      if (text === "") continue;
      const last = out[out.length - 1];
      if (last?.type === "text" && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) last.text += text;
      else out.push({ type: "text", text, ...(marks.length ? { marks: [...marks] } : {}) });
    } else if (n.tag === "br") out.push({ type: "hardBreak" });
    else if (!DROPPED.has(n.tag)) {
      const mark = MARKS[n.tag];
      const inner = mark && !marks.some((m) => m.type === mark) ? [...marks, { type: mark }] : marks;
      out.push(...inlineNodes(n.children, inner));
    }
  }
  return out;
}

/** The text of an element, spaces squeezed: `textOf(<p>I. <b>Tình hình</b></p>)` → "I. Tình hình". */
export function textOf(node: HtmlNode): string {
  if (typeof node === "string") return node;
  if (DROPPED.has(node.tag)) return "";
  return node.children.map(textOf).join("").replace(/\s+/gu, " ").trim();
}

const paragraph = (children: readonly HtmlNode[]): ReportDocJson => {
  const content = inlineNodes(children);
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
};

const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "table", "div", "blockquote", "pre"]);

/** Block nodes of a container (a cell, a list item): inline runs between blocks become paragraphs. */
function containerBlocks(children: readonly HtmlNode[]): ReportDocJson[] {
  const out: ReportDocJson[] = [];
  let run: HtmlNode[] = [];
  const flush = () => {
    if (run.some((n) => textOf(n) !== "")) out.push(paragraph(run));
    run = [];
  };
  for (const n of children) {
    if (typeof n !== "string" && BLOCKS.has(n.tag)) {
      flush();
      out.push(...blockNodes(n));
    } else run.push(n);
  }
  flush();
  return out.length ? out : [{ type: "paragraph" }];
}

function cellAttrs(e: HtmlElement): Record<string, number> | undefined {
  const span = (v: string | undefined) => Math.min(Math.max(Number.parseInt(v ?? "1", 10) || 1, 1), 50);
  const colspan = span(e.attrs.colspan);
  const rowspan = span(e.attrs.rowspan);
  return colspan > 1 || rowspan > 1 ? { colspan, rowspan } : undefined;
}

function tableNode(table: HtmlElement): ReportDocJson | null {
  const rows: HtmlElement[] = [];
  const collect = (e: HtmlElement) => {
    for (const c of e.children)
      if (typeof c !== "string") {
        if (c.tag === "tr") rows.push(c);
        else if (c.tag === "thead" || c.tag === "tbody" || c.tag === "tfoot") collect(c);
      }
  };
  collect(table);
  const content = rows
    .map((r) => ({
      type: "tableRow",
      content: r.children
        .filter((c): c is HtmlElement => typeof c !== "string" && (c.tag === "td" || c.tag === "th"))
        .map((c) => {
          const attrs = cellAttrs(c);
          return { type: c.tag === "th" ? "tableHeader" : "tableCell", ...(attrs ? { attrs } : {}), content: containerBlocks(c.children) };
        }),
    }))
    .filter((r) => r.content.length > 0);
  return content.length ? { type: "table", content } : null;
}

/** One block element as report nodes (a div or quote gives its inner blocks; a heading becomes a bold paragraph). */
export function blockNodes(e: HtmlElement): ReportDocJson[] {
  if (DROPPED.has(e.tag)) return [];
  if (/^h[1-6]$/u.test(e.tag)) {
    const p = paragraph(e.children);
    return [{ ...p, content: p.content?.map((t) => (t.type === "text" ? { ...t, marks: [{ type: "bold" }] } : t)) }];
  }
  if (e.tag === "ol" || e.tag === "ul") {
    const items = e.children
      .filter((c): c is HtmlElement => typeof c !== "string" && c.tag === "li")
      .map((li) => {
        const content = containerBlocks(li.children);
        // A list item opens with a paragraph (a nested list alone gets an empty one before it).
        return { type: "listItem", content: content[0]?.type === "paragraph" ? content : [{ type: "paragraph" }, ...content] };
      });
    return items.length ? [{ type: e.tag === "ol" ? "orderedList" : "bulletList", content: items }] : [];
  }
  if (e.tag === "table") {
    const t = tableNode(e);
    return t ? [t] : [];
  }
  if (e.tag === "div" || e.tag === "blockquote" || e.tag === "body" || e.tag === "html") return containerBlocks(e.children);
  return [paragraph(e.children)];
}
