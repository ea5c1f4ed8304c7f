import { shortDate } from "../../platform/documents/index";

/** How the program's documents write instants (Vietnam time, UTC+7 all year) and name their files. */

export interface DocxFile {
  file: Buffer;
  fileName: string;
}

export const safeName = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");

/** The Vietnam wall clock of an instant: ISO date and `HH:MM`. */
function local(instant: Date): { date: string; h: string; m: string } {
  const iso = new Date(instant.getTime() + 7 * 3_600_000).toISOString();
  return { date: iso.slice(0, 10), h: iso.slice(11, 13), m: iso.slice(14, 16) };
}

/** `08h00'` as agendas write a time. */
export function clock(instant: Date): string {
  const { h, m } = local(instant);
  return `${h}h${m}'`;
}

/** `08h00' - 08h05'`, or one time, or nothing. */
export function clockRange(start: Date | null, end: Date | null): string {
  if (!start) return "";
  return end ? `${clock(start)} - ${clock(end)}` : clock(start);
}

/** `08h00' - 11h00', ngày 02/6/2026`. */
export function vietnamDateText(start: Date, end: Date | null): string {
  return `${clockRange(start, end)}, ngày ${shortDate(local(start).date)}`;
}
