import type { UrgingLetterRequest } from "../../../contracts/documents";
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
import { getPlan } from "../plans/service";
import { planDocument, signerOf } from "./compose";
import { issuerNames } from "./queries";

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
  const file = await buildPlanDocx(planDocument(plan, await requireIssuer(db, plan.issuerUnitId)));
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

/**
 * The công văn đôn đốc of a plan: the units still owing something (overdue and open, or returned and not sent
 * again) with what and by when, in the issuer's layout. Only managers of the issuer; 409 when nobody is late.
 */
export async function urgingLetterDocx(db: Db, { actor, planId, request, now = new Date() }: UrgingLetterOptions): Promise<DocxFile> {
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
      what: r.what,
      due: deadlineText(r.dueDate, r.dueTime),
      state: r.status === "returned" ? "returned" : "overdue",
      note: r.status === "returned" ? r.returnedReason : null,
    });
    byUnit.set(r.unitName, unit);
  }
  const issuer = await requireIssuer(db, plan.issuerUnitId);
  const cited = `${plan.number ? `Kế hoạch số ${plan.number}` : "Kế hoạch"}${plan.issuedOn ? ` ngày ${shortDate(plan.issuedOn)}` : ""} của ${issuer.name} về ${plan.title.replace(/\s+/g, " ")}`;
  const file = await buildUrgingLetterDocx({
    layout: plan.layout,
    parentBody: issuer.parentName,
    issuer: issuer.name,
    number: request?.number ?? null,
    place: plan.place,
    date: request?.date ?? vietnamToday(now),
    subject: `V/v đôn đốc thực hiện ${plan.number ? `Kế hoạch số ${plan.number}` : "kế hoạch"}`,
    planReference: cited,
    asOf: momentText(now),
    lateUnits: sortVi([...byUnit.values()], (u) => u.unit),
    recipients: ["Lưu: VT"],
    signer: request?.signer ?? signerOf(plan, issuer.name),
  });
  await db.transaction((tx) => notifyUnitsUrged(tx, { obligationIds: rows.map((r) => r.id), actorId: actor.userId, now }));
  await recordAudit(db, {
    actor,
    action: "plan.urging_letter",
    entityType: "plan",
    entityId: plan.id,
    after: { lateUnits: byUnit.size, items: rows.length },
  });
  return { file, fileName: `don-doc-${safeName(plan.number ?? "") || plan.id}.docx` };
}
