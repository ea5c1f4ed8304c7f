import type { UrgingLetterRequest } from "../../../contracts/documents";
import { deliverableLabels } from "../../../contracts/plans";
import { vietnamToday } from "../../../domain/deadlines/index";
import { sortVi } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { buildPlanDocx, buildUrgingLetterDocx, deadlineText, shortDate } from "../../platform/documents/index";
import type { LateUnit } from "../../platform/documents/types";
import { forbidden, invalidState, notFound, nothingToDo } from "../../platform/errors";
import { notifyUnitsUrged } from "../notifications/notify";
import { listObligationsToUrge } from "../obligations/service";
import { findUnit } from "../organisations/queries";
import { defaultPlace } from "../plans/place";
import { getPlan } from "../plans/service";
import { planDocument, signerOf } from "./compose";
import { owedText } from "./owed";
import { issuerNames } from "./queries";
import { formatDocumentNumber, issuerAbbreviation, recordOutgoing, takeNumber } from "./register";

export interface DocxFile {
  file: Buffer;
  fileName: string;
}

const safeName = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");

async function requireIssuer(db: Db, unitId: string) {
  const issuer = await issuerNames(db, unitId);
  if (!issuer) throw notFound("Không tìm thấy đơn vị ban hành kế hoạch.");
  return issuer;
}

/** The plan as an official .docx, for whoever may read the plan (others get 404 from the plans service). */
export async function exportPlanDocx(db: Db, { actor, planId }: { actor: Actor; planId: string }): Promise<DocxFile> {
  const plan = await getPlan(db, actor, planId);
  const place = plan.place.trim() || (await defaultPlace(db, plan.issuerUnitId));
  const ids = [...new Set(plan.tasks.flatMap((t) => [...(t.target.unitIds ?? []), ...t.supportUnitIds]))];
  const unitNames = new Map<string, string>();
  for (const id of ids) {
    const unit = await findUnit(db, id);
    if (unit) unitNames.set(id, unit.name);
  }
  const file = await buildPlanDocx(planDocument({ ...plan, place }, await requireIssuer(db, plan.issuerUnitId), unitNames));
  return { file, fileName: `ke-hoach-${safeName(plan.number ?? "") || plan.id}.docx` };
}

/** "16 giờ 05 ngày 03/6/2026" in Vietnam time. */
function momentText(now: Date): string {
  const local = new Date(now.getTime() + 7 * 3_600_000).toISOString();
  return deadlineText(local.slice(0, 10), local.slice(11, 16));
}

export interface UrgingLetterOptions {
  actor: Actor;
  planId: string;
  request: UrgingLetterRequest;
  now?: Date;
}

/** The plan, if the actor may urge its units (managers of the issuer, issued plans), and who is late with what. */
async function lateUnitsOf(db: Db, actor: Actor, planId: string, now: Date) {
  const plan = await getPlan(db, actor, planId);
  if (!plan.canManage) throw forbidden("Chỉ người quản lý của đơn vị ban hành kế hoạch mới lập được công văn đôn đốc.");
  if (plan.status !== "issued") throw invalidState("Kế hoạch chưa ban hành hoặc đã kết thúc nên không có nhiệm vụ nào để đôn đốc.");
  const rows = await listObligationsToUrge(db, plan.id, now);
  if (rows.length === 0)
    throw nothingToDo(
      "Không có đơn vị nào chậm: mọi nhiệm vụ đến hạn đều đã được gửi và không có báo cáo nào bị trả lại. Chưa cần công văn đôn đốc.",
    );
  const byUnit = new Map<string, LateUnit>();
  for (const r of rows) {
    const unit = byUnit.get(r.unitName) ?? { unit: r.unitName, items: [] };
    unit.items.push({
      what: owedText(r.what, r.unitName, deliverableLabels[r.deliverable]),
      due: deadlineText(r.dueDate, r.dueTime),
      state: r.status === "returned" ? "returned" : "overdue",
      note: r.status === "returned" ? r.returnedReason : null,
    });
    byUnit.set(r.unitName, unit);
  }
  return { plan, lateUnits: sortVi([...byUnit.values()], (u) => u.unit), items: rows.length, obligationIds: rows.map((r) => r.id) };
}

/** What the urging letter will list, before it is made (and numbered): the late units and what each owes by when. */
export async function urgingLetterPreview(db: Db, { actor, planId, now = new Date() }: Omit<UrgingLetterOptions, "request">) {
  const { lateUnits } = await lateUnitsOf(db, actor, planId, now);
  return { lateUnits };
}

/**
 * The công văn đôn đốc of a plan: the units still owing something (overdue and open, or returned and not sent
 * again) with what, in a few words, and by when, in the issuer's layout. It takes the next number of the issuer's
 * register of outgoing letters (`15/UBND-VP`, Party `15-CV/TU`) and is recorded there, in one transaction.
 * Only managers of the issuer; 409 when nobody is late.
 */
export async function urgingLetterDocx(db: Db, { actor, planId, request, now = new Date() }: UrgingLetterOptions): Promise<DocxFile> {
  const { plan, lateUnits, items, obligationIds } = await lateUnitsOf(db, actor, planId, now);
  const issuer = await requireIssuer(db, plan.issuerUnitId);
  const cited = `${plan.number ? `Kế hoạch số ${plan.number}` : "Kế hoạch"}${plan.issuedOn ? ` ngày ${shortDate(plan.issuedOn)}` : ""} của ${issuer.name} về ${plan.title.replace(/\s+/g, " ")}`;
  const date = request?.date ?? vietnamToday(now);
  const year = Number(date.slice(0, 4));
  const typeCode = plan.layout === "party" ? "CV" : "";
  const subject = `V/v đôn đốc thực hiện ${plan.number ? `Kế hoạch số ${plan.number}` : "kế hoạch"}`;
  const place = plan.place.trim() || (await defaultPlace(db, plan.issuerUnitId));
  return db.transaction(async (tx) => {
    const sequence = await takeNumber(tx, { issuerUnitId: plan.issuerUnitId, year, typeCode });
    const number = formatDocumentNumber({
      layout: plan.layout,
      sequence,
      typeCode,
      issuer: issuerAbbreviation(issuer),
      office: request?.office ?? "VP",
    });
    const file = await buildUrgingLetterDocx({
      layout: plan.layout,
      parentBody: issuer.parentName,
      issuer: issuer.name,
      number,
      place,
      date,
      subject,
      planReference: cited,
      asOf: momentText(now),
      lateUnits,
      recipients: ["Lưu: VT"],
      signer: request?.signer ?? signerOf(plan, issuer.name),
    });
    const fileName = `don-doc-${safeName(number)}.docx`;
    await recordOutgoing(tx, {
      issuerUnitId: plan.issuerUnitId,
      year,
      typeCode,
      sequence,
      number,
      kind: "urging_letter",
      issuedOn: date,
      subject,
      planId: plan.id,
      fileName,
      file,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      actor,
      action: "plan.urging_letter",
      entityType: "plan",
      entityId: plan.id,
      after: { number, lateUnits: lateUnits.length, items },
    });
    await notifyUnitsUrged(tx, { obligationIds, actorId: actor.userId, now });
    return { file, fileName };
  });
}
