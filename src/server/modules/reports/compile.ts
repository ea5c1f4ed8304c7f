import type { CompiledView, PickRequest, SaveCompiledSectionRequest } from "../../../contracts/report-compile";
import { appendPassage, docText, type ProseDoc, textParagraphs } from "../../../domain/reports/prose";
import { ReportDocError, validateReportDoc } from "../../../domain/reports/rich-text";
import { searchKey, searchWords, squeeze } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/access";
import { forbidden, notFound } from "../../platform/errors";
import { type ExpectedUnit, expectedUnitsUnder } from "../obligations/level";
import { canReview } from "../obligations/policy";
import { loadObligation } from "../obligations/queries";
import { authorizeTrackedUnit, authorizeTracking } from "../tracking/service";
import { compiledSectionsOf, excusesOf, findCompiled, lockDraft, sectionsUnder, writeCompiledSection } from "./compiled-queries";
import { presentFormOf } from "./forms";
import { assertCompiler, type Level, resolveLevel, resolveLevelOf } from "./level";
import { invalid } from "./policy";
import { compiledStatus, owedUpward, upwardOf } from "./reopen";
import { getTotals } from "./rollup";

/**
 * The compiled view of a report task at a level: per heading, every expected unit's text side by side (filtered by
 * a unit below, searched without diacritics), the units with no text flagged; the level's compiled draft; the
 * totals as the roll-up computes them. Picking appends a unit's section (or a selected passage of it) to the draft.
 */

export interface ViewOptions {
  actor: Actor;
  taskId: string;
  unitId?: string;
  below?: string;
  q?: string;
  headingId?: string;
}

const sectionSearchText = (s: { searchText: string; doc: unknown }) => s.searchText || searchKey(docText(s.doc));

export async function getCompiledView(db: Db, { actor, taskId, unitId, below, q, headingId }: ViewOptions): Promise<CompiledView> {
  const found = await resolveLevelOf(db, actor, taskId, unitId);
  if (!found.form)
    return {
      form: null,
      level: { id: found.unit.id, name: found.unit.name },
      report: { id: null, status: "draft", version: 0, documentNumber: null, canEdit: false },
      upward: null,
      units: [],
      headings: [],
      totals: null,
    };
  const level = found as Level;
  let path = level.unit.path;
  if (below) {
    const { plan, scope } = await authorizeTracking(db, actor, level.task.planId);
    const unit = await authorizeTrackedUnit(db, plan, scope, below, "Không tìm thấy đơn vị dùng để lọc. Hãy chọn lại đơn vị.");
    if (!unit.path.startsWith(level.unit.path)) throw notFound("Đơn vị dùng để lọc không thuộc cấp đang tổng hợp. Hãy chọn lại đơn vị.");
    path = unit.path;
  }
  const expected = (await expectedUnitsUnder(db, { taskId: level.task.id, parentPath: level.unit.path })).filter((e) =>
    e.unitPath.startsWith(path),
  );
  const [form, excuses, sections, compiled, totals, owed] = await Promise.all([
    presentFormOf(db, actor, level.task, level.form),
    excusesOf(
      db,
      expected.map((e) => e.obligationId),
    ),
    sectionsUnder(db, { formId: level.form.id, path: level.unit.path, headingId }),
    findCompiled(db, level.form.id, level.unit.id),
    getTotals(db, { actor, taskId: level.task.id, unitId: level.unit.id }),
    owedUpward(db, level),
  ]);
  const status = compiledStatus(compiled, owed);
  const compiledSections = new Map((await compiledSectionsOf(db, compiled?.id)).map((s) => [s.headingId, s]));
  const byObligation = new Map(expected.map((e) => [e.obligationId, e]));
  const words = searchWords(q ?? "");
  const reviewer = expected[0] ? canReview(actor, await loadObligation(db, expected[0].obligationId)) : false;
  const headings = form.headings
    .filter((h) => !headingId || h.id === headingId)
    .map((h) => {
      const own = sections.filter((s) => s.headingId === h.id && byObligation.has(s.obligationId));
      const written = new Set(own.filter((s) => docText(s.doc).trim() !== "").map((s) => s.obligationId));
      const shown = own.filter((s) => words.every((w) => sectionSearchText(s).includes(w)));
      const c = compiledSections.get(h.id);
      return {
        headingId: h.id,
        compiled: c ? { doc: c.doc, text: docText(c.doc), version: c.version } : null,
        sections: shown
          .map((s) => ({ ...unitOf(byObligation, s.obligationId), doc: s.doc, text: docText(s.doc) }))
          .sort((a, b) => a.unitName.localeCompare(b.unitName, "vi")),
        missing: expected.filter((e) => !written.has(e.obligationId)).map((e) => ({ unitId: e.unitId, unitName: e.unitName })),
      };
    });
  return {
    form,
    level: { id: level.unit.id, name: level.unit.name },
    report: {
      id: compiled?.id ?? null,
      status,
      version: compiled?.version ?? 0,
      documentNumber: compiled?.documentNumber ?? null,
      canEdit: level.canEdit && (status === "draft" || status === "returned"),
    },
    upward: await upwardOf(db, level, compiled, owed),
    units: expected.map((e) => ({
      obligationId: e.obligationId,
      unitId: e.unitId,
      unitName: e.unitName,
      status: e.status,
      version: e.version,
      excuse: excuses.get(e.obligationId) ?? null,
      returnedReason: e.returnedReason,
      canReview: reviewer && e.status === "submitted",
      canExcuse: reviewer && e.status !== "accepted" && !excuses.has(e.obligationId),
    })),
    headings,
    totals,
  };
}

