import type { ReportForm, ReportHeading, ReportIndicator } from "../../../contracts/reports";
import type { FormRows } from "./queries";

/** The form as the wire shows it: headings depth first with their depth, indicators in outline order. */
export function presentForm(rows: FormRows, canEdit: boolean): ReportForm {
  const children = new Map<string | null, FormRows["headings"]>();
  for (const h of rows.headings) children.set(h.parentId, [...(children.get(h.parentId) ?? []), h]);
  const headings: ReportHeading[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const h of (children.get(parentId) ?? []).sort((a, b) => a.sortOrder - b.sortOrder)) {
      headings.push({
        id: h.id,
        parentId: h.parentId,
        depth,
        sortOrder: h.sortOrder,
        number: h.number,
        heading: h.heading,
        guidance: h.guidance,
      });
      walk(h.id, depth + 1);
    }
  };
  walk(null, 0);
  const place = new Map(headings.map((h, i) => [h.id, i]));
  const indicators: ReportIndicator[] = rows.indicators
    .map((i) => ({
      id: i.id,
      headingId: i.headingId,
      sortOrder: i.sortOrder,
      code: i.code,
      name: i.name,
      unitOfMeasure: i.unitOfMeasure,
      kind: i.kind,
      min: i.min,
      notAboveId: i.notAboveId,
      ratio: i.numeratorId && i.denominatorId ? { numeratorId: i.numeratorId, denominatorId: i.denominatorId } : null,
      computed: Boolean(i.numeratorId && i.denominatorId),
    }))
    .sort((a, b) => (place.get(a.headingId) ?? 0) - (place.get(b.headingId) ?? 0) || a.sortOrder - b.sortOrder);
  return { id: rows.form.id, taskId: rows.form.taskId, planId: rows.planId, version: rows.form.version, headings, indicators, canEdit };
}
