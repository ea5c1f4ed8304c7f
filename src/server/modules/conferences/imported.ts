import type { AgendaItemKind, LogisticsKind } from "../../../contracts/conferences";
import type { ImportedConference, PlanSection } from "../../../contracts/importer";
import { searchKey } from "../../../domain/text/vietnamese";

/**
 * How an imported plan's words become conference records: the banner, the delegate groups with their dress code,
 * the kind of an agenda item and of a logistics task. Pure; `from-import.ts` writes what these return.
 */

function* walk(sections: readonly PlanSection[]): Generator<PlanSection> {
  for (const s of sections) {
    yield s;
    yield* walk(s.children);
  }
}

/** The banner as the plan writes it (section "Tiêu đề Hội nghị"): `THÀNH ỦY HẢI PHÒNG\n*\nHỘI NGHỊ\n…\nHải Phòng, ngày 02 tháng 6 năm 2026`. */
export function bannerOf(sections: readonly PlanSection[]): string {
  for (const s of walk(sections)) if (searchKey(s.heading).startsWith("tieu de")) return s.text.trim();
  return "";
}

/** "Tham luận" holds the speeches, "Khen thưởng" the awards; every other item is an item. */
export function agendaKindOf(content: string): AgendaItemKind {
  const key = searchKey(content).trim();
  if (key.startsWith("tham luan")) return "speeches";
  if (key.startsWith("khen thuong")) return "awards";
  return "item";
}

const LOGISTICS: Array<[LogisticsKind, RegExp]> = [
  // Decoration first: "trang trí … trong, ngoài Hội trường" is decoration, not the hall.
  ["decoration", /trang tri|khanh tiet/],
  ["hall", /hoi truong|co so vat chat/],
  ["security", /an ninh|an toan|bao ve/],
  ["medical", /\by te\b|cap cuu/],
  ["power", /nguon dien|dien luc|cap dien/],
  ["water", /nuoc uong/],
  ["transport", /dua don|van chuyen|\bxe\b/],
];

/** The logistics a task is about, from its words, or null: `logisticsKindOf("Sở Y tế tổ chức ứng trực cấp cứu…")` → "medical". */
export function logisticsKindOf(what: string): LogisticsKind | null {
  const key = searchKey(what);
  return LOGISTICS.find(([, pattern]) => pattern.test(key))?.[0] ?? null;
}

export interface DelegateGroupDraft {
  name: string;
  members: string;
  dressCode: string;
}

/** "Đại biểu khách mời: Trang phục lịch sự. Đại biểu nhận khen thưởng: nữ áo dài; …" → [label, code] pairs. */
function dressClauses(dressCode: string): Array<[string, string]> {
  return dressCode
    .split(/(?<=\.)\s+(?=[^.;:]{1,60}:)/u)
    .map((clause): [string, string] => {
      const at = clause.indexOf(":");
      return at > 0 && at <= 60 ? [clause.slice(0, at).trim(), clause.slice(at + 1).trim()] : ["", clause.trim()];
    })
    .filter(([, code]) => code !== "");
}

/**
 * Who attends, by group: the headings of "Thành phần đại biểu" (`Đại biểu Trung ương`, `Đại biểu thành phố`),
 * with a participant written "Đại biểu …: …", the award recipients and the press each a group of their own. Each
 * group gets the dress code the plan gives it (award recipients theirs, every other group the guests').
 */
export function delegateGroupsOf(conference: ImportedConference, sections: readonly PlanSection[]): DelegateGroupDraft[] {
  // "Thành phần đại biểu" with its lists, not a chapter "THÀNH PHẦN, THỜI GIAN, ĐỊA ĐIỂM…" that only holds it.
  const headed =
    [...walk(sections)].find(
      (s) =>
        searchKey(s.heading).startsWith("thanh phan") &&
        s.children.some((c) => conference.participants.some((p) => c.text.includes(p.trim().slice(0, 40)))),
    )?.children ?? [];
  const clauses = dressClauses(conference.dressCode ?? "");
  const dressFor = (award: boolean) => {
    const wanted = award ? "khen thuong" : "khach moi";
    return (clauses.find(([label]) => searchKey(label).includes(wanted)) ?? (award ? undefined : clauses[0]))?.[1] ?? clauses[0]?.[1] ?? "";
  };
  const groups: Array<DelegateGroupDraft & { award: boolean }> = [];
  const groupNamed = (name: string, award = false) => {
    let g = groups.find((x) => x.name === name);
    if (!g) {
      g = { name, members: "", dressCode: "", award };
      groups.push(g);
    }
    return g;
  };
  let current = "Đại biểu";
  for (const participant of conference.participants) {
    const text = participant.trim();
    const key = searchKey(text);
    const section = headed.find((s) => s.text.includes(text.slice(0, 40)));
    if (section) current = section.heading.trim();
    const label = /^(Đại biểu[^:]{0,60}):\s*(.+)$/su.exec(text);
    let target: DelegateGroupDraft;
    let member = text;
    if (label && !key.includes("khen thuong")) {
      target = groupNamed(label[1].trim());
      member = label[2].trim();
    } else if (key.includes("khen thuong")) target = groupNamed("Đại biểu nhận khen thưởng", true);
    else if (key.startsWith("phong vien") || key.startsWith("bao chi")) target = groupNamed("Phóng viên báo chí");
    else target = groupNamed(current);
    target.members = target.members ? `${target.members}\n${member}` : member;
  }
  return groups.map(({ award, ...g }) => ({ ...g, dressCode: dressFor(award) }));
}
