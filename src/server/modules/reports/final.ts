import { eq } from "drizzle-orm";
import type { FinalRequest } from "../../../contracts/report-compile";
import { vietnamToday } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { compiledReports } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { invalidState, versionConflict } from "../../platform/errors";
import type { FileStore } from "../../platform/files/store";
import { recordOutgoing, takeNumber } from "../documents/register";
import { expectedUnitsUnder } from "../obligations/level";
import { buildCompiledDocx, compiledHeader, compiledNumber } from "./compile-document";
import { compiledSectionsOf, excusesOf, lockDraft } from "./compiled-queries";
import { presentFormOf } from "./forms";
import { assertCompiler, resolveLevel } from "./level";
import { formParts } from "./queries";
import { getTotals } from "./rollup";
import { submitUpward } from "./upward";

/**
 * Marking a level's compiled report final. Refused (409) while an expected unit below is neither accepted nor
 * excused, naming how many and which. Final takes the next BC number of the compiling unit's outgoing register
 * (the number is taken here, not at export: the final report is what the level sends upward, so it must carry its
 * number when it leaves; a draft exports with the number left blank), records the .docx there, freezes the
 * draft, and submits the level's own obligation upward when it owes one.
 */

const NAMED = 10;

export async function unitsNotDone(db: Db, taskId: string, path: string) {
  const expected = await expectedUnitsUnder(db, { taskId, parentPath: path });
  const excuses = await excusesOf(
    db,
    expected.map((e) => e.obligationId),
  );
  return { expected, missing: expected.filter((e) => e.status !== "accepted" && !excuses.has(e.obligationId)) };
}

export interface MarkFinalOptions {
  actor: Actor;
  taskId: string;
  input: FinalRequest;
  store: FileStore;
  now?: Date;
}

export async function markFinal(db: Db, { actor, taskId, input, store, now = new Date() }: MarkFinalOptions) {
  const level = await resolveLevel(db, actor, taskId, input.unitId);
  assertCompiler(level);
  const { expected, missing } = await unitsNotDone(db, level.task.id, level.unit.path);
  if (expected.length === 0) throw invalidState("Không có đơn vị cấp dưới nào phải báo cáo ở cấp này nên chưa có gì để chốt.");
  if (missing.length > 0) {
    const names = missing.slice(0, NAMED).map((m) => m.unitName);
    const more = missing.length > NAMED ? ` và ${missing.length - NAMED} đơn vị khác` : "";
    throw invalidState(
      `Chưa chốt được: còn ${missing.length}/${expected.length} đơn vị chưa được tiếp nhận hoặc miễn báo cáo: ${names.join(", ")}${more}. Hãy tiếp nhận, trả lại hoặc miễn báo cáo cho từng đơn vị trước.`,
      { missing: missing.map((m) => ({ unitId: m.unitId, unitName: m.unitName, status: m.status })) },
    );
  }
  const [form, header, totals, parts] = await Promise.all([
    presentFormOf(db, actor, level.task, level.form),
    compiledHeader(db, actor, level),
    getTotals(db, { actor, taskId: level.task.id, unitId: level.unit.id }),
    formParts(db, level.form.id),
  ]);
  const date = vietnamToday(now);
  return db.transaction(async (tx) => {
    const draft = await lockDraft(tx, level);
    // A draft made by this very request is version 1; the view shows 0 before any passage.
    if (input.version !== draft.version && !(input.version === 0 && draft.version === 1)) throw versionConflict("Báo cáo tổng hợp");
    const sections = await compiledSectionsOf(tx, draft.id);
    const sequence = await takeNumber(tx, { issuerUnitId: level.unit.id, year: Number(date.slice(0, 4)), typeCode: "BC" });
    const number = compiledNumber(header, sequence);
    const file = await buildCompiledDocx(header, { level, form, sections, totals, number, date });
    const fileName = `bao-cao-tong-hop-${number.replace(/[^A-Za-z0-9-]+/g, "-")}.docx`;
    const subject = `Báo cáo tổng hợp: ${level.task.what.replace(/\s+/g, " ").slice(0, 200)}`;
    const documentId = await recordOutgoing(tx, {
      issuerUnitId: level.unit.id,
      year: Number(date.slice(0, 4)),
      typeCode: "BC",
      sequence,
      number,
      kind: "compiled_report",
      issuedOn: date,
      subject,
      planId: level.task.planId,
      fileName,
      file,
      createdBy: actor.userId,
    });
    await tx
      .update(compiledReports)
      .set({
        status: "final",
        documentNumber: number,
        documentId,
        issuedOn: date,
        finalizedBy: actor.userId,
        finalizedAt: now,
        version: draft.version + 1,
        updatedAt: now,
      })
      .where(eq(compiledReports.id, draft.id));
    const submittedObligationId = await submitUpward(tx, {
      actor,
      level,
      totals,
      indicators: parts.indicators,
      headings: parts.headings,
      sections,
      file,
      fileName,
      text: `${header.issuer} gửi Báo cáo tổng hợp số ${number} ngày ${date.split("-").reverse().join("/")}.`,
      store,
    });
    await recordAudit(tx, {
      actor,
      action: "report.compiled_final",
      entityType: "compiled_report",
      entityId: draft.id,
      after: { number, units: expected.length, submittedObligationId },
    });
    return { documentNumber: number, submittedObligationId };
  });
}
