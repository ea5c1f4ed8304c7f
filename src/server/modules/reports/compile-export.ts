import type { Db } from "../../db/client";
import type { Actor } from "../../platform/access";
import { expectedUnitsUnder } from "../obligations/level";
import { buildCompiledDocx, compiledHeader } from "./compile-document";
import { writeNumbersWorkbook } from "./compile-xlsx";
import { compiledSectionsOf, findCompiled, valuesUnder } from "./compiled-queries";
import { presentFormOf } from "./forms";
import { resolveLevel } from "./level";
import { compiledStatus, owedUpward } from "./reopen";
import { getTotals } from "./rollup";

/**
 * Downloads of a level's compiled report, for whoever may open its compiled view. The .docx of a final report
 * carries the number and date the register gave it at final; a draft's leaves them blank (the number is taken
 * once, when the report is marked final and sent, never by a mere download).
 */

export interface ExportOptions {
  actor: Actor;
  taskId: string;
  unitId?: string;
}

const safe = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");

export async function exportCompiledDocx(db: Db, { actor, taskId, unitId }: ExportOptions) {
  const level = await resolveLevel(db, actor, taskId, unitId);
  const compiled = await findCompiled(db, level.form.id, level.unit.id);
  const [form, header, totals, sections, owed] = await Promise.all([
    presentFormOf(db, actor, level.task, level.form),
    compiledHeader(db, actor, level),
    getTotals(db, { actor, taskId: level.task.id, unitId: level.unit.id }),
    compiledSectionsOf(db, compiled?.id),
    owedUpward(db, level),
  ]);
  // Sent back by the level above, it is a draft again: the next final takes a new number.
  const status = compiledStatus(compiled, owed);
  const final = compiled !== undefined && (status === "final" || status === "accepted");
  const content = await buildCompiledDocx(header, {
    level,
    form,
    sections,
    totals,
    number: final ? compiled.documentNumber : null,
    date: final ? compiled.issuedOn : null,
  });
  const fileName = `bao-cao-tong-hop-${final && compiled.documentNumber ? safe(compiled.documentNumber) : "du-thao"}.docx`;
  return { fileName, content };
}

export async function exportCompiledXlsx(db: Db, { actor, taskId, unitId }: ExportOptions) {
  const level = await resolveLevel(db, actor, taskId, unitId);
  const [form, totals, units, values] = await Promise.all([
    presentFormOf(db, actor, level.task, level.form),
    getTotals(db, { actor, taskId: level.task.id, unitId: level.unit.id }),
    expectedUnitsUnder(db, { taskId: level.task.id, parentPath: level.unit.path }),
    valuesUnder(db, { formId: level.form.id, path: level.unit.path }),
  ]);
  const content = await writeNumbersWorkbook([
    { title: `SỐ LIỆU TỔNG HỢP: ${level.task.what.replace(/\s+/g, " ")}`, levelName: level.unit.name, form, units, values, totals },
  ]);
  return {
    fileName: `so-lieu-tong-hop-${safe(level.unit.name.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/gi, "d")) || "don-vi"}.xlsx`,
    content,
  };
}
