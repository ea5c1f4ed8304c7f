import { nameKey } from "../../../domain/text/vietnamese";

const DEADLINE_CLAUSE =
  /[,;:]?\s*(?:(?:hoàn thành|xong|gửi[^,;.]*?|báo cáo[^,;.]*?)\s+)?(?:trước|chậm nhất|không muộn hơn|trong ngày|hạn)\s+(?:\d{1,2}\s*(?:giờ|h)|ngày|\d{1,2}\/\d{1,2}).*$/iu;
const MAX_WORDS = 14;

/**
 * What a late unit owes, in a few words, for a row of the urging letter: the task without the unit's own name
 * in front (the row names it), without its deadline clause (the row gives the deadline) and cut to its first
 * clause. `owedText("Sở Nội vụ chủ trì đề xuất việc khen thưởng; xây dựng kịch bản …", "Sở Nội vụ")`
 * → "Chủ trì đề xuất việc khen thưởng".
 */
export function owedText(what: string, unitName: string, fallback: string): string {
  let text = what.replace(/\s+/g, " ").trim();
  const words = text.split(" ");
  // The unit's name as the sentence's subject: drop it when the words up to it equal the name.
  for (let n = Math.min(words.length - 1, 12); n >= 1; n -= 1) {
    if (nameKey(words.slice(0, n).join(" ")) === nameKey(unitName)) {
      text = words.slice(n).join(" ");
      break;
    }
  }
  text = text
    .replace(DEADLINE_CLAUSE, "")
    .split(/[;.]\s/)[0]
    .replace(/[;,.:\s]+$/, "");
  const kept = text.split(" ");
  if (kept.length > MAX_WORDS) text = `${kept.slice(0, MAX_WORDS).join(" ")}…`;
  text = text.trim();
  return text ? text.charAt(0).toLocaleUpperCase("vi") + text.slice(1) : fallback;
}
