import type { LegalBasis } from "../../contracts/importer";
import { readDates } from "../dates";
import type { Block } from "./blocks";

const BASIS_START = /^(?:Căn cứ|Thực hiện|Theo|Triển khai)\s+/u;
const ENACTING = /\s(?:xây dựng|ban hành)\s+[Kk]ế hoạch(?![\p{L}])/u;
const DOC_TYPES =
  "Hiến pháp|Luật|Bộ luật|Pháp lệnh|Nghị quyết|Nghị định|Quyết định|Chỉ thị|Kết luận|Thông tư|Thông báo|Công văn|Kế hoạch|Hướng dẫn|Chương trình|Quy định|Quy chế|Báo cáo|Văn bản|Đề án|Điều lệ";
/** A cited document begins: its type, then a number (`Nghị định số 45/…`, `Nghị quyết 653/…`) or a law's name. */
const DOC_START = new RegExp(`^(?:các\\s+)?(?:${DOC_TYPES})(?![\\p{L}])`, "u");
const NUMBERED_DOC = new RegExp(`^(?:${DOC_TYPES})\\s+(?:số\\s+)?\\d|^(?:Hiến pháp|Luật|Bộ luật|Pháp lệnh)\\s+\\p{Lu}`, "u");

/**
 * Splits a sentence citing several documents, never inside brackets: at `;` before any document, at `,`
 * or `và` before a numbered one. `splitCitations("Luật A ngày 1/1/2024, Nghị định số 1/2024/NĐ-CP và Quyết định số 2/QĐ-UBND")` → 3.
 */
export function splitCitations(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    if (depth > 0 || (c !== ";" && c !== "," && c !== " ")) continue;
    const sep = /^(?:;\s*|,\s+|\s+và\s+)/u.exec(text.slice(k, k + 6));
    if (!sep) continue;
    const rest = text.slice(k + sep[0].length);
    if (c === ";" ? DOC_START.test(rest) : NUMBERED_DOC.test(rest)) {
      out.push(text.slice(from, k));
      from = k + sep[0].length;
      k = from - 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

/** The sentence that issues the plan: who issues it and, when the header has none, its title. */
export interface Enacting {
  issuer: string | null;
  title: string | null;
}

/** Legal bases and the enacting sentence of the preamble: `readPreamble(blocks, 2026).bases.length`. */
export function readPreamble(preamble: Block[], year: number | null): { bases: LegalBasis[]; enacting: Enacting } {
  const bases: LegalBasis[] = [];
  const enacting: Enacting = { issuer: null, title: null };
  for (const b of preamble) {
    if (b.type !== "line") continue;
    let text = b.text;
    const e = ENACTING.exec(text);
    if (e) {
      const before = text.slice(0, e.index);
      const comma = before.lastIndexOf(", ");
      const subject = (comma >= 0 ? before.slice(comma + 2) : before).trim();
      if (!enacting.issuer && /^\p{Lu}/u.test(subject) && subject.split(/\s+/).length <= 12) enacting.issuer = subject;
      const rest = text.slice(e.index + e[0].length).trim();
      const cut = rest.split(/\s*\((?:sau đây|gọi tắt)|\s+(?:như sau|với (?:những|các) nội dung)|:\s*$/u)[0];
      if (!enacting.title && cut) enacting.title = cut.replace(/[\s,.:;]+$/u, "");
      text = comma >= 0 ? before.slice(0, comma) : "";
    }
    if (!BASIS_START.test(text)) continue;
    const body = text.replace(BASIS_START, "");
    for (const part of splitCitations(body)) {
      const t = part.replace(/[\s;,.]+$/u, "").trim();
      // `Căn cứ tình hình thực tế …`, `Triển khai công tác …` cite no document.
      if (t && (DOC_START.test(t) || /(?:^|\s)số\s+\d|\d+[-/]\p{Lu}/u.test(t))) bases.push(readBasis(t, year));
    }
  }
  return { bases, enacting };
}

/** One cited document: `readBasis("Kết luận số 137-KL/TW ngày 28/3/2025 của Bộ Chính trị", null).documentNumber === "137-KL/TW"`. */
export function readBasis(text: string, year: number | null): LegalBasis {
  const num =
    /(?:^|\s)số\s+(\d[\p{L}\p{N}.\-/]*[\p{L}\p{N}])/u.exec(text) ?? /(?:^|\s)(\d+[-/][\p{Lu}][\p{L}\p{N}\-/]*[\p{L}\p{N}])/u.exec(text);
  const day = readDates(text, { year }).find((d) => d.dayPrecise && d.date);
  const issuer = /(?:^|\s)của\s+(.+?)(?=\s+(?:về|trong|tại|ban hành|quy định|hướng dẫn)\s|\s*\((?:sau đây|gọi tắt|viết tắt)|[;.]|$)/u.exec(
    text,
  );
  return {
    text,
    documentNumber: num ? num[1] : null,
    documentDate: day?.date ?? null,
    issuer: issuer ? issuer[1].replace(/[\s,]+$/u, "") : null,
  };
}