function unitOf(byObligation: Map<string, ExpectedUnit>, obligationId: string) {
  const e = byObligation.get(obligationId) as ExpectedUnit;
  return { obligationId, unitId: e.unitId, unitName: e.unitName };
}

const presentSection = (s: { headingId: string; doc: unknown; version: number }) => ({
  headingId: s.headingId,
  doc: s.doc,
  text: docText(s.doc),
  version: s.version,
});

/** The compiled text passes the same schema as the units' sections (reportwrite's validator): nothing else is stored. */
function checkedDoc(doc: unknown): Record<string, unknown> {
  try {
    return validateReportDoc(doc).doc as unknown as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ReportDocError) throw invalid(`Báo cáo tổng hợp: ${error.message}`);
    throw error;
  }
}

function assertHeading(level: Level, headingIds: Set<string>, headingId: string) {
  if (!headingIds.has(headingId)) throw notFound(`Không tìm thấy đề mục này trong đề cương của «${level.task.what.slice(0, 80)}».`);
}

/** Appends a unit's section of a heading, or the selected passage of it, to the level's draft under that heading. */
export async function pickPassage(db: Db, { actor, taskId, input }: { actor: Actor; taskId: string; input: PickRequest }) {
  const level = await resolveLevel(db, actor, taskId, input.unitId);
  assertCompiler(level);
  const form = await presentFormOf(db, actor, level.task, level.form);
  assertHeading(level, new Set(form.headings.map((h) => h.id)), input.headingId);
  const expected = await expectedUnitsUnder(db, { taskId: level.task.id, parentPath: level.unit.path });
  const unit = expected.find((e) => e.obligationId === input.obligationId);
  if (!unit) throw forbidden("Đơn vị này không thuộc cấp đang tổng hợp nên không chọn được đoạn báo cáo của nó.");
  const [section] = await sectionsUnder(db, {
    formId: level.form.id,
    path: unit.unitPath,
    headingId: input.headingId,
    obligationId: unit.obligationId,
  });
  if (!section) throw notFound(`${unit.unitName} chưa viết gì ở đề mục này nên chưa có đoạn nào để chọn.`);
  const doc = section.doc as unknown as ProseDoc;
  let blocks = doc.content ?? [];
  if (input.selection) {
    const flat = (text: string) => squeeze(text.replace(/\s+/g, " "));
    if (!flat(docText(doc)).includes(flat(input.selection)))
      throw invalid("Đoạn đã chọn không có trong báo cáo của đơn vị (có thể báo cáo vừa được sửa). Hãy tải lại trang rồi chọn lại.");
    blocks = textParagraphs(input.selection);
  }
  const saved = await db.transaction(async (tx) => {
    const draft = await lockDraft(tx, level);
    const current = (await compiledSectionsOf(tx, draft.id)).find((s) => s.headingId === input.headingId);
    const next = appendPassage(current?.doc ?? null, unit.unitName, blocks);
    return writeCompiledSection(tx, {
      compiledReportId: draft.id,
      headingId: input.headingId,
      version: input.version,
      doc: checkedDoc(next),
      userId: actor.userId,
    });
  });
  return presentSection(saved);
}

export interface SaveCompiledOptions {
  actor: Actor;
  taskId: string;
  headingId: string;
  input: SaveCompiledSectionRequest;
}

/** Saves the edited draft of one heading (version checked: a stale one is a 409, nothing lost on the server). */
export async function saveCompiledSection(db: Db, { actor, taskId, headingId, input }: SaveCompiledOptions) {
  const level = await resolveLevel(db, actor, taskId, input.unitId);
  assertCompiler(level);
  const form = await presentFormOf(db, actor, level.task, level.form);
  assertHeading(level, new Set(form.headings.map((h) => h.id)), headingId);
  const doc = checkedDoc(input.doc);
  const saved = await db.transaction(async (tx) => {
    const draft = await lockDraft(tx, level);
    return writeCompiledSection(tx, { compiledReportId: draft.id, headingId, version: input.version, doc, userId: actor.userId });
  });
  return presentSection(saved);
}
