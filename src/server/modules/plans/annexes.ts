import { randomUUID } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import type { Annex, PlanSection } from "../../../contracts/importer";
import type { PlanAnnex } from "../../../contracts/plans";
import type { Db } from "../../db/client";
import { planAnnexes, planAnnexSections } from "../../db/schema/index";
import { outlineTree } from "./outline";

/**
 * The annexes a plan keeps from its import (Phụ lục, Đề cương báo cáo…), each outline as rows with stable ids like
 * the plan's own outline, so a report form can be made from an annex long after the import.
 */

type AnnexSectionRow = typeof planAnnexSections.$inferInsert & { id: string };

const BATCH = 1000;

function flatten(annexId: string, sections: readonly PlanSection[], parentId: string | null, out: AnnexSectionRow[]) {
  sections.forEach((s, sortOrder) => {
    const id = randomUUID();
    out.push({ id, annexId, parentId, sortOrder, number: s.number, heading: s.heading, text: s.text });
    flatten(annexId, s.children, id, out);
  });
  return out;
}

/** Stores the imported annexes of a new plan, in the caller's transaction (the import's). */
export async function writeAnnexes(tx: Db, planId: string, annexes: readonly Annex[]): Promise<void> {
  if (annexes.length === 0) return;
  const rows = annexes.map((a, sortOrder) => ({ id: randomUUID(), planId, sortOrder, title: a.title, reference: a.reference }));
  await tx.insert(planAnnexes).values(rows);
  const sections = annexes.flatMap((a, k) => flatten(rows[k].id, a.sections, null, []));
  for (let at = 0; at < sections.length; at += BATCH) await tx.insert(planAnnexSections).values(sections.slice(at, at + BATCH));
}

/** The plan's annexes in the document's order, each with its outline ([] for a plan made by hand). */
export async function readAnnexes(db: Db, planId: string): Promise<PlanAnnex[]> {
  const annexes = await db.select().from(planAnnexes).where(eq(planAnnexes.planId, planId)).orderBy(asc(planAnnexes.sortOrder));
  if (annexes.length === 0) return [];
  const sections = await db
    .select()
    .from(planAnnexSections)
    .where(
      inArray(
        planAnnexSections.annexId,
        annexes.map((a) => a.id),
      ),
    );
  return annexes.map((a) => ({
    id: a.id,
    title: a.title,
    reference: a.reference,
    sections: outlineTree(sections.filter((s) => s.annexId === a.id)),
  }));
}
