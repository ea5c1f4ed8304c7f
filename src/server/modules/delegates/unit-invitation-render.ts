import { nameKey } from "../../../domain/text/vietnamese";
import { numberLine, placeDate } from "../../platform/documents/format";
import { qrMatrix } from "../../platform/documents/qr";
import type { InvitationCard, InvitationLetter, UnitInvitation } from "../../platform/documents/types";
import { buildUnitInvitationDocx } from "../../platform/documents/unit-invitation";
import { unitInvitationPdf } from "../../platform/documents/unit-invitation-pdf";
import { writeZip, type ZipPart, zipPart } from "../../platform/documents/zip-writer";
import { guestFileName } from "./invitation-render";

/**
 * Renders a batch addressed to units: delegates grouped by their unit (its id when matched, else the name as written,
 * tone placements folded), one .docx per unit in the .zip (the letter, then a card per delegate), and one merged .pdf.
 */

/** A delegate as the job knows them, with their unit and the codes their card carries. */
export type CardInput = Omit<InvitationCard, "qr" | "entryQr"> & { unitId: string | null; entryToken: string | null };

export interface UnitGroup {
  /** The unit as written on its first delegate; null when the delegates have none. */
  unit: string | null;
  delegates: CardInput[];
}

/** Groups delegates by unit, keeping the order of their first delegate (protocol order), and each unit's delegates in order. */
export function groupByUnit(people: readonly CardInput[]): UnitGroup[] {
  const groups = new Map<string, UnitGroup>();
  for (const p of people) {
    const key = p.unitId ?? (p.unit.trim() ? `name:${nameKey(p.unit)}` : "none");
    const group = groups.get(key) ?? { unit: p.unit.trim() || null, delegates: [] };
    group.delegates.push(p);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export async function renderUnitInvitations(
  letter: InvitationLetter,
  people: readonly CardInput[],
  onProgress: (done: number) => Promise<void> | void = () => undefined,
): Promise<{ zip: Buffer; pdf: Buffer }> {
  const pdf = unitInvitationPdf(letter, numberLine(letter.layout, letter.number), placeDate(letter.place, letter.date));
  const entries: ZipPart[] = [];
  const names = new Set<string>();
  let done = 0;
  for (const [index, group] of groupByUnit(people).entries()) {
    const invitation: UnitInvitation = {
      unit: group.unit,
      delegates: group.delegates.map(({ unitId: _, entryToken, ...card }) => ({
        ...card,
        qr: qrMatrix(card.confirmUrl),
        entryQr: entryToken ? qrMatrix(entryToken) : null,
      })),
    };
    const base = guestFileName(index, group.unit ?? "dai-bieu-chua-ghi-don-vi").replace(/^giay-moi-/, "giay-moi-don-vi-");
    let name = `${base}.docx`;
    for (let n = 2; names.has(name); n += 1) name = `${base}-${n}.docx`;
    names.add(name);
    // A .docx is already compressed: the zip stores it as is.
    entries.push(zipPart(name, await buildUnitInvitationDocx(letter, invitation), false));
    pdf.add(invitation);
    done += group.delegates.length;
    await onProgress(done);
  }
  return { zip: writeZip(entries), pdf: await pdf.finish() };
}
