/**
 * The one definition of what a report section may contain, shared by the web editor and the server: paragraphs,
 * headings (levels 3–4, below the form's own numbered headings), bullet and numbered lists, bold, italic,
 * underline, line breaks and tables. No link, image, code, quote, rule or raw HTML: the editor cannot make them
 * (pasting from Word drops them) and the server refuses a document that holds them, whoever sent it.
 */
import { type AnyExtension, getSchema } from "@tiptap/core";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import type { Node as PmNode, Schema } from "@tiptap/pm/model";
import StarterKit from "@tiptap/starter-kit";

/** A section's document as the editor sends it (ProseMirror JSON). */
export interface ReportDocJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ReportDocJson[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  text?: string;
}

/** At most 1 MB of JSON per section (a long section of text and tables is a few tens of kB). */
export const MAX_SECTION_BYTES = 1024 * 1024;

/** The editor's extensions, also the schema's: `new Editor({ extensions: reportExtensions() })`. */
export function reportExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      link: false,
      strike: false,
      heading: { levels: [3, 4] },
    }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
  ];
}

let cached: Schema | undefined;
/** The ProseMirror schema of a report section, built once from `reportExtensions()`. */
export function reportSchema(): Schema {
  cached ??= getSchema(reportExtensions());
  return cached;
}

/** An empty section: one empty paragraph, as the editor starts. */
export const emptyReportDoc = (): ReportDocJson => ({ type: "doc", content: [{ type: "paragraph" }] });

const HEADING_LEVELS = [3, 4];
const KEYS = new Set(["type", "attrs", "content", "marks", "text"]);
const MARK_KEYS = new Set(["type", "attrs"]);

/** Friendly Vietnamese names of things people paste, for the refusal. */
const FOREIGN: Record<string, string> = {
  link: "liên kết (link)",
  image: "hình ảnh",
  code: "mã lệnh (code)",
  codeBlock: "khối mã lệnh",
  blockquote: "trích dẫn",
  horizontalRule: "đường kẻ ngang",
  strike: "gạch ngang chữ",
};
const named = (kind: "Thẻ" | "Định dạng", type: string) => `${kind} «${FOREIGN[type] ?? type}»`;

export class ReportDocError extends Error {}

const refuse = (what: string) =>
  new ReportDocError(
    `Nội dung có ${what} không được phép trong báo cáo. Báo cáo chỉ nhận đoạn văn, danh sách, chữ đậm/nghiêng/gạch chân và bảng; hãy xoá phần đó rồi lưu lại.`,
  );

function attrValueOk(value: unknown): boolean {
  if (value === null || typeof value === "number" || typeof value === "boolean") return true;
  if (typeof value === "string") return value.length <= 100;
  return Array.isArray(value) && value.length <= 100 && value.every((v) => typeof v === "number" || v === null);
}

function checkAttrs(attrs: unknown, allowed: Record<string, unknown>, owner: string): void {
  if (attrs === undefined || attrs === null) return;
  if (typeof attrs !== "object" || Array.isArray(attrs)) throw refuse(`thuộc tính không hợp lệ ở ${owner}`);
  for (const [key, value] of Object.entries(attrs)) {
    if (!(key in allowed)) throw refuse(`thuộc tính «${key}» ở ${owner}`);
    if (!attrValueOk(value)) throw refuse(`giá trị thuộc tính «${key}» ở ${owner}`);
  }
}

/** Walks the JSON before ProseMirror sees it: ProseMirror drops unknown attributes silently; a report refuses them. */
function checkShape(json: unknown, schema: Schema, depth: number): void {
  if (depth > 60) throw refuse("các lớp lồng nhau quá sâu");
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw refuse("một phần không phải nội dung văn bản");
  const node = json as Record<string, unknown>;
  for (const key of Object.keys(node)) if (!KEYS.has(key)) throw refuse(`trường «${key}»`);
  const type = typeof node.type === "string" ? schema.nodes[node.type] : undefined;
  if (!type) throw refuse(named("Thẻ", String(node.type)));
  checkAttrs(node.attrs, type.spec.attrs ?? {}, named("Thẻ", type.name));
  // The form's numbered headings are the outline; inside a section only sub-headings (levels 3–4) may stand.
  if (type.name === "heading" && !HEADING_LEVELS.includes((node.attrs as { level?: unknown } | undefined)?.level as number))
    throw refuse("tiêu đề cấp khác 3–4");
  if (node.text !== undefined && typeof node.text !== "string") throw refuse("chữ không hợp lệ");
  if (node.marks !== undefined) {
    if (!Array.isArray(node.marks)) throw refuse("định dạng không hợp lệ");
    for (const m of node.marks as unknown[]) {
      if (typeof m !== "object" || m === null) throw refuse("định dạng không hợp lệ");
      const mark = m as Record<string, unknown>;
      for (const key of Object.keys(mark)) if (!MARK_KEYS.has(key)) throw refuse(`trường «${key}» của định dạng`);
      const markType = typeof mark.type === "string" ? schema.marks[mark.type] : undefined;
      if (!markType) throw refuse(named("Định dạng", String(mark.type)));
      checkAttrs(mark.attrs, markType.spec.attrs ?? {}, named("Định dạng", markType.name));
    }
  }
  if (node.content !== undefined) {
    if (!Array.isArray(node.content)) throw refuse("nội dung không hợp lệ");
    for (const child of node.content) checkShape(child, schema, depth + 1);
  }
}

/**
 * The stored form of a section's document, or a Vietnamese refusal naming what is not allowed:
 * `validateReportDoc({ type: "doc", content: [{ type: "image", attrs: { src: "x" } }] })` throws "Nội dung có Thẻ «hình ảnh» …".
 */
export function validateReportDoc(json: unknown): { doc: ReportDocJson; text: string } {
  const size = new TextEncoder().encode(JSON.stringify(json) ?? "").length;
  if (size > MAX_SECTION_BYTES)
    throw new ReportDocError(
      `Nội dung một mục dài quá 1 MB (${Math.ceil(size / 1024)} kB). Hãy tách bớt sang mục khác hoặc đính kèm thành tệp.`,
    );
  const schema = reportSchema();
  checkShape(json, schema, 0);
  if ((json as ReportDocJson).type !== "doc") throw refuse("phần gốc không phải văn bản");
  let node: PmNode;
  try {
    node = schema.nodeFromJSON(json);
    node.check();
  } catch (error) {
    throw refuse(`cấu trúc sai (${(error as Error).message})`);
  }
  return { doc: node.toJSON() as ReportDocJson, text: docText(node) };
}

/** The plain text of a section, one line per paragraph, list item or table cell: `docText(doc)` → "Mục đích\nYêu cầu". */
export function docText(node: PmNode): string {
  const lines: string[] = [];
  node.descendants((child) => {
    if (child.isTextblock) {
      lines.push(child.textContent);
      return false;
    }
    return true;
  });
  return lines.join("\n").trim();
}

/** The plain text of a document already validated: `reportDocText(stored.doc)`. */
export function reportDocText(json: ReportDocJson): string {
  return docText(reportSchema().nodeFromJSON(json));
}
