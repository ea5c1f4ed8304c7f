import dayjs, { type Dayjs } from "dayjs";
import type { PlanChanges, PlanDetail, PlanSectionInput } from "../../../contracts/plans";

/** The plan's text as the form holds it: dates as dayjs, recipients one per line, empty signer parts as "". */
export interface PlanFormValues {
  number: string;
  typeCode: string;
  place: string;
  issuedOn: Dayjs | null;
  title: string;
  legalBases: Array<{ text: string; documentNumber: string; documentDate: Dayjs | null; issuer: string; planId: string | null }>;
  purpose: string;
  requirements: string;
  sections: PlanSectionInput[];
  budget: string;
  recipients: string;
  signer: { authority: string; title: string; rank: string; name: string };
}

const day = (iso: string | null) => (iso ? dayjs(iso) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format("YYYY-MM-DD") : null);
const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** The outline as the form holds it; a section keeps its id (a new one has none, the server gives it one). */
const cleanSections = (sections: PlanSectionInput[] | undefined): PlanSectionInput[] =>
  (sections ?? []).map((s) => ({
    ...(s.id ? { id: s.id } : {}),
    number: s.number ?? "",
    heading: s.heading ?? "",
    text: s.text ?? "",
    children: cleanSections(s.children),
  }));

export function toFormValues(plan: PlanDetail): PlanFormValues {
  return {
    number: plan.number ?? "",
    typeCode: plan.typeCode,
    place: plan.place,
    issuedOn: day(plan.issuedOn),
    title: plan.title,
    legalBases: plan.legalBases.map((b) => ({
      text: b.text,
      documentNumber: b.documentNumber ?? "",
      documentDate: day(b.documentDate),
      issuer: b.issuer ?? "",
      planId: b.planId,
    })),
    purpose: plan.purpose,
    requirements: plan.requirements,
    sections: cleanSections(plan.sections),
    budget: plan.budget,
    recipients: plan.recipients.join("\n"),
    signer: {
      authority: plan.signer?.authority ?? "",
      title: plan.signer?.title ?? "",
      rank: plan.signer?.rank ?? "",
      name: plan.signer?.name ?? "",
    },
  };
}

/** Every text field of the plan, as PATCH /api/plans/:id takes them. */
export function toChanges(v: PlanFormValues): PlanChanges {
  const signer = {
    authority: orNull(v.signer.authority),
    title: orNull(v.signer.title),
    rank: orNull(v.signer.rank),
    name: orNull(v.signer.name),
  };
  return {
    number: orNull(v.number),
    typeCode: v.typeCode.trim() || "KH",
    place: v.place.trim(),
    issuedOn: iso(v.issuedOn),
    title: v.title.trim(),
    legalBases: (v.legalBases ?? []).map((b) => ({
      text: b.text?.trim() ?? "",
      documentNumber: orNull(b.documentNumber),
      documentDate: iso(b.documentDate),
      issuer: orNull(b.issuer),
      planId: b.planId ?? null,
    })),
    purpose: v.purpose ?? "",
    requirements: v.requirements ?? "",
    sections: cleanSections(v.sections),
    budget: v.budget ?? "",
    recipients: (v.recipients ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    signer: Object.values(signer).some((part) => part !== null) ? signer : null,
  };
}

/** Only the fields that differ from the stored plan: an amendment records exactly what changed. */
export function changedFields(plan: PlanDetail, next: PlanChanges): PlanChanges {
  const before = toChanges(toFormValues(plan));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key as keyof PlanChanges])) out[key] = value;
  }
  return out as PlanChanges;
}
