import type { Db } from "../../db/client";
import type { Actor } from "../../platform/access";
import { buildAnnexTableDocx, shortDate } from "../../platform/documents/index";
import { notFound } from "../../platform/errors";
import { findPlan } from "../plans/queries";
import { conferenceAccess } from "./policy";
import { type DocxFile, safeName } from "./program-format";
import { listAwardRows, listSpeechRows } from "./program-queries";

/** The speech list and the award list as annexes of the plan, in the official layout; for whoever reads the conference. */

/** `Kèm theo Kế hoạch số 63-KH/TU, ngày 26/5/2026 của Ban Thường vụ Thành ủy` */
async function annexReference(db: Db, planId: string): Promise<{ reference: string; issuer: string; number: string | null }> {
  const plan = await findPlan(db, planId);
  if (!plan) throw notFound("Không tìm thấy kế hoạch của hội nghị.");
  const parts = [`Kèm theo Kế hoạch${plan.number ? ` số ${plan.number}` : ""}`, plan.issuedOn ? `, ngày ${shortDate(plan.issuedOn)}` : ""];
  return { reference: `${parts.join("")} của ${plan.issuerName}`, issuer: plan.issuerName, number: plan.number };
}

/** Twips: STT, content, unit (the text width of A4 with the official margins). */
const SPEECH_COLUMNS = [850, 5504, 3000];
/** Twips: STT, recipient, position and unit, form, presenter. */
const AWARD_COLUMNS = [700, 2600, 2200, 2254, 1600];

/** DANH SÁCH PHÂN CÔNG CHUẨN BỊ THAM LUẬN: every speech in running order, STT | Nội dung tham luận | Đơn vị thực hiện. */
export async function speechListDocx(db: Db, { actor, conferenceId }: { actor: Actor; conferenceId: string }): Promise<DocxFile> {
  const access = await conferenceAccess(db, actor, conferenceId);
  const speeches = await listSpeechRows(db, conferenceId);
  const { reference, issuer, number } = await annexReference(db, access.planId);
  const file = await buildAnnexTableDocx({
    issuer,
    title: ["DANH SÁCH PHÂN CÔNG CHUẨN BỊ THAM LUẬN"],
    reference,
    header: ["STT", "Nội dung tham luận", "Đơn vị thực hiện"],
    widths: SPEECH_COLUMNS,
    // The unit as the plan writes it (set to the chosen unit's name whenever an organiser picks one).
    rows: speeches.map((s, i) => [String(i + 1), s.topic, s.unitName]),
  });
  return { file, fileName: `danh-sach-tham-luan-${safeName(number ?? "") || conferenceId}.docx` };
}

/** DANH SÁCH KHEN THƯỞNG: every award in stage order with its form and who presents it. */
export async function awardListDocx(db: Db, { actor, conferenceId }: { actor: Actor; conferenceId: string }): Promise<DocxFile> {
  const access = await conferenceAccess(db, actor, conferenceId);
  const awards = await listAwardRows(db, conferenceId);
  const { reference, issuer, number } = await annexReference(db, access.planId);
  const file = await buildAnnexTableDocx({
    issuer,
    title: ["DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG TẠI HỘI NGHỊ"],
    reference,
    header: ["STT", "Tập thể, cá nhân", "Chức vụ, đơn vị", "Hình thức khen thưởng", "Người trao"],
    widths: AWARD_COLUMNS,
    rows: awards.map((a, i) => [String(i + 1), a.recipient, a.recipientTitle, a.form, a.presenter]),
  });
  return { file, fileName: `danh-sach-khen-thuong-${safeName(number ?? "") || conferenceId}.docx` };
}
