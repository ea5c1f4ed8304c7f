/**
 * The running order of a conference's stage, shared by the server (the `next` command) and the operator's page
 * (whether «Tiếp theo» has somewhere to go).
 */

/** What the timer is timing (contracts/conferences TimerSubjectKind). */
export type TimerPartKind = "none" | "agenda" | "speech" | "custom";

/** The agenda and the speeches as `next` walks them (agenda by its order, speeches by running order). */
export interface ProgramOrder {
  agenda: ReadonlyArray<{ id: string; kind: "item" | "speeches" | "awards" }>;
  speeches: ReadonlyArray<{ id: string }>;
}

export type NextPart = { kind: "agenda" | "speech"; id: string };

/**
 * What follows the current part: the next speech in running order; after the last speech, the agenda item after
 * the "Tham luận" item; after the "Tham luận" item itself, its first speech; else the next agenda item.
 * Null at the end of the programme, or when the current part is not in it (nothing chosen, a free label).
 * @example nextPart({ kind: "speech", id: "s1" }, { agenda: [], speeches: [{ id: "s1" }, { id: "s2" }] }) // { kind: "speech", id: "s2" }
 */
export function nextPart(current: { kind: TimerPartKind; id: string | null }, program: ProgramOrder): NextPart | null {
  const { agenda, speeches } = program;
  const after = (i: number): NextPart | null => (i >= 0 && agenda[i + 1] ? { kind: "agenda", id: agenda[i + 1].id } : null);
  if (current.kind === "speech") {
    const i = speeches.findIndex((s) => s.id === current.id);
    if (i < 0) return null;
    if (speeches[i + 1]) return { kind: "speech", id: speeches[i + 1].id };
    return after(agenda.findIndex((a) => a.kind === "speeches"));
  }
  if (current.kind === "agenda") {
    const i = agenda.findIndex((a) => a.id === current.id);
    if (i < 0) return null;
    if (agenda[i].kind === "speeches" && speeches[0]) return { kind: "speech", id: speeches[0].id };
    return after(i);
  }
  return null;
}
