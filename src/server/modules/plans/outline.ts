import { randomUUID } from "node:crypto";
import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import type { PlanChanges, PlanOutlineSection, PlanSectionInput } from "../../../contracts/plans";
import type { Db } from "../../db/client";
import { planSections, type plans } from "../../db/schema/index";
import { AppError } from "../../platform/errors";

type SectionRow = typeof planSections.$inferSelect;

/** The columns an outline row has, the plan's own (plan_sections) or an annex's (plan_annex_sections). */
type OutlineRow = Pick<SectionRow, "id" | "parentId" | "sortOrder" | "number" | "heading" | "text">;

/** Rows (any order) as the tree they make: siblings by sortOrder, children under their parent. */
export function outlineTree(rows: readonly OutlineRow[]): PlanOutlineSection[] {
  const byParent = new Map<string | null, OutlineRow[]>();
  for (const row of rows) {
    const siblings = byParent.get(row.parentId) ?? [];
    siblings.push(row);
    byParent.set(row.parentId, siblings);
  }
  const build = (parentId: string | null): PlanOutlineSection[] =>
    (byParent.get(parentId) ?? [])
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((r) => ({ id: r.id, number: r.number, heading: r.heading, text: r.text, children: build(r.id) }));
  return build(null);
}

/** The plan's outline (its numbered sections with their ids), as imported or edited. */
export async function readOutline(db: Db, planId: string): Promise<PlanOutlineSection[]> {
  const rows = await db.select().from(planSections).where(eq(planSections.planId, planId)).orderBy(asc(planSections.sortOrder));
  return outlineTree(rows);
}

/** The tree as rows: a section without an id gets a new one; each keeps its place among its siblings. */
function flatten(planId: string, sections: readonly PlanSectionInput[], parentId: string | null, out: SectionRow[]): SectionRow[] {
  sections.forEach((s, sortOrder) => {
    const id = s.id ?? randomUUID();
    out.push({ id, planId, parentId, sortOrder, number: s.number, heading: s.heading, text: s.text });
    flatten(planId, s.children ?? [], id, out);
  });
  return out;
}

const BATCH = 1000;

/**
 * Makes the plan's stored outline `sections`, inside the caller's transaction (after its version check): sections
 * sent with an id keep it, those without are new, stored sections not sent are deleted. An id that is not one
 * of this plan's sections, or sent twice, is refused (400) and nothing changes.
 */
export async function writeOutline(tx: Db, planId: string, sections: readonly PlanSectionInput[]): Promise<void> {
  const rows = flatten(planId, sections, null, []);
  const stored = new Set(
    (await tx.select({ id: planSections.id }).from(planSections).where(eq(planSections.planId, planId))).map((r) => r.id),
  );
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.id))
      throw new AppError("VALIDATION", `Mục «${row.number} ${row.heading}» được gửi hai lần. Hãy tải lại kế hoạch rồi sửa lại.`);
    seen.add(row.id);
  }
  for (const id of idsSent(sections))
    if (!stored.has(id))
      throw new AppError("VALIDATION", "Có mục không thuộc kế hoạch này (có thể đã bị xóa). Hãy tải lại kế hoạch rồi sửa lại.");
  await tx
    .delete(planSections)
    .where(and(eq(planSections.planId, planId), rows.length ? notInArray(planSections.id, [...seen]) : undefined));
  for (let at = 0; at < rows.length; at += BATCH)
    await tx
      .insert(planSections)
      .values(rows.slice(at, at + BATCH))
      .onConflictDoUpdate({
        target: planSections.id,
        set: {
          parentId: sql`excluded.parent_id`,
          sortOrder: sql`excluded.sort_order`,
          number: sql`excluded.number`,
          heading: sql`excluded.heading`,
          text: sql`excluded.text`,
        },
      });
}

function idsSent(sections: readonly PlanSectionInput[]): string[] {
  return sections.flatMap((s) => [...(s.id ? [s.id] : []), ...idsSent(s.children ?? [])]);
}

/** The fields `changes` touches as they are before it (the outline read from its rows), for the audit and amendments. */
export async function fieldsBefore(tx: Db, plan: typeof plans.$inferSelect, changes: PlanChanges): Promise<Record<string, unknown>> {
  const before: Record<string, unknown> = Object.fromEntries(
    Object.keys(changes).map((k) => [k, k === "sections" ? undefined : plan[k as keyof typeof plan]]),
  );
  if (changes.sections) before.sections = await readOutline(tx, plan.id);
  return before;
}
