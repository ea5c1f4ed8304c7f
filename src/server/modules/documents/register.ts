import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outgoingDocumentSequences, outgoingDocuments } from "../../db/schema/index";

/** Abbreviations of bodies by kind, as their numbers are written (`15/UBND-VP`, `15-CV/TU`, `03/KH-BCH`). */
const KIND_ABBREVIATIONS: Record<string, string> = {
  ubnd: "UBND",
  hdnd: "HĐND",
  mttq: "MTTQ",
  "thanh-uy": "TU",
  "tinh-uy": "TU",
  "dang-uy": "ĐU",
  btv: "TU",
  "bo-chqs": "BCH",
  "ban-chqs": "BCH",
};

const SMALL_WORDS = new Set(["và", "của", "thành", "phố", "tỉnh", "xã", "phường", "đặc", "khu"]);

/**
 * The issuer's abbreviation in a document number: by its kind (`ubnd` → "UBND", `thanh-uy` → "TU"), else the
 * initials of its name before any place (`Sở Nội vụ` → "SNV", `Ban Tổ chức Thành ủy` → "BTCTU").
 */
export function issuerAbbreviation(unit: { name: string; kind: string }): string {
  const known = KIND_ABBREVIATIONS[unit.kind];
  if (known) return known;
  const words = unit.name
    .replace(/\s+(thành phố|tỉnh|phường|xã|đặc khu)\s+.*$/iu, "")
    .split(/[\s,-]+/)
    .filter((w) => w && !SMALL_WORDS.has(w.toLocaleLowerCase("vi")));
  const initials = words.map((w) => (/^[A-ZĐ]{2,}$/u.test(w) ? w : w.charAt(0).toLocaleUpperCase("vi"))).join("");
  return initials || "VP";
}

export interface NumberParts {
  layout: "state" | "party";
  sequence: number;
  /** Document type code; "" for a state công văn (it has none), "CV" for a Party one. */
  typeCode: string;
  issuer: string;
  /** The drafting office of a state công văn (`VP`, `VX`). */
  office: string;
}

/**
 * A number and symbol as written after `Số`: state công văn `15/UBND-VP`, state plan `15/KH-UBND`,
 * Party `15-CV/TU`.
 */
export function formatDocumentNumber(p: NumberParts): string {
  if (p.layout === "party") return `${p.sequence}-${p.typeCode || "CV"}/${p.issuer}`;
  return p.typeCode ? `${p.sequence}/${p.typeCode}-${p.issuer}` : `${p.sequence}/${p.issuer}-${p.office}`;
}

/**
 * Takes the next number of the issuer's register for `year` and `typeCode`: one `INSERT … ON CONFLICT DO
 * UPDATE … RETURNING`, which PostgreSQL runs under the row's lock, so concurrent requests never share a number.
 * Call it inside the transaction that records the document: a failure gives the number back with the rollback.
 */
export async function takeNumber(tx: Db, key: { issuerUnitId: string; year: number; typeCode: string }): Promise<number> {
  const [row] = await tx
    .insert(outgoingDocumentSequences)
    .values({ ...key, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [outgoingDocumentSequences.issuerUnitId, outgoingDocumentSequences.year, outgoingDocumentSequences.typeCode],
      set: { lastNumber: sql`${outgoingDocumentSequences.lastNumber} + 1` },
    })
    .returning({ n: outgoingDocumentSequences.lastNumber });
  return row.n;
}

export interface OutgoingEntry {
  issuerUnitId: string;
  year: number;
  typeCode: string;
  sequence: number;
  number: string;
  kind: "urging_letter" | "compiled_report" | "invitation";
  issuedOn: string;
  subject: string;
  planId: string | null;
  fileName: string;
  file: Buffer;
  createdBy: string;
}

/** Records a numbered document in the register (sổ văn bản đi), with the SHA-256 of the file handed out; its id back. */
export async function recordOutgoing(tx: Db, { file, ...entry }: OutgoingEntry): Promise<string> {
  const [row] = await tx
    .insert(outgoingDocuments)
    .values({ ...entry, fileSha256: createHash("sha256").update(file).digest("hex") })
    .returning({ id: outgoingDocuments.id });
  return row.id;
}
