import type { ImportResult } from "../../../contracts/importer";

/** One recognised string of the result, named by its form path (`deadlines.0.raw`). */
export interface Piece {
  id: string;
  text: string;
}

/** Where a piece was found in the source text: [start, end). */
export interface Found extends Piece {
  start: number;
  end: number;
}

/** Every string the importer recognised, with the form path it is edited under. */
export function piecesOf(result: ImportResult): Piece[] {
  const pieces: Piece[] = [];
  const add = (id: string, text: string | null | undefined) => {
    if (text && text.trim().length > 1) pieces.push({ id, text });
  };
  add("title", result.title);
  add("number", result.number);
  add("issuer", result.issuer);
  add("place", result.place);
  result.legalBases.forEach((b, i) => add(`legalBases.${i}.text`, b.text));
  result.deadlines.forEach((d, i) => add(`deadlines.${i}.raw`, d.raw));
  result.tasks.forEach((t, i) => add(`tasks.${i}.unit`, t.unit));
  result.conferences.forEach((c, i) => {
    add(`conferences.${i}.title`, c.title);
    add(`conferences.${i}.venue`, c.venue);
    add(`conferences.${i}.chair`, c.chair);
    c.agenda.forEach((a, j) => add(`conferences.${i}.agenda.${j}.item`, a.item));
  });
  result.speeches.forEach((s, i) => {
    add(`speeches.${i}.topic`, s.topic);
    add(`speeches.${i}.unit`, s.unit);
  });
  result.recipients.forEach((r, i) => add(`recipients.${i}`, r));
  add("signer.authority", result.signer.authority);
  add("signer.title", result.signer.title);
  add("signer.name", result.signer.name);
  result.annexes.forEach((a, i) => add(`annexes.${i}.title`, a.title));
  return pieces;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A pattern that finds `text` although the source breaks it over lines, wraps it in markup (`**`, `|`)
 * or spaces it differently; long strings are matched by their first words.
 */
function loosePattern(text: string, flags: string): RegExp | null {
  const words = text
    .normalize("NFC")
    .split(/[\s*_|]+/u)
    .filter(Boolean)
    .slice(0, 24);
  if (words.length === 0) return null;
  return new RegExp(words.map(escapeRegExp).join("[\\s*_|]+"), flags);
}

/** Locates each piece in the source; the first occurrence after the previous piece of the same kind wins. */
export function locate(source: string, pieces: readonly Piece[]): Found[] {
  const text = source.normalize("NFC");
  const found: Found[] = [];
  // Lists appear in document order, so "recipients.3" is searched after where "recipients.2" was found.
  const cursor = new Map<string, number>();
  for (const piece of pieces) {
    const kind = piece.id.replace(/\.\d+(\..*)?$/, "");
    const from = cursor.get(kind) ?? 0;
    const hit = search(text, piece.text, from) ?? (from > 0 ? search(text, piece.text, 0) : null);
    if (!hit) continue;
    found.push({ ...piece, start: hit.start, end: hit.end });
    cursor.set(kind, hit.end);
  }
  return found;
}

function search(text: string, needle: string, from: number): { start: number; end: number } | null {
  const exact = text.indexOf(needle.normalize("NFC"), from);
  if (exact >= 0) return { start: exact, end: exact + needle.length };
  for (const flags of ["gu", "giu"]) {
    const pattern = loosePattern(needle, flags);
    if (!pattern) return null;
    pattern.lastIndex = from;
    const m = pattern.exec(text);
    if (m) return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}

export type Segment = { text: string; ids: string[] };

/**
 * Cuts the source into plain and highlighted runs; a run inside several pieces (a unit inside a task
 * sentence) carries every id, the innermost (shortest) first.
 */
export function segments(source: string, found: readonly Found[]): Segment[] {
  const text = source.normalize("NFC");
  const bounds = new Set<number>([0, text.length]);
  for (const f of found) {
    bounds.add(f.start);
    bounds.add(f.end);
  }
  const points = [...bounds].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let k = 0; k < points.length - 1; k++) {
    const [start, end] = [points[k], points[k + 1]];
    const ids = found
      .filter((f) => f.start <= start && f.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))
      .map((f) => f.id);
    const last = out[out.length - 1];
    if (last && last.ids.join() === ids.join()) last.text += text.slice(start, end);
    else out.push({ text: text.slice(start, end), ids });
  }
  return out;
}
