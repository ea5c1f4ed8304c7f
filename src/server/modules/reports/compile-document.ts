import type { ReportForm, ReportTotals } from "../../../contracts/reports";
import { docLines } from "../../../domain/reports/prose";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/access";
import { buildPlanDocx } from "../../platform/documents/index";
import type { OutlineSection, PlanDocument } from "../../platform/documents/types";
import { printedNumber, signerOf } from "../documents/compose";
import { issuerNames } from "../documents/queries";
import { formatDocumentNumber, issuerAbbreviation } from "../documents/register";
import { defaultPlace } from "../plans/place";
import { getPlan } from "../plans/service";
import type { CompiledSectionRow } from "./compiled-queries";
import type { Level } from "./level";

/**
 * The compiled report as an official Báo cáo (type code BC) in the layout of the plans: the level's header, the
 * form's headings with the compiled text under each, and the totals as a table at the end.
 */

const formatNumber = (value: number | null) =>
  value === null ? "—" : new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(value);

/** The headings tree with each heading's compiled text (lists as `- …`, tables as `|` rows). */
export function compiledOutline(form: ReportForm, sections: readonly Pick<CompiledSectionRow, "headingId" | "doc">[]): OutlineSection[] {
  const textOf = new Map(sections.map((s) => [s.headingId, docLines(s.doc).join("\n")]));
  const made = new Map<string, OutlineSection>();
  const roots: OutlineSection[] = [];
  for (const h of form.headings) {
    const node: OutlineSection = { number: printedNumber(h.number), heading: h.heading, text: textOf.get(h.id) ?? "", children: [] };
    made.set(h.id, node);
    const parent = h.parentId ? made.get(h.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The totals as `|` rows: indicator, unit of measure, total, units included of expected. */
export function totalsTable(form: ReportForm, totals: ReportTotals): string {
  const byId = new Map(totals.totals.map((t) => [t.indicatorId, t]));
  const rows = form.indicators.map((i) => {
    const t = byId.get(i.id);
    return `| ${i.name} | ${i.unitOfMeasure || (i.kind === "percentage" ? "%" : "")} | ${formatNumber(t?.value ?? null)} | ${t?.included ?? 0}/${t?.expected ?? 0} |`;
  });
  return ["| Chỉ tiêu | Đơn vị tính | Tổng hợp | Số đơn vị |", ...rows].join("\n");
}

export interface CompiledDocInput {
  level: Level;
  form: ReportForm;
  sections: readonly Pick<CompiledSectionRow, "headingId" | "doc">[];
  totals: ReportTotals;
  number: string | null;
  date: string | null;
}

/** Everything but the number, which only the register gives (at final). */
export async function compiledHeader(db: Db, actor: Actor, level: Level) {
  const plan = await getPlan(db, actor, level.task.planId);
  const issuer = await issuerNames(db, level.unit.id);
  const place = level.unit.id === plan.issuerUnitId && plan.place.trim() ? plan.place : await defaultPlace(db, level.unit.id);
  return {
    layout: plan.layout,
    parentBody: issuer?.parentName ?? null,
    issuer: issuer?.name ?? level.unit.name,
    abbreviation: issuerAbbreviation(issuer ?? { name: level.unit.name, kind: "" }),
    place,
    signer:
      level.unit.id === plan.issuerUnitId
        ? signerOf(plan, issuer?.name ?? level.unit.name)
        : { authority: null, title: "THỦ TRƯỞNG ĐƠN VỊ", rank: null, name: "" },
    planReference: `${plan.number ? `Kế hoạch số ${plan.number}` : "kế hoạch"} về ${plan.title.replace(/\s+/g, " ")}`,
  };
}

export type CompiledHeader = Awaited<ReturnType<typeof compiledHeader>>;

export const compiledNumber = (header: CompiledHeader, sequence: number) =>
  formatDocumentNumber({ layout: header.layout, sequence, typeCode: "BC", issuer: header.abbreviation, office: "" });

export async function buildCompiledDocx(header: CompiledHeader, input: CompiledDocInput): Promise<Buffer> {
  const doc: PlanDocument = {
    layout: header.layout,
    parentBody: header.parentBody,
    issuer: header.issuer,
    number: input.number,
    place: header.place,
    date: input.date,
    recipients: ["Lưu: VT"],
    signer: header.signer,
    typeName: "BÁO CÁO",
    title: `Tổng hợp kết quả thực hiện ${input.level.task.what.replace(/\s+/g, " ").replace(/^báo cáo\s+/i, "")}`,
    legalBases: [],
    preamble: `Thực hiện ${header.planReference}, ${header.issuer} tổng hợp báo cáo của các đơn vị trực thuộc như sau:`,
    sections: [
      ...compiledOutline(input.form, input.sections),
      { number: null, heading: "SỐ LIỆU TỔNG HỢP", text: totalsTable(input.form, input.totals), children: [] },
    ],
  };
  return buildPlanDocx(doc);
}
