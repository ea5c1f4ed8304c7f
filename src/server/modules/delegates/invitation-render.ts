import { numberLine, placeDate } from "../../platform/documents/format";
import { invitationDocxMaker } from "../../platform/documents/invitation";
import { invitationPdf } from "../../platform/documents/invitation-pdf";
import { qrMatrix } from "../../platform/documents/qr";
import type { InvitationGuest, InvitationLetter } from "../../platform/documents/types";
import { writeZip, type ZipPart, zipPart } from "../../platform/documents/zip-writer";

/** Renders a batch of invitations: the .zip of one .docx per guest and one merged .pdf, reporting progress. */

/** A guest as the job knows them: the confirmation link and, once check-in issues them, the signed entry token. */
export type GuestInput = Omit<InvitationGuest, "qr" | "entryQr"> & { fileName: string; entryToken: string | null };

export async function renderInvitations(
  letter: InvitationLetter,
  guests: readonly GuestInput[],
  onProgress: (done: number) => Promise<void> | void = () => undefined,
  { every = 50, docx = true, pdf: withPdf = true }: { every?: number; docx?: boolean; pdf?: boolean } = {},
): Promise<{ zip: Buffer; pdf: Buffer }> {
  const maker = docx ? await invitationDocxMaker(letter, { withEntry: guests.some((g) => g.entryToken) }) : null;
  const pdf = invitationPdf(letter, numberLine(letter.layout, letter.number), placeDate(letter.place, letter.date));
  const entries: ZipPart[] = [];
  const names = new Set<string>();
  let done = 0;
  for (const guest of guests) {
    const { entryToken, ...rest } = guest;
    const full: InvitationGuest = { ...rest, qr: qrMatrix(guest.confirmUrl), entryQr: entryToken ? qrMatrix(entryToken) : null };
    let name = `${guest.fileName}.docx`;
    for (let n = 2; names.has(name); n += 1) name = `${guest.fileName}-${n}.docx`;
    names.add(name);
    // A .docx is already compressed: the zip stores it as is.
    if (maker) entries.push(zipPart(name, await maker.make(full), false));
    if (withPdf) pdf.add(full);
    done += 1;
    if (done % every === 0 || done === guests.length) await onProgress(done);
  }
  return { zip: writeZip(entries), pdf: await pdf.finish() };
}

/** A file name from a person's name: `giay-moi-001-nguyen-van-a`. */
export function guestFileName(index: number, fullName: string): string {
  const slug = fullName
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `giay-moi-${String(index + 1).padStart(4, "0")}-${slug || "dai-bieu"}`;
}
