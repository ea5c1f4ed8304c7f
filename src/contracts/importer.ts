import { z } from "zod";

/**
 * The importer's output: the structure read from an existing plan (issue #3).
 * Shared by the server (response) and the web app (import preview). Every field is present;
 * what the plan does not say is null or empty.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hhmm = z.string().regex(/^\d{2}:\d{2}$/);

export const ZLegalBasis = z.object({
  text: z.string(),
  documentNumber: z.string().nullable(),
  documentDate: isoDate.nullable(),
  issuer: z.string().nullable(),
});

export interface PlanSection {
  number: string;
  heading: string;
  text: string;
  children: PlanSection[];
}

export const ZPlanSection: z.ZodType<PlanSection> = z.lazy(() =>
  z.object({ number: z.string(), heading: z.string(), text: z.string(), children: z.array(ZPlanSection) }),
);

export const ZImportedDeadline = z.object({
  due: isoDate,
  time: hhmm.nullable(),
  units: z.array(z.string()),
  what: z.string(),
  raw: z.string(),
});

export const ZImportedTask = z.object({
  unit: z.string(),
  role: z.enum(["lead", "support"]),
  items: z.array(z.string()),
});

export const ZAgendaItem = z.object({
  start: hhmm.nullable(),
  end: hhmm.nullable(),
  item: z.string(),
  by: z.string().nullable(),
});

export const ZImportedConference = z.object({
  level: z.string().nullable(),
  title: z.string().nullable(),
  date: isoDate.nullable(),
  start: hhmm.nullable(),
  end: hhmm.nullable(),
  duration: z.string().nullable(),
  venue: z.string().nullable(),
  chair: z.string().nullable(),
  expectedAttendance: z.number().int().nonnegative().nullable(),
  participants: z.array(z.string()),
  dressCode: z.string().nullable(),
  agenda: z.array(ZAgendaItem),
});

export const ZImportedSpeech = z.object({ no: z.number().int(), topic: z.string(), unit: z.string() });

export const ZSigner = z.object({
  authority: z.string().nullable(),
  title: z.string().nullable(),
  name: z.string().nullable(),
  rank: z.string().nullable(),
});

/** An annex: its title, its `(Kèm theo Kế hoạch số …, ngày …)` reference, and its outline (a report outline, a form), shaped like `sections`. */
export const ZAnnex = z.object({ title: z.string(), reference: z.string().nullable(), sections: z.array(ZPlanSection).default([]) });

export const ZImportResult = z.object({
  kind: z.string(),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  place: z.string().nullable(),
  issuedOn: isoDate.nullable(),
  title: z.string(),
  legalBases: z.array(ZLegalBasis),
  sections: z.array(ZPlanSection),
  deadlines: z.array(ZImportedDeadline),
  tasks: z.array(ZImportedTask),
  conferences: z.array(ZImportedConference),
  speeches: z.array(ZImportedSpeech),
  recipients: z.array(z.string()),
  signer: ZSigner,
  annexes: z.array(ZAnnex),
  warnings: z.array(z.string()),
});

export type LegalBasis = z.infer<typeof ZLegalBasis>;
export type ImportedDeadline = z.infer<typeof ZImportedDeadline>;
export type ImportedTask = z.infer<typeof ZImportedTask>;
export type AgendaItem = z.infer<typeof ZAgendaItem>;
export type ImportedConference = z.infer<typeof ZImportedConference>;
export type ImportedSpeech = z.infer<typeof ZImportedSpeech>;
export type Signer = z.infer<typeof ZSigner>;
export type Annex = z.infer<typeof ZAnnex>;
export type ImportResult = z.infer<typeof ZImportResult>;

/** Error codes of an import; the server maps UNSUPPORTED_TYPE and UNREADABLE to 400, TOO_LARGE to 413, OCR_UNAVAILABLE (no Tesseract on the server) to 415. */
export const ZImportErrorCode = z.enum(["UNSUPPORTED_TYPE", "TOO_LARGE", "UNREADABLE", "OCR_UNAVAILABLE"]);
export type ImportErrorCode = z.infer<typeof ZImportErrorCode>;
