import type { PlanSection } from "../../../contracts/importer";
import type { PlanDetail } from "../../../contracts/plans";
import { deadlineText } from "../../platform/documents/index";
import type { OutlineSection, PlanDocument, Signer } from "../../platform/documents/types";

/** Type names of the document codes (DOMAIN.md), as printed under the header. */
const TYPE_NAMES: Record<string, string> = {
  KH: "KẾ HOẠCH",
  BC: "BÁO CÁO",
  GM: "GIẤY MỜI",
  TB: "THÔNG BÁO",
  QĐ: "QUYẾT ĐỊNH",
  NQ: "NGHỊ QUYẾT",
  CTr: "CHƯƠNG TRÌNH",
  HD: "HƯỚNG DẪN",
  KL: "KẾT LUẬN",
};

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

/** What the printed outline needs of a section (its id is the plan's business, not the document's). */
type Section = PlanSection;

/** The importer keeps bare numbers (`I`, `1`, `1.1`, `a`); print them as written in plans (`I.`, `1.`, `1.1.`, `a)`). */
export function printedNumber(number: string | null | undefined): string | null {
  const n = (number ?? "").trim();
  if (!n) return null;
  if (/[.)]$/.test(n)) return n;
  return /^[a-zđ]$/.test(n) ? `${n})` : `${n}.`;
}

function toOutline(s: Section): OutlineSection {
  return { number: printedNumber(s.number), heading: s.heading, text: s.text, children: s.children.map(toOutline) };
}

const hasHeading = (sections: readonly Section[], word: RegExp) => sections.some((s) => word.test(s.heading.toLocaleUpperCase("vi")));

/**
 * The outline to print: the plan's sections, with purpose/requirements in front and the budget at the end when
 * they were written in their own fields and the outline does not already hold them (imported plans do).
 */
export function planOutline(
  plan: Pick<PlanDetail, "purpose" | "requirements" | "budget"> & { sections: readonly Section[]; tasks?: PlanDetail["tasks"] },
  unitNames: ReadonlyMap<string, string> = new Map(),
): OutlineSection[] {
  const outline = plan.sections.map(toOutline);
  const front: OutlineSection[] = [];
  const back: OutlineSection[] = [];
  if ((plan.purpose.trim() || plan.requirements.trim()) && !hasHeading(plan.sections, /MỤC ĐÍCH/)) {
    front.push({
      number: null,
      heading: "MỤC ĐÍCH, YÊU CẦU",
      text: "",
      children: [
        ...(plan.purpose.trim() ? [{ number: "1.", heading: "Mục đích", text: plan.purpose, children: [] }] : []),
        ...(plan.requirements.trim()
          ? [{ number: plan.purpose.trim() ? "2." : "1.", heading: "Yêu cầu", text: plan.requirements, children: [] }]
          : []),
      ],
    });
  }
  if (plan.budget.trim() && !hasHeading(plan.sections, /KINH PHÍ/))
    back.push({ number: null, heading: "KINH PHÍ", text: plan.budget, children: [] });
  const tasks = plan.tasks ?? [];
  if (tasks.length && !hasHeading(plan.sections, /TỔ CHỨC THỰC HIỆN|PHÂN CÔNG/))
    back.push({ number: null, heading: "TỔ CHỨC THỰC HIỆN", text: "", children: tasks.map((t, i) => taskSection(t, i, unitNames)) });
  if (front.length === 0 && back.length === 0) return outline;
  // Added sections take their place in the Roman numbering when the outline is numbered that way.
  const all = [...front, ...outline, ...back];
  const roman = outline.every((s) => !s.number || /^[IVXL]+\.$/.test(s.number));
  return roman ? all.map((s, i) => ({ ...s, number: ROMAN[i] ? `${ROMAN[i]}.` : s.number })) : all;
}

/**
 * One task as the implementation part prints it: the lead units as the heading, then what and by when,
 * and who supports. `1. Sở Nội vụ` / `Chủ trì tổng hợp báo cáo. Thời hạn: 08 giờ 00 ngày 31/5/2026.`
 */
function taskSection(task: PlanDetail["tasks"][number], i: number, unitNames: ReadonlyMap<string, string>): OutlineSection {
  const lead = (task.target.unitIds ?? []).map((id) => unitNames.get(id)).filter(Boolean);
  const support = task.supportUnitIds.map((id) => unitNames.get(id)).filter(Boolean);
  const what = task.what.trim().replace(/[;.]+$/, "");
  const lines = [
    `${what}.`,
    task.dueDate ? `Thời hạn: ${deadlineText(task.dueDate, task.dueTime)}.` : "Thời hạn: chưa xác định.",
    ...(support.length ? [`Đơn vị phối hợp: ${support.join(", ")}.`] : []),
  ];
  return { number: `${i + 1}.`, heading: lead.length ? lead.join(", ") : "Các đơn vị được giao", text: lines.join("\n"), children: [] };
}

/** Legal bases as sentences: `Căn cứ …;` (state) or `Thực hiện …;` (Party), the last ending with a full stop. */
export function basisSentences(layout: "state" | "party", bases: PlanDetail["legalBases"]): string[] {
  const lead = layout === "party" ? "Thực hiện" : "Căn cứ";
  return bases.map((b, i) => {
    const text = b.text.trim().replace(/[;.,]+$/, "");
    const sentence = /^(căn cứ|thực hiện)(?=\s|$)/i.test(text) ? text : `${lead} ${text}`;
    return `${sentence}${i === bases.length - 1 ? "." : ";"}`;
  });
}

const BARE_AUTHORITY = /^(TM\.|KT\.|TL\.|Q\.|TUQ\.|T\/M|K\/T|T\/L)$/i;

/** The signature block; a bare prefix (`TM.`) is completed with the issuing body's name. */
export function signerOf(plan: Pick<PlanDetail, "signer">, issuerName: string): Signer {
  const s = plan.signer;
  const authority = s?.authority?.trim() || null;
  return {
    authority: authority && BARE_AUTHORITY.test(authority) ? `${authority} ${issuerName}` : authority,
    title: s?.title ?? "",
    rank: s?.rank ?? null,
    name: s?.name ?? "",
  };
}

/** Everything the .docx builder needs, from the plan as the plans service presents it. */
export function planDocument(
  plan: PlanDetail,
  issuer: { name: string; parentName: string | null },
  unitNames: ReadonlyMap<string, string> = new Map(),
): PlanDocument {
  return {
    layout: plan.layout,
    parentBody: issuer.parentName,
    issuer: issuer.name,
    number: plan.number,
    place: plan.place || "",
    date: plan.issuedOn,
    recipients: plan.recipients,
    signer: signerOf(plan, issuer.name),
    typeName: TYPE_NAMES[plan.typeCode] ?? "KẾ HOẠCH",
    title: plan.title,
    legalBases: basisSentences(plan.layout, plan.legalBases),
    preamble: null,
    sections: planOutline(plan, unitNames),
  };
}
