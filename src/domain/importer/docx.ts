import mammoth from "mammoth";

/**
 * Text of a Word file in the importer's own markup: one paragraph per line, bold as `**`, tables as
 * markdown pipes with a header separator, so a .docx reads exactly like the same plan as text.
 */
export async function docxToText(buffer: Buffer): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer });
  return htmlToText(value);
}

const LAYOUT = /CỘNG H[ÒO]A XÃ HỘI|ĐẢNG CỘNG SẢN VIỆT NAM|Nơi nhận/u;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (all, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : "";
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** Inline HTML of one paragraph or cell: `<strong>` becomes `**`, `<br>` a line break, other tags go. */
function inline(html: string): string {
  return decode(
    html
      .replace(/<br\s*\/?>/giu, "\n")
      .replace(/<\/?(?:strong|b)>/giu, "**")
      .replace(/<[^>]+>/gu, ""),
  );
}

const LETTERS = "abcdđefghiklmnopqrstuvxy";

/**
 * Word's automatic numbering reaches mammoth as `<ol><li>`: the numbers are not in the text, so write them
 * back (`1.` at the first level, `a)` below; `-` and `+` for bullets) as paragraphs the outline can read.
 * `flattenLists("<ol><li>Mục đích</li></ol>") === "<p>1. Mục đích</p>"`.
 */
export function flattenLists(html: string): string {
  const stack: Array<{ ordered: boolean; count: number }> = [];
  let open = false;
  return html.replace(/<(\/?)(ol|ul|li)(?:\s[^>]*)?>|<\/?p(?:\s[^>]*)?>/giu, (tag, close: string | undefined, name: string | undefined) => {
    const inList = stack.length > 0;
    if (!name) return inList ? "" : tag; // paragraphs inside an item merge into its line
    const closeOpen = open ? "</p>" : "";
    open = false;
    const lower = name.toLowerCase();
    if (lower === "ol" || lower === "ul") {
      if (close) stack.pop();
      else stack.push({ ordered: lower === "ol", count: 0 });
      return closeOpen;
    }
    if (close) return closeOpen;
    const top = stack[stack.length - 1];
    if (!top) return closeOpen;
    top.count++;
    const depth = stack.length - 1;
    const mark = top.ordered
      ? depth === 0
        ? `${top.count}. `
        : `${LETTERS[(top.count - 1) % LETTERS.length]}) `
      : depth === 0
        ? "- "
        : "+ ";
    open = true;
    return `${closeOpen}<p>${mark}`;
  });
}

/** Mammoth's HTML to importer text: `htmlToText("<p>KẾ HOẠCH</p>") === "KẾ HOẠCH"`. */
export function htmlToText(rawHtml: string): string {
  const html = /<[ou]l[\s>]/iu.test(rawHtml) ? flattenLists(rawHtml) : rawHtml;
  const out: string[] = [];
  const re = /<table>([\s\S]*?)<\/table>|<(p|h[1-6]|li)(?:\s[^>]*)?>([\s\S]*?)<\/\2>/giu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) {
    if (m[1] !== undefined && LAYOUT.test(inline(m[1]))) {
      // Header and signature tables: read each column's paragraphs top to bottom, left column first.
      const grid = [...m[1].matchAll(/<tr>([\s\S]*?)<\/tr>/giu)].map((r) =>
        [...r[1].matchAll(/<t[dh](?:\s[^>]*)?>([\s\S]*?)<\/t[dh]>/giu)].map((c) =>
          [...c[1].matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/giu)].map((p) => inline(p[1])),
        ),
      );
      const width = Math.max(0, ...grid.map((r) => r.length));
      for (let c = 0; c < width; c++) for (const row of grid) for (const line of row[c] ?? []) out.push(line);
    } else if (m[1] !== undefined) {
      const rows = [...m[1].matchAll(/<tr>([\s\S]*?)<\/tr>/giu)].map((r) =>
        [...r[1].matchAll(/<t[dh](?:\s[^>]*)?>([\s\S]*?)<\/t[dh]>/giu)].map((c) =>
          inline(c[1].replace(/<\/p>\s*<p>/giu, " "))
            .replace(/\*\*/g, "")
            .replace(/\s+/g, " ")
            .replace(/\|/g, "/")
            .trim(),
        ),
      );
      rows.forEach((cells, k) => {
        out.push(`| ${cells.join(" | ")} |`);
        if (k === 0) out.push(`|${cells.map(() => "---").join("|")}|`);
      });
      out.push("");
    } else {
      out.push(inline(m[3] ?? ""));
    }
  }
  return out.join("\n");
}
