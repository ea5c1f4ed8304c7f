import type { PlanSection } from "../../contracts/importer";
import type { Block, HeadingMark } from "./blocks";

/** A section while the plan is read: its heading, its own blocks, its children. */
export interface Section {
  mark: HeadingMark;
  heading: string;
  /** Text written on the heading line after `Heading:` (`2. Thời gian: 1/2 ngày…`). */
  inline: string | null;
  blocks: Block[];
  children: Section[];
  parent: Section | null;
}

/** Deepest nesting kept; deeper headings become siblings at this depth (a plan never goes past 6). */
export const MAX_OUTLINE_DEPTH = 10;

const LETTER_BEFORE: Record<string, number> = { I: 8, V: 21, X: 23 };

/**
 * Nests headings by numbering style, not by position: `I.` after `A.` restarts inside `A`, and `III.`
 * after `B.` continues the top level when it follows that level's `II.`.
 * `buildOutline(toBlocks("I. A\n1. B\nII. C")).length === 2`.
 */
export function buildOutline(blocks: Block[]): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  for (const b of blocks) {
    if (b.type === "line" && b.heading) {
      const mark = resolveAmbiguous(b.heading, stack);
      const at = Math.min(placeFor(mark, stack), MAX_OUTLINE_DEPTH - 1);
      stack.length = at;
      const parent = stack[at - 1] ?? null;
      const { heading, inline } = splitHeading(mark.label);
      const s: Section = { mark, heading, inline, blocks: [], children: [], parent };
      (parent ? parent.children : roots).push(s);
      stack.push(s);
    } else if (stack.length) {
      const top = stack[stack.length - 1];
      // `Phần thứ nhất` on a line of its own: its name is the capitals line under it.
      if (!top.heading && !top.blocks.length && b.type === "line" && !b.bullet && !/\p{Ll}/u.test(b.text)) top.heading = b.text.trim();
      else top.blocks.push(b);
    }
  }
  return roots;
}

const sameStyle = (a: HeadingMark, b: HeadingMark) => a.style === b.style && a.depth === b.depth;

/** Where a new heading goes in the open stack: the index it will take. */
function placeFor(mark: HeadingMark, stack: Section[]): number {
  // Innermost open heading of the same style whose next number this is: a sibling of it.
  for (let k = stack.length - 1; k >= 0; k--) {
    if (sameStyle(stack[k].mark, mark) && stack[k].mark.value + 1 === mark.value) return k;
  }
  if (mark.value === 1) return stack.length; // a new list starts inside the current heading
  for (let k = stack.length - 1; k >= 0; k--) {
    if (sameStyle(stack[k].mark, mark)) return k; // skipped or repeated number: still a sibling
  }
  return stack.length;
}

/** `I.` after `H.` is the letter I, not the roman one. */
function resolveAmbiguous(mark: HeadingMark, stack: Section[]): HeadingMark {
  const before = mark.style === "roman" ? LETTER_BEFORE[mark.number] : undefined;
  if (before && stack.some((s) => s.mark.style === "upper" && s.mark.value === before)) {
    return { ...mark, style: "upper", value: before + 1 };
  }
  return mark;
}

function splitHeading(label: string): { heading: string; inline: string | null } {
  const colon = label.indexOf(": ");
  if (colon > 0) {
    const head = label.slice(0, colon);
    if (head.split(/\s+/).length <= 6 && !/[(,]/.test(head)) return { heading: head.trim(), inline: label.slice(colon + 2).trim() || null };
  }
  return { heading: label.replace(/[.:;,]+$/u, "").trim(), inline: null };
}

/** The lines of a section's own text, bullets marked: `["- Một;", "Hai."]`. */
export function sectionLines(s: Section): string[] {
  const out: string[] = s.inline ? [s.inline] : [];
  for (const b of s.blocks) {
    if (b.type === "line") out.push(b.bullet ? `${b.bullet} ${b.text}` : b.text);
    else for (const row of b.rows) out.push(`| ${row.join(" | ")} |`);
  }
  return out;
}

/** The public shape of the outline: `toPlanSections(roots)[0].number === "I"`. */
export function toPlanSections(sections: Section[]): PlanSection[] {
  return sections.map((s) => ({
    number: s.mark.number,
    heading: s.heading,
    text: sectionLines(s).join("\n"),
    children: toPlanSections(s.children),
  }));
}

/** Every section, depth first: `walk(roots).length`. */
export function walk(sections: Section[]): Section[] {
  const out: Section[] = [];
  const visit = (list: Section[]) => {
    for (const s of list) {
      out.push(s);
      visit(s.children);
    }
  };
  visit(sections);
  return out;
}
