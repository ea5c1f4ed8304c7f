/**
 * Shapes of text copied from legal-document websites and PDF viewers, mended before the reader sees them.
 */

const TYPE_AT_START =
  /^\s*\**\s*(?:KẾ HOẠCH|BÁO CÁO|THÔNG BÁO|CHƯƠNG TRÌNH|HƯỚNG DẪN|QUYẾT ĐỊNH|NGHỊ QUYẾT|GIẤY MỜI|KẾT LUẬN)\**\s*$|^\s*Kế hoạch\s/u;

/**
 * A header copied out of a table keeps its cell borders as `|` (`ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI |`),
 * sometimes with a cell broken over lines: above the type name every cell becomes a line of its own.
 * Markdown rows (`| a | b |`, from .docx and .md) are left to the layout reader.
 * `splitHeaderCells("A | B |\nKẾ HOẠCH")` → `"A\nB\nKẾ HOẠCH"`.
 */
export function splitHeaderCells(text: string): string {
  const lines = text.split(/\r\n|\r|\n/u);
  let typeAt = lines.slice(0, 80).findIndex((l) => TYPE_AT_START.test(l));
  // No type name at all (a site dropped it): the header ends where the citations begin.
  if (typeAt < 0) typeAt = lines.slice(0, 80).findIndex((l) => /^\s*(?:Căn cứ|Thực hiện)\s/u.test(l));
  if (typeAt <= 0) return text;
  let changed = false;
  const head: string[] = [];
  for (const line of lines.slice(0, typeAt)) {
    if (/^[\s|]*\|[\s|]*$/u.test(line)) {
      changed = true; // a row border alone: nothing to read
      continue;
    }
    if (!line.includes("|") || line.trim().startsWith("|")) {
      head.push(line);
      continue;
    }
    changed = true;
    for (const cell of line.split("|")) if (cell.trim()) head.push(cell.trim());
  }
  return changed ? [...head, ...lines.slice(typeAt)].join("\n") : text;
}

/**
 * Line breaks some websites print as the characters `\r\n` (their HTML source leaking into the page) become
 * real ones. `literalBreaks("a\\r\\nb")` → `"a\nb"`.
 */
export function literalBreaks(text: string): string {
  return text.includes("\\r\\n") || text.includes("\\n\\n") ? text.replace(/(?:\\r)?\\n/gu, "\n") : text;
}
