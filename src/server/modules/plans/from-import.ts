import type { ImportResult } from "../../../contracts/importer";
import type { UnitKind } from "../../../contracts/organisations";
import type { Deliverable, FromImportRequest } from "../../../contracts/plans";
import { readDuration } from "../../../domain/dates/index";
import { nameKey, searchKey } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { tasks } from "../../db/schema/index";
import type { TaskTarget } from "../../db/schema/plans";
import { type Actor, canManage } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { createConferencesFromImport, type HeldTask } from "../conferences/from-import";
import { requireUnit } from "../organisations/queries";
import { unitsByNameKeys, unitsWithShortName } from "../organisations/unit-lookup";
import { writeAnnexes } from "./annexes";
import { importedTasks } from "./imported-tasks";
import { createPlan } from "./service";
import { unitClassOf } from "./unit-classes";

/** "Ban CHQS cấp xã tổ chức: ½ ngày (xong trước ngày 12/01/2026)": units to hold a conference of that length. */
export function holdsConference(what: string): boolean {
  return /tổ chức\s*:?\s*(?:½|1\/2|\d{1,2})\s*(?:ngày|buổi)\b/iu.test(what.normalize("NFC"));
}

/** What a deadline asks for, from its wording: a report, a conference held, a list of delegates, else a document. */
export function inferDeliverable(what: string): Deliverable {
  const key = searchKey(what);
  if (key.includes("bao cao")) return "report";
  if (key.includes("to chuc hoi nghi")) return "conference";
  if (holdsConference(what)) return "conference";
  if (key.includes("danh sach")) return "delegates";
  if (key.includes("xac bao") || key.includes("xac nhan")) return "confirmation";
  return "document";
}

/**
 * Matches unit names as plans write them to unit ids, ignoring case and old/new tone placement; a short name
 * ("Ban CHQS xã An Lão") counts too. A name matching several units keeps the one inside the issuer's subtree
 * the actor manages; if that is still not one unit, the name stays unmatched.
 */
async function unitMatcher(db: Db, actor: Actor, issuerPath: string, names: string[]) {
  const keys = [...new Set(names.map(nameKey))];
  const byName = await unitsByNameKeys(db, keys);
  const byShort = (await unitsWithShortName(db)).filter((u) => u.shortName && keys.includes(nameKey(u.shortName)));
  return (name: string): string | null => {
    const key = nameKey(name);
    let found = [...byName.filter((u) => u.nameKey === key), ...byShort.filter((u) => nameKey(u.shortName ?? "") === key)];
    found = [...new Map(found.map((u) => [u.id, u])).values()];
    if (found.length > 1) found = found.filter((u) => u.path.startsWith(issuerPath) || canManage(actor, u.path));
    if (found.length > 1) found = found.filter((u) => u.path.startsWith(issuerPath));
    return found.length === 1 ? found[0].id : null;
  };
}

export interface FromImportOptions {
  actor: Actor;
  input: FromImportRequest;
}

/**
 * The reviewed importer result becomes a draft: text, legal bases, recipients, signer, every task
 * (`importedTasks`, one per speech among them) with its units matched, and the conferences as records (agenda,
 * delegate groups, speeches linked to their tasks, logistics tasks) through the conferences module, all in one
 * transaction, with the annexes and their outlines (a report form is made from one later). Unmatched names come back as warnings and stay on the task, which then needs a target before the
 * plan can be issued; so does a task without a deadline.
 */
