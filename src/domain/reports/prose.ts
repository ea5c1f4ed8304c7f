/**
 * Reading and assembling the editor's documents (ProseMirror JSON) where no editor runs: plain text for search and
 * the .docx, and the compiled draft's passages. Pure functions; the allowed schema itself is checked by the
 * rich-text validator before anything is stored.
 */

export interface ProseNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  content?: ProseNode[];
}

export interface ProseDoc extends ProseNode {
  type: "doc";
  content: ProseNode[];
}

export const emptyDoc = (): ProseDoc => ({ type: "doc", content: [] });

/** The inline text of a node (hard breaks as spaces). */
export function inlineText(node: ProseNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return " ";
  return (node.content ?? []).map(inlineText).join("");
}

/**
 * The document as lines for the official layout: a paragraph or heading per line, list items as `- …` or `1. …`,
 * table rows as `| a | b |` (which the .docx builder turns into a bordered table).
 */
export function docLines(doc: unknown): string[] {
  const lines: string[] = [];
  const walk = (node: ProseNode, prefix = "") => {
    switch (node.type) {
      case "paragraph":
      case "heading":
        lines.push(prefix + inlineText(node).trim());
        break;
      case "bulletList":
      case "orderedList":
        (node.content ?? []).forEach((item, i) => {
          const mark = node.type === "bulletList" ? "- " : `${i + 1}. `;
          (item.content ?? []).forEach((child, j) => walk(child, j === 0 ? prefix + mark : prefix));
        });
        break;
      case "table":
        for (const row of node.content ?? [])
          lines.push(`| ${(row.content ?? []).map((cell) => inlineText(cell).trim().replace(/\|/g, "/")).join(" | ")} |`);
        break;
      default:
        for (const child of node.content ?? []) walk(child, prefix);
    }
  };
  if (doc && typeof doc === "object") walk(doc as ProseNode);
  return lines.filter((l) => l.trim() !== "");
}

/** The document's plain text, one block per line. */
export const docText = (doc: unknown): string => docLines(doc).join("\n");

const paragraph = (text: string, bold = false): ProseNode => ({
  type: "paragraph",
  content: text ? [{ type: "text", text, ...(bold ? { marks: [{ type: "bold" }] } : {}) }] : [],
});

/** Plain text as paragraphs, one per non-empty line. */
export function textParagraphs(text: string): ProseNode[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => paragraph(l));
}

/** The compiled draft with a passage appended: the unit's name in bold, then the passage's blocks. */
export function appendPassage(draft: unknown, unitName: string, blocks: readonly ProseNode[]): ProseDoc {
  return { type: "doc", content: [...((draft as ProseNode | null)?.content ?? []), paragraph(`${unitName}:`, true), ...blocks] };
}
