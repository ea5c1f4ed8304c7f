import type { DelegateImportReport } from "../../../contracts/delegates";
import { checkPhone } from "../../../domain/text/phone";
import { nameKey } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { delegates } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { delegateRows, delegateSearchKey, sameDelegateKey } from "./queries";
import { groupNamesOf, matchUnits } from "./service";
import { readDelegateSheet, writeDelegateSheet } from "./sheet";

/** Excel import and export of a conference's delegates: every data row accepted or refused with its reason. */

const INSERT_BATCH = 1000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
type Insert = typeof delegates.$inferInsert;

export async function importDelegates(
  db: Db,
  { actor, conferenceId, file, filename, dryRun }: { actor: Actor; conferenceId: string; file: Buffer; filename: string; dryRun: boolean },
): Promise<DelegateImportReport> {
  const sheet = await readDelegateSheet(file, filename);
  const { groups } = await groupNamesOf(db, conferenceId);
  const groupByKey = new Map(groups.map((g) => [nameKey(g.name), g]));
  const units = await matchUnits(
    db,
    sheet.map((r) => r.unitName),
  );
  const seen = new Map<string, number | "existing">();
  for (const d of await delegateRows(db, conferenceId)) seen.set(sameDelegateKey(d), "existing");

  const accepted: DelegateImportReport["accepted"] = [];
  const refused: DelegateImportReport["refused"] = [];
  const inserts: Insert[] = [];
  for (const r of sheet) {
    const refuse = (reason: string) => refused.push({ row: r.row, reason });
    if (!r.fullName) {
      refuse("Thiếu họ và tên.");
      continue;
    }
    if (r.fullName.length > 200) {
      refuse("Họ và tên dài quá 200 ký tự.");
      continue;
    }
    const phone = checkPhone(r.phone);
    if (!phone.ok) {
      refuse(phone.reason);
      continue;
    }
    if (r.email && !EMAIL.test(r.email)) {
      refuse(`Địa chỉ e-mail "${r.email}" không hợp lệ.`);
      continue;
    }
    const group = r.group ? groupByKey.get(nameKey(r.group)) : undefined;
    if (r.group && !group) {
      refuse(`Nhóm "${r.group}" không có trong hội nghị; các nhóm: ${groups.map((g) => `"${g.name}"`).join(", ") || "(chưa có nhóm)"}.`);
      continue;
    }
    const rank = r.protocolRank === "" ? 1000 : Number(r.protocolRank);
    if (!Number.isInteger(rank) || rank < 0 || rank > 1_000_000) {
      refuse(`Thứ tự lễ tân "${r.protocolRank}" phải là số nguyên không âm.`);
      continue;
    }
    const key = sameDelegateKey(r);
    const earlier = seen.get(key);
    if (earlier === "existing") {
      refuse(`Đại biểu "${r.fullName}"${r.unitName ? ` (${r.unitName})` : ""} đã có trong danh sách của hội nghị.`);
      continue;
    }
    if (earlier !== undefined) {
      refuse(`Trùng với dòng ${earlier}: cùng họ tên "${r.fullName}" và đơn vị.`);
      continue;
    }
    seen.set(key, r.row);
    const unitId = r.unitName ? (units.get(nameKey(r.unitName)) ?? null) : null;
    const values = { fullName: r.fullName, title: r.title, unitName: r.unitName, phone: phone.phone, email: r.email, protocolRank: rank };
    inserts.push({ ...values, conferenceId, groupId: group?.id ?? null, unitId, searchKey: delegateSearchKey(values) });
    accepted.push({ row: r.row, ...values, unitMatched: unitId !== null, groupName: group?.name ?? null });
  }

  if (!dryRun && inserts.length > 0)
    await db.transaction(async (tx) => {
      for (let i = 0; i < inserts.length; i += INSERT_BATCH) await tx.insert(delegates).values(inserts.slice(i, i + INSERT_BATCH));
      await recordAudit(tx, {
        actor,
        action: "delegate.import",
        entityType: "conference",
        entityId: conferenceId,
        after: { filename, created: inserts.length, refused: refused.length },
      });
    });
  return { dryRun, accepted, refused, created: dryRun ? 0 : inserts.length };
}

/** The conference's delegates in the import's columns, in protocol order, so the file imports again. */
export async function exportDelegates(db: Db, conferenceId: string): Promise<Buffer> {
  const { groupNames } = await groupNamesOf(db, conferenceId);
  const rows = await delegateRows(db, conferenceId);
  return writeDelegateSheet(
    rows.map((d) => ({
      fullName: d.fullName,
      title: d.title,
      unitName: d.unitName,
      group: d.groupId ? (groupNames.get(d.groupId) ?? "") : "",
      phone: d.phone,
      email: d.email,
      protocolRank: d.protocolRank,
    })),
  );
}