export async function createPlanFromImport(db: Db, { actor, input }: FromImportOptions): Promise<{ planId: string; warnings: string[] }> {
  const r: ImportResult = input.result;
  const issuer = await requireUnit(db, input.issuerUnitId, "Không tìm thấy đơn vị ban hành.");
  const names = [...r.deadlines.flatMap((d) => d.units), ...r.tasks.map((t) => t.unit), ...r.speeches.map((s) => s.unit)];
  const match = await unitMatcher(db, actor, issuer.path, names);
  const warnings: string[] = [];
  // One transaction: a failure half-way leaves no plan without its tasks.
  return db.transaction(async (tx) => {
    const planId = await createPlan(tx, {
      actor,
      input: {
        issuerUnitId: issuer.id,
        parentPlanId: input.parentPlanId ?? null,
        number: r.number,
        typeCode: typeCodeOf(r.number) ?? "KH",
        place: r.place ?? "",
        issuedOn: r.issuedOn,
        title: r.title.trim() || "Kế hoạch chưa có tiêu đề",
        legalBases: r.legalBases.map((b) => ({ ...b, planId: null })),
        sections: r.sections,
        recipients: r.recipients,
        signer: r.signer,
      },
    });
    await writeAnnexes(tx, planId, r.annexes);
    const drafts = importedTasks(r);
    const rows = drafts.map((d, i) => {
      const unitIds: string[] = [];
      const unmatchedNames: string[] = [];
      const kinds = new Set<UnitKind>();
      for (const name of d.units) {
        const id = match(name);
        const kind = id ? null : unitClassOf(name);
        if (id) unitIds.push(id);
        else if (kind)
          kinds.add(kind); // "Ban CHQS cấp xã": every unit of that kind below the issuer
        else unmatchedNames.push(name);
      }
      if (unmatchedNames.length)
        warnings.push(
          `Nhiệm vụ ${i + 1} («${d.what.slice(0, 60)}»): không tìm thấy đơn vị ${unmatchedNames.map((n) => `"${n}"`).join(", ")}. Hãy chọn đơn vị trước khi ban hành.`,
        );
      if (d.units.length === 0)
        warnings.push(
          `Nhiệm vụ ${i + 1} («${d.what.slice(0, 60)}»): kế hoạch không nêu đơn vị thực hiện. Hãy chọn đơn vị trước khi ban hành.`,
        );
      if (d.dueToCheck)
        warnings.push(
          d.due
            ? `Nhiệm vụ ${i + 1} («${d.what.slice(0, 60)}»): văn bản không ghi hạn; đề xuất hạn là lúc khai mạc hội nghị, hãy kiểm tra.`
            : `Nhiệm vụ ${i + 1} («${d.what.slice(0, 60)}»): văn bản không ghi hạn. Hãy đặt hạn trước khi ban hành.`,
        );
      const target: TaskTarget = {
        unitIds,
        ...(kinds.size ? { rule: { kinds: [...kinds], underUnitId: issuer.id } } : {}),
        ...(unmatchedNames.length ? { unmatchedNames } : {}),
      };
      return {
        planId,
        what: d.what,
        deliverable: d.speechNo === undefined ? inferDeliverable(d.what) : ("document" as const),
        target,
        dueDate: d.due,
        dueTime: d.time,
        dueToCheck: d.dueToCheck,
        sortOrder: i,
      };
    });
    const created = rows.length
      ? await tx.insert(tasks).values(rows).returning({ id: tasks.id, what: tasks.what, sortOrder: tasks.sortOrder })
      : [];
    created.sort((a, b) => a.sortOrder - b.sortOrder);
    const speechTaskIds = new Map<number, string>();
    const heldTasks: HeldTask[] = [];
    for (const [i, d] of drafts.entries()) {
      if (d.speechNo !== undefined) speechTaskIds.set(d.speechNo, created[i].id);
      else if (holdsConference(d.what) && !d.dueToCheck) {
        const { unitIds, rule, unmatchedNames } = rows[i].target;
        const own = !rule && !unmatchedNames?.length && unitIds?.length === 1 && unitIds[0] === issuer.id;
        heldTasks.push({ id: created[i].id, units: d.units, own, duration: readDuration(d.what) });
      }
    }
    const conferenceIds = await createConferencesFromImport(tx, {
      planId,
      issuerUnitId: issuer.id,
      result: r,
      matchUnit: match,
      tasks: created,
      speechTaskIds,
      heldTasks,
    });
    await recordAudit(tx, {
      actor,
      action: "plan.from_import",
      entityType: "plan",
      entityId: planId,
      after: { tasks: rows.length, conferences: conferenceIds.length, speeches: r.speeches.length, warnings },
    });
    return { planId, warnings };
  });
}

/** `63-KH/TU` → "KH", `03/KH-BCH` → "KH": the type code sits between the number and the issuer. */
function typeCodeOf(number: string | null): string | null {
  const m = number ? /^\d+[-/]([A-ZĐ]+)/u.exec(number.trim()) : null;
  return m ? m[1] : null;
}
