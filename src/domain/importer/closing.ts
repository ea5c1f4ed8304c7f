import type { Annex, Signer } from "../../contracts/importer";
import type { Block } from "./blocks";
import { buildOutline, toPlanSections } from "./outline";
import { isCaps } from "./regions";
import { trimItem } from "./units";

const AUTHORITY = /^(T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s*(.*)$/u;
const RANK =
  /^(Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Đại uý|Thượng úy|Thượng uý|Trung úy|Trung uý|Thiếu úy|Thiếu uý)\s+(.+)$/u;

/** The recipients as written, without list punctuation; odd lines become warnings: `- Sở Nội vụ;` → `Sở Nội vụ`. */
export function readRecipients(blocks: Block[], warnings: string[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type !== "line") continue;
    const t = trimItem(b.text);
    // A brace drawn in Word (`} Để báo cáo`) groups recipients; in text it is only debris.
    if (!/^[\p{L}\p{N}]/u.test(t)) {
      warnings.push(`Bỏ qua dòng không đọc được trong phần Nơi nhận: "${b.text}".`);
      continue;
    }
    if (t) out.push(t);
  }
  return out;
}

/** The signature block: `T/M BAN THƯỜNG VỤ` / `PHÓ BÍ THƯ` / `Đại tá Bùi Xuân Thắng`. */
export function readSigner(blocks: Block[]): Signer {
  const signer: Signer = { authority: null, title: null, name: null, rank: null };
  const titles: string[] = [];
  for (const b of blocks) {
    if (b.type !== "line" || /^\(.*\)$/u.test(b.text)) continue;
    const t = b.text.trim();
    const a = AUTHORITY.exec(t);
    if (a && !signer.authority && isCaps(t)) {
      signer.authority = a[2] ? `${a[1]}${a[1].endsWith(".") ? " " : " "}${a[2]}`.replace(/\s+/g, " ") : a[1];
      continue;
    }
    if (isCaps(t)) {
      titles.push(t);
      continue;
    }
    const r = RANK.exec(t);
    signer.rank = r ? r[1] : null;
    signer.name = r ? r[2].trim() : t;
    break;
  }
  if (titles.length) signer.title = titles.join(" ");
  return signer;
}

/**
 * Annexes: each title with its `(Kèm theo …)` line as its reference, and its outline (`ĐỀ CƯƠNG …`,
 * `Phần thứ nhất`, `I-`, `1.`, `-`) in the same shape as the plan's sections, so a report form can be
 * made from it. `readAnnexes(blocks)[0].sections[0].heading`.
 */
export function readAnnexes(blocks: Block[]): Annex[] {
  const found: Array<{ title: string; reference: string | null; titleAt: number; bodyAt: number }> = [];
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.type !== "line") continue;
    const ref = /^\(\s*(Kèm theo.*?)\s*\)?$/iu.exec(b.text);
    if (!ref) continue;
    const caps: string[] = [];
    let j = k - 1;
    for (; j >= 0; j--) {
      const p = blocks[j];
      if (p.type !== "line" || !isCaps(p.text) || p.heading) break;
      caps.unshift(p.text);
    }
    found.push({ title: caps.join(" ") || "Phụ lục", reference: ref[1].replace(/\)$/u, ""), titleAt: j + 1, bodyAt: k + 1 });
  }
  if (!found.length) {
    const at = blocks.findIndex((b) => b.type === "line" && /PHỤ LỤC|ĐỀ CƯƠNG/u.test(b.text) && isCaps(b.text));
    const first = blocks[at];
    if (first && first.type === "line") found.push({ title: first.text, reference: null, titleAt: at, bodyAt: at + 1 });
  }
  return found.map((a, n) => ({
    title: a.title,
    reference: a.reference,
    sections: toPlanSections(buildOutline(blocks.slice(a.bodyAt, found[n + 1]?.titleAt ?? blocks.length))),
  }));
}

/** Number and date of the plan from an annex reference: `(Kèm theo Kế hoạch 63-KH/TU, ngày 26/5/2026 …)`. */
export function numberFromAnnex(reference: string): { number: string | null; issuer: string | null } {
  const m = /Kế hoạch\s+(?:số\s+)?(\d[\p{L}\p{N}.\-/]*[\p{L}\p{N}])/iu.exec(reference);
  const who = /(?:^|\s)của\s+(.+?)\s*\)?$/u.exec(reference);
  return { number: m ? m[1] : null, issuer: who ? who[1] : null };
}
