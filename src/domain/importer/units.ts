/**
 * Unit names inside sentences: `Sở Nội vụ chủ trì …` names its unit before the verb. Units are kept as
 * written; only spacing is normalised. Matching folds the two tone placements (`Thành uỷ` = `Thành ủy`).
 */

const HEADS =
  "Ban|Bộ|Phòng|Sở|Văn phòng|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Đảng ủy|Đảng uỷ|Đảng bộ|Chi bộ|Thành ủy|Thành uỷ|Tỉnh ủy|Tỉnh uỷ|" +
  "Công an|Công ty|Tổng công ty|Trung tâm|Trung đoàn|Sư đoàn|Lữ đoàn|Tiểu đoàn|Cục|Chi cục|Tổng cục|Trường|Viện|Bệnh viện|Đài|" +
  "Báo(?! cáo)|Đoàn|Hội(?! nghị| thảo| trường| diễn)|Liên đoàn|Mặt trận|MTTQ|Tòa án|Toà án|Kho bạc|Ngân hàng|Cơ quan|Cấp ủy|Cấp uỷ|Đơn vị";
const AFTER_CAC = `${HEADS}|cấp ủy|cấp uỷ|cơ quan|đơn vị|phòng|ban|sở|địa phương|xã|phường|thôn|tổ dân phố|khu dân cư|chi bộ|trường|trung đoàn|trung tâm|đoàn thể|tổ chức`;
const UNIT_START = new RegExp(`^(?:(?:[Cc]ác)\\s+(?:${AFTER_CAC})|(?:${HEADS}))(?![\\p{L}])`, "u");
const NEXT_UNIT = new RegExp(`^(?:(?:[Cc]ác)\\s+(?:${AFTER_CAC})|(?:${HEADS}))(?![\\p{L}])`, "u");

/** Verbs (lower case, so `Ban Tổ chức` is not cut at `Tổ chức`) that end the subject of a task sentence. */
const VERB =
  /\s(?:chủ trì|phối hợp|chỉ đạo|xây dựng|tổ chức|bảo đảm|đảm bảo|gửi|báo cáo|thực hiện|triển khai|chuẩn bị|hướng dẫn|theo dõi|tham mưu|duyệt|phát hành|tổng hợp|có trách nhiệm|chịu trách nhiệm|chủ động|tích cực|khẩn trương|căn cứ|nộp|hoàn thành|rà soát|tiếp tục|quán triệt|cử|bố trí|kiểm tra|đôn đốc|lập|ban hành|nghiên cứu|tuyên truyền|phụ trách|cung cấp|thẩm định|trình|đề xuất|tiếp nhận)(?![\p{L}])/u;

/** Whether a text starts with a unit name: `startsWithUnit("Sở Y tế tổ chức …") === true`. */
export function startsWithUnit(text: string): boolean {
  return UNIT_START.test(text);
}

/** The subject and predicate of `Unit verb …`: `splitSubject("Sở Y tế tổ chức ứng trực")?.subject === "Sở Y tế"`. */
export function splitSubject(text: string): { subject: string; predicate: string } | null {
  const t = text.replace(/^(?:Giao|Đề nghị|Yêu cầu)\s+/u, "");
  if (!startsWithUnit(t)) return null;
  const m = VERB.exec(t);
  if (!m) return null;
  const subject = t
    .slice(0, m.index)
    .replace(/[\s,:;]+$/u, "")
    .trim();
  if (!subject || subject.split(/\s+/).length > 25) return null;
  return { subject, predicate: t.slice(m.index + 1) };
}

/**
 * Splits a list of units where the next piece starts a new unit name, never inside parentheses:
 * `splitUnits("Ban Chỉ huy PTKV, Ban Chỉ huy BDBP và các Trung đoàn")` → 3 units;
 * `splitUnits("Ban CHQS 114 xã, phường, đặc khu")` → 1.
 */
export function splitUnits(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    const sep = /^(?:\s*;\s*|,\s+|\s+và\s+)/u.exec(text.slice(k, k + 6));
    if (!sep) continue;
    const rest = text.slice(k + sep[0].length);
    // `Văn phòng HĐND và UBND xã` is one office: `và` between two abbreviations does not split.
    const joinsAbbreviations = /và/u.test(sep[0]) && /\p{Lu}{2,}$/u.test(text.slice(from, k)) && /^\p{Lu}{2,}/u.test(rest);
    if (c === ";" || (NEXT_UNIT.test(rest) && !joinsAbbreviations)) {
      out.push(text.slice(from, k));
      from = k + sep[0].length;
      k = from - 1;
    }
  }
  out.push(text.slice(from));
  return out.map(cleanUnit).filter((u) => u.length > 0);
}

/** Spacing and list punctuation only: `cleanUnit("  Sở  Y tế; ") === "Sở Y tế"`. */
export function cleanUnit(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .replace(/^[\s,;:.-]+|[\s,;:.]+$/gu, "")
    .trim();
}

const FOLD: Array<[RegExp, string]> = [
  [/uỷ/g, "ủy"],
  [/Uỷ/g, "Ủy"],
  [/uý/g, "úy"],
  [/uỳ/g, "ùy"],
  [/uỹ/g, "ũy"],
  [/uỵ/g, "ụy"],
  [/oá/g, "óa"],
  [/oà/g, "òa"],
  [/oả/g, "ỏa"],
  [/oã/g, "õa"],
  [/oạ/g, "ọa"],
  [/oé/g, "óe"],
  [/oè/g, "òe"],
  [/oẻ/g, "ỏe"],
  [/oẽ/g, "õe"],
  [/oẹ/g, "ọe"],
];

/** A key that treats old and new tone placement alike: `unitKey("Thành uỷ") === unitKey("thành ủy")`. */
export function unitKey(s: string): string {
  let t = s.normalize("NFC");
  for (const [re, to] of FOLD) t = t.replace(re, to);
  return t.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Strips the list punctuation at the end of an item: `trimItem("Một việc;") === "Một việc"`. */
export function trimItem(s: string): string {
  return s.replace(/[\s;,.]+$/u, "").trim();
}
