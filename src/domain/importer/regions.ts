import type { Block } from "./blocks";
import { splitNumber } from "./header";

/** The parts every plan has, in order (DOMAIN.md "What a plan is"). */
export interface Regions {
  header: Block[];
  typeName: string | null;
  /** A number written on a sentence-case type line: `Kế hoạch số 45 KH-BCĐ …` → `45/KH-BCĐ`. */
  typeLineNumber: string | null;
  title: string[];
  preamble: Block[];
  body: Block[];
  recipients: Block[];
  signature: Block[];
  annexes: Block[];
}

export const TYPE_NAMES: Record<string, string> = {
  "KẾ HOẠCH": "KH",
  "BÁO CÁO": "BC",
  "GIẤY MỜI": "GM",
  "THÔNG BÁO": "TB",
  "QUYẾT ĐỊNH": "QĐ",
  "NGHỊ QUYẾT": "NQ",
  "CHƯƠNG TRÌNH": "CTr",
  "HƯỚNG DẪN": "HD",
  "KẾT LUẬN": "KL",
};
const TYPE_LINE = new RegExp(`^(${Object.keys(TYPE_NAMES).join("|")})(?:\\s+(.*))?$`, "u");
const BASIS_START = /^(?:Căn cứ|Thực hiện|Theo|Triển khai|Nhằm|Để|Qua|Trên cơ sở|Năm|Sau khi)\s/u;
const ENACTING = /\s(?:xây dựng|ban hành)\s+(?:[Kk]ế hoạch|[Cc]hương trình)(?![\p{L}])/u;

/** True when a line is written in capitals: `isCaps("CHỦ TỊCH") === true`. */
export function isCaps(text: string): boolean {
  return !/\p{Ll}/u.test(text) && /\p{Lu}/u.test(text);
}

const lineText = (b: Block | undefined) => (b && b.type === "line" ? b.text : "");

/** Cuts a plan into header, title, preamble, body, recipients, signature and annexes: `splitRegions(toBlocks(text)).body`. */
export function splitRegions(blocks: Block[]): Regions {
  let typeIdx = -1;
  let typeName: string | null = null;
  const title: string[] = [];
  // A type name alone on its line wins over one followed by words (a web page's own title above the text).
  let withWords = -1;
  for (let k = 0; k < Math.min(blocks.length, 60); k++) {
    const m = TYPE_LINE.exec(lineText(blocks[k]));
    if (!m || (blocks[k] as { heading: unknown }).heading) continue;
    if (!m[2]) {
      typeIdx = k;
      typeName = m[1];
      break;
    }
    if (withWords < 0) withWords = k;
  }
  if (typeIdx < 0 && withWords >= 0) {
    const m = TYPE_LINE.exec(lineText(blocks[withWords]))!;
    typeIdx = withWords;
    typeName = m[1];
    title.push(m[2]);
  }
  let typeLineNumber: string | null = null;
  let sentenceCase = false;
  if (typeIdx < 0) {
    // No header at all: the plan opens with `Kế hoạch <title>` (copied from a web page's heading).
    for (let j = 0; j < Math.min(blocks.length, 3); j++) {
      const m = /^Kế hoạch\s+(?!này)(.+)$/u.exec(lineText(blocks[j]));
      if (!m) continue;
      typeIdx = j;
      typeName = "KẾ HOẠCH";
      let rest = m[1];
      const num = /^số\s+(\d+[^\s]*(?:\s+\p{Lu}[\p{L}\p{N}&\-/.]*)?)\s*(.*)$/u.exec(rest);
      if (num) {
        typeLineNumber = splitNumber(num[1]).number;
        rest = num[2].replace(/^(?:ngày\s+\S+\s*)?(?:về\s+(?:việc\s+)?)?/u, "");
      }
      if (rest) title.push(rest);
      sentenceCase = true;
      break;
    }
  }
  let headerEnd = Math.max(0, typeIdx);
  if (typeIdx < 0) {
    // No type name at all (a site dropped it): what stands before the first citation, when it has a
    // number or a place and date, is the header.
    const first = blocks.findIndex((b) => b.type === "line" && (b.heading !== null || BASIS_START.test(b.text) || ENACTING.test(b.text)));
    const head = blocks.slice(0, Math.max(0, first));
    if (head.some((b) => /^Số\b|,\s*ngày\s+\d/u.test(lineText(b)))) headerEnd = head.length;
  }
  let k = typeIdx >= 0 ? typeIdx + 1 : headerEnd;
  // The title (trích yếu) runs until the legal bases or the first heading; a web page's `Kế hoạch …` is one line.
  // A long title in capitals wraps over more lines than one in sentence case.
  while (typeIdx >= 0 && !sentenceCase && (title.length < 3 || (title.length < 8 && isCaps(lineText(blocks[k])))) && k < blocks.length) {
    const b = blocks[k];
    // A sentence that ends like one (`…như sau:`) is the preamble, not the title; the annex line of a
    // plan issued by a decision (`(Kèm theo Quyết định …)`) ends it too.
    const citation =
      BASIS_START.test(b.type === "line" ? b.text : "") &&
      (title.length > 0 || /[;:.]$|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|ngày\s+\d/u.test(lineText(b)));
    if (
      b.type !== "line" ||
      b.heading ||
      b.bullet ||
      citation ||
      ENACTING.test(b.text) ||
      b.text.length > 300 ||
      /:$/u.test(b.text) ||
      /^\(\s*Kèm theo/iu.test(b.text)
    )
      break;
    title.push(b.text);
    k++;
  }
  const firstHeading = blocks.findIndex((b, i) => i >= k && b.type === "line" && b.heading !== null);
  const bodyStart = firstHeading < 0 ? blocks.length : firstHeading;
  let noiNhan = blocks.findIndex((b, i) => i >= bodyStart && b.type === "line" && /^Nơi nhận\s*:?/iu.test(b.text));
  let recipients: Block[] = [];
  let signature: Block[] = [];
  let annexStart = -1;
  if (noiNhan >= 0) {
    let r = noiNhan + 1;
    while (
      r < blocks.length &&
      blocks[r].type === "line" &&
      ((blocks[r] as { bullet: unknown }).bullet || /^Lưu\s*:/u.test(lineText(blocks[r])))
    )
      r++;
    recipients = blocks.slice(noiNhan + 1, r);
    let s = r;
    while (s < blocks.length && s - r < 6 && blocks[s].type === "line") {
      const t = lineText(blocks[s]);
      s++;
      if (!isCaps(t) && !/^\(.*\)$/u.test(t)) break; // the signer's name closes the block
    }
    signature = blocks.slice(r, s);
    annexStart = s;
  } else {
    noiNhan = blocks.length;
    const ref = blocks.findIndex((b, i) => i > bodyStart && /^\(?\s*Kèm theo/iu.test(lineText(b)) && isCaps(lineText(blocks[i - 1])));
    if (ref > 0) {
      noiNhan = ref - 1;
      annexStart = ref - 1;
    }
  }
  let bodyEnd = noiNhan;
  // The closing formula ends with `./.`; what follows it is not part of the outline.
  for (let i = bodyStart; i < noiNhan; i++) if (/\.\/\.\s*$/u.test(lineText(blocks[i]))) bodyEnd = i;
  return {
    header: blocks.slice(0, headerEnd),
    typeName,
    typeLineNumber,
    title,
    preamble: blocks.slice(k, bodyStart),
    body: blocks.slice(bodyStart, bodyEnd),
    recipients,
    signature,
    annexes: annexStart >= 0 ? blocks.slice(annexStart) : [],
  };
}
