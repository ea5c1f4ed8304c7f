/**
 * Vietnamese text helpers: the same word written with old or new tone placement must compare equal,
 * names must be findable without diacritics, and lists sort in Vietnamese alphabetical order.
 */

const TONES = "\u0300\u0301\u0303\u0309\u0323";
// Old style puts the tone on the last vowel of an open "oa", "oe", "uy" syllable (hoá, khoẻ, thuỷ);
// the new style puts it on the o/u (hóa, khỏe, thủy). "qu" is a consonant, so "quý" never moves.
const OLD_TONE = new RegExp(`(?<![qQ])([oOuU])([aAeEyY])([${TONES}])(?![\\p{L}\\p{M}])`, "gu");

/** Rewrites old tone placement to the new one, NFC in and out: `normalizeTones("Thành uỷ")` → `"Thành ủy"`. */
export function normalizeTones(text: string): string {
  return text.normalize("NFD").replace(OLD_TONE, "$1$3$2").normalize("NFC");
}

/** Collapses runs of white space (including non-breaking) to one space and trims: `squeeze(" a \u00a0 b ")` → `"a b"`. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/gu, " ").trim();
}

/** The key two unit names must share to be "the same name": `nameKey("Thành Uỷ")` === `nameKey("thành ủy")`. */
export function nameKey(text: string): string {
  return normalizeTones(squeeze(text.normalize("NFC"))).toLocaleLowerCase("vi");
}

/** Strips every diacritic and lower-cases, for search typed without accents: `searchKey("Đông Hải")` → `"dong hai"`. */
export function searchKey(text: string): string {
  return squeeze(text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase());
}

/** The words of a search query, folded by searchKey: `searchWords(" UBND  Đông hải")` → `["ubnd", "dong", "hai"]`. */
export function searchWords(query: string): string[] {
  const key = searchKey(query);
  return key === "" ? [] : key.split(" ");
}

/**
 * True when every word of `query` occurs in `text`, in any order: `matches("UBND phường Đông Hải", "dong hai ubnd")` → true.
 * A word typed with accents must match them (after tone normalisation); one typed without matches loosely.
 */
export function matches(text: string, query: string): boolean {
  const strict = nameKey(text);
  const loose = searchKey(text);
  return squeeze(query.normalize("NFC"))
    .split(" ")
    .filter((word) => searchKey(word) !== "")
    .every((word) => (/\p{M}|[đĐ]/u.test(word.normalize("NFD")) ? strict.includes(nameKey(word)) : loose.includes(searchKey(word))));
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Compares in Vietnamese alphabetical order (a ă â … d đ …), numbers by value: `["Đông", "Dương"].sort(compareVi)`. */
export function compareVi(a: string, b: string): number {
  return collator.compare(normalizeTones(a), normalizeTones(b));
}

/** Sorts a copy by a text key in Vietnamese order: `sortVi(units, (u) => u.name)`. */
export function sortVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareVi(key(x), key(y)));
}
