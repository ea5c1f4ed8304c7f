import type { LegalBasis } from "../../contracts/importer";
import { readDates } from "../dates";
import type { Block } from "./blocks";
import { splitNumber } from "./header";
import { startsWithUnit } from "./units";

const BASIS_START = /^(?:Căn cứ|Thực hiện|Theo|Triển khai|Trên cơ sở)\s+/u;
const ENACTING = /\s(?:xây dựng|ban hành)\s+(?:[Kk]ế hoạch|[Cc]hương trình)(?![\p{L}])/gu;
const DOC_TYPES =
  "Hiến pháp|Luật|Bộ luật|Pháp lệnh|Nghị quyết|Nghị định|Quyết định|Chỉ thị|Kết luận|Thông tư|Thông tri|Thông báo|Công văn|Kế hoạch|Hướng dẫn|Chương trình|Quy định|Quy chế|Báo cáo|Văn bản|Đề án|Điều lệ|Phương án";
/** A cited document begins: its type (`Nghị định …`), perhaps after a connective (`trên cơ sở Kế hoạch …`). */
const CONNECTIVE = "(?:(?:trên cơ sở|căn cứ|theo|thực hiện)\\s+)?";
const DOC_START = new RegExp(`^${CONNECTIVE}(?:các\\s+)?(?:${DOC_TYPES})(?![\\p{L}])`, "u");
/** A numbered one (`Nghị định số 45/…`, `Nghị quyết 653/…`, `Kế hoạch số 298 KH/…`) or a law by its name; never `Kế hoạch 5 năm`. */
const NUMBERED_DOC = new RegExp(
  `^${CONNECTIVE}(?:(?:${DOC_TYPES})\\s+(?:số\\s*:?\\s*\\d|\\d+[\\p{L}]*\\s*[-/])|(?:Hiến pháp|Luật|Bộ luật|Pháp lệnh)\\s+\\p{Lu})`,
  "u",
);

/** The sentence that issues the plan: who issues it and, when the header has none, its title. */
export interface Enacting {
  issuer: string | null;
  title: string | null;
}

/**
 * Where the enacting clause of a line starts (`…; Ủy ban nhân dân tỉnh ban hành Kế hoạch …`), or null.
 * A `ban hành Kế hoạch` said of a cited document (`Nghị quyết … của Chính phủ ban hành Kế hoạch …`) is not it.
 */
function findEnacting(text: string): { subjectAt: number; verbAt: number; rest: string } | null {
  let found: { subjectAt: number; verbAt: number; rest: string } | null = null;
  ENACTING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENACTING.exec(text)) !== null) {
    const before = text.slice(0, m.index);
    // Clause boundaries: `, ` `; ` `. ` — the subject starts after one of them (or at the start).
    const cuts = [0];
    for (const c of before.matchAll(/[,;.]\s+/gu)) cuts.push(c.index + c[0].length);
    const clause = before.slice(cuts[cuts.length - 1]);
    if (/(?:^|\s)của\s/u.test(clause)) continue;
    // The subject is the longest clause tail that names a unit (`Đảng ủy Khối các trường Đại học, Cao đẳng …`).
    let at = cuts[cuts.length - 1];
    for (let k = cuts.length - 1; k >= 0; k--) {
      const tail = before.slice(cuts[k]);
      if (startsWithUnit(tail) || /^(?:UBND|Ủy ban|Uỷ ban|Ban)\s/u.test(tail)) {
        at = cuts[k];
        break;
      }
      if (before.slice(cuts[k], at).includes(". ") || /[.;]\s*$/u.test(before.slice(0, cuts[k]))) break;
    }
    found = { subjectAt: at, verbAt: m.index, rest: text.slice(m.index + m[0].length) };
  }
  return found;
}

/** Legal bases and the enacting sentence of the preamble: `readPreamble(blocks, 2026).bases.length`. */
export function readPreamble(preamble: Block[], year: number | null): { bases: LegalBasis[]; enacting: Enacting } {
  const bases: LegalBasis[] = [];
  const enacting: Enacting = { issuer: null, title: null };
  for (const b of preamble) {
    if (b.type !== "line") continue;
    let text = b.text;
    const e = findEnacting(text);
    if (e) {
      // The last enacting sentence is the plan's own (a news lead above it may say the same).
      const subject = text
        .slice(e.subjectAt, e.verbAt)
        .replace(/\s+(?:vừa|đã|sẽ)$/u, "")
        .replace(/\s*\([^)]*\)$/u, "")
        .trim();
      if (/^\p{Lu}/u.test(subject) && subject.split(/\s+/).length <= 15) enacting.issuer = subject;
      const cut = e.rest.trim().split(/\s*\((?:sau đây|gọi tắt)|\s+(?:như sau|với (?:những|các) nội dung)|,?\s+cụ thể|:\s*$/u)[0];
      if (cut) enacting.title = cut.replace(/[\s,.:;]+$/u, "");
      text = text.slice(0, e.subjectAt);
    }
    readCitations(text, year, bases);
  }
  return { bases, enacting };
}

/**
 * Legal bases from a line that cites documents: `Căn cứ …`, `Thực hiện …`, or an item of a `CĂN CỨ` list
 * (`1. Quyết định số 924/QĐ-TTg …`). A line that cites nothing (`Căn cứ tình hình thực tế …`) adds none.
 */
export function readCitations(line: string, year: number | null, into: LegalBasis[], listItem = false): void {
  if (!BASIS_START.test(line) && !(listItem && DOC_START.test(line))) return;
  const body = line.replace(BASIS_START, "");
  for (const part of splitCitations(body)) {
    const t = part
      .replace(/^(?:trên cơ sở|căn cứ|theo|thực hiện)\s+/u, "")
      .replace(/[\s;,.]+$/u, "")
      .trim();
    // `Căn cứ tình hình thực tế …`, `Triển khai công tác …` cite no document.
    if (t && (DOC_START.test(t) || /(?:^|\s)số\s+\d|\d+[-/]\p{Lu}/u.test(t))) into.push(readBasis(t, year));
  }
}

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

/** A document's number and symbol after `số`: `docNumber("298 KH/TWĐTN ngày …")` → `298-KH/TWĐTN`; `docNumber("155, ngày …")` → `155`. */
function docNumber(after: string): string | null {
  const m = /^(\d[\p{L}\p{N}.]*(?:\s*[-/]\s*[\p{L}\p{N}&.]+)*(?:\s+\p{Lu}[\p{L}\p{N}&.]*(?:[-/][\p{L}\p{N}&.]+)+)?)/u.exec(after);
  if (!m) return null;
  return splitNumber(m[1].replace(/[.,]+$/u, "")).number;
}

/** One cited document: `readBasis("Kết luận số 137-KL/TW ngày 28/3/2025 của Bộ Chính trị", null).documentNumber === "137-KL/TW"`. */
export function readBasis(text: string, year: number | null): LegalBasis {
  // Number and date belong to the document's own clause: `Kế hoạch … năm 2018, ngay từ đầu năm … số 34/…` cites no number.
  const head = text.split(/,\s+(?!ngày|năm|\d)/u)[0];
  const afterSo = /(?:^|\s)số\s*:?\s*(\d.*)$/u.exec(head);
  const bare = new RegExp(`^(?:${DOC_TYPES})\\s+(\\d+(?:[-/][\\p{L}\\p{N}]+)*[-/]\\p{Lu}[\\p{L}\\p{N}\\-/]*[\\p{L}\\p{N}])`, "u").exec(
    head,
  );
  const loose = /(?:^|\s)(\d+(?:[-/][\p{L}\p{N}]+)*[-/]\p{Lu}[\p{L}\p{N}\-/]*[\p{L}\p{N}])/u.exec(head);
  const documentNumber = (afterSo ? docNumber(afterSo[1]) : null) ?? bare?.[1] ?? loose?.[1] ?? null;
  // A date further on still belongs to it when no other document is named there (`… năm 2025 ngày 23/12/2025`).
  const tail = text.slice(head.length);
  const day = readDates(/(?:^|\s)số\s+\d|\d+[-/]\p{Lu}/u.test(tail) ? head : text, { year }).find((d) => d.dayPrecise && d.date);
  const issuer =
    /(?:^|\s|\d)của\s+(.+?)(?=\s+(?:về|trong|tại|ban hành|quy định|hướng dẫn|thực hiện|phê duyệt)\s|\s+về(?=việc)|\s*\((?:sau đây|gọi tắt|viết tắt)|[;.]|$)/u.exec(
      text,
    );
  return {
    text,
    documentNumber,
    documentDate: day?.date ?? null,
    issuer: issuer ? issuer[1].replace(/[\s,]+$/u, "") : null,
  };
}
