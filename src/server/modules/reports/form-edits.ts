import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import type {
  AddHeadingRequest,
  AddIndicatorRequest,
  ReportForm,
  UpdateHeadingRequest,
  UpdateIndicatorRequest,
} from "../../../contracts/reports";
import { formRuleProblem } from "../../../domain/reports/rules";
import type { Db } from "../../db/client";
import { reportHeadings, reportIndicators } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { duplicate, invalidState, notFound } from "../../platform/errors";
import { findTaskRef } from "../plans/views";
import { presentFormOf } from "./forms";
import { assertCanEditForm, invalid } from "./policy";
import { asRule, type FormRow, findForm, formParts, type IndicatorRow, lockFormVersion, valueCounts } from "./queries";

/**
 * Editing a form by hand: headings (add, change, move, delete) and indicators (add, change, delete). Each edit
 * names the form's version it was made on (a stale one is a 409) and runs in one transaction that bumps it.
 */

interface EditOptions {
  actor: Actor;
  formId: string;
  version: number;
}

async function editForm(
  db: Db,
  { actor, formId, version }: EditOptions,
  edit: (tx: Db, form: FormRow) => Promise<void>,
): Promise<ReportForm> {
  const form = await findForm(db, formId);
  const task = form ? await findTaskRef(db, form.taskId) : undefined;
  if (!form || !task) throw notFound("Không tìm thấy biểu mẫu báo cáo.");
  assertCanEditForm(actor, task);
  const saved = await db.transaction(async (tx) => {
    const locked = await lockFormVersion(tx, formId, version);
    await edit(tx, locked);
    return locked;
  });
  return presentFormOf(db, actor, task, saved);
}

/** Puts `id` at `position` among the children of `parentId` (last when absent) and renumbers them 0, 1, 2… */
async function placeHeading(tx: Db, formId: string, parentId: string | null, id: string, position?: number): Promise<void> {
  const siblings = await tx
    .select({ id: reportHeadings.id })
    .from(reportHeadings)
    .where(
      and(
        eq(reportHeadings.formId, formId),
        parentId ? eq(reportHeadings.parentId, parentId) : isNull(reportHeadings.parentId),
        ne(reportHeadings.id, id),
      ),
    )
    .orderBy(asc(reportHeadings.sortOrder));
  const order = siblings.map((s) => s.id);
  order.splice(Math.min(position ?? order.length, order.length), 0, id);
  for (const [i, headingId] of order.entries())
    await tx.update(reportHeadings).set({ sortOrder: i }).where(eq(reportHeadings.id, headingId));
}

async function headingOf(tx: Db, formId: string, headingId: string, what = "Đề mục") {
  const [row] = await tx
    .select()
    .from(reportHeadings)
    .where(and(eq(reportHeadings.formId, formId), eq(reportHeadings.id, headingId)));
  if (!row) throw invalid(`${what} không thuộc biểu mẫu này. Hãy tải lại biểu mẫu rồi chọn lại.`);
  return row;
}

export async function addHeading(db: Db, options: { actor: Actor; formId: string; input: AddHeadingRequest }): Promise<ReportForm> {
  const { input } = options;
  return editForm(db, { ...options, version: input.version }, async (tx, form) => {
    if (input.parentId) await headingOf(tx, form.id, input.parentId, "Đề mục cấp trên");
    const [row] = await tx
      .insert(reportHeadings)
      .values({
        formId: form.id,
        parentId: input.parentId,
        sortOrder: 0,
        number: input.number,
        heading: input.heading,
        guidance: input.guidance ?? "",
      })
      .returning();
    await placeHeading(tx, form.id, input.parentId, row.id, input.position);
  });
}

export async function updateHeading(
  db: Db,
  options: { actor: Actor; formId: string; headingId: string; input: UpdateHeadingRequest },
): Promise<ReportForm> {
  const { input, headingId } = options;
  return editForm(db, { ...options, version: input.version }, async (tx, form) => {
    const heading = await headingOf(tx, form.id, headingId);
    const { headings } = await formParts(tx, form.id);
    const parentId = input.parentId === undefined ? heading.parentId : input.parentId;
    if (parentId) {
      await headingOf(tx, form.id, parentId, "Đề mục cấp trên");
      // Walking up from the new parent must never meet the heading moved.
      const parentOf = new Map(headings.map((h) => [h.id, h.parentId]));
      for (let at: string | null | undefined = parentId; at; at = parentOf.get(at))
        if (at === heading.id) throw invalid(`Không thể chuyển đề mục «${heading.heading}» vào trong chính nó hay đề mục con của nó.`);
    }
    await tx
      .update(reportHeadings)
      .set({ number: input.number, heading: input.heading, guidance: input.guidance, parentId })
      .where(eq(reportHeadings.id, heading.id));
    if (input.parentId !== undefined || input.position !== undefined) await placeHeading(tx, form.id, parentId, heading.id, input.position);
  });
}

/** The ids of a heading and every heading below it. */
function subtreeOf(headings: Array<{ id: string; parentId: string | null }>, rootId: string): Set<string> {
  const ids = new Set([rootId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const h of headings) if (h.parentId && ids.has(h.parentId) && !ids.has(h.id)) ids.add(h.id), (grew = true);
  }
  return ids;
}

/** Indicators may go only when no unit has entered a value and no rule left behind points at them. */
async function assertRemovable(tx: Db, form: FormRow, removed: IndicatorRow[], all: IndicatorRow[]): Promise<void> {
  const ids = new Set(removed.map((i) => i.id));
  const counts = await valueCounts(tx, form.id);
  for (const i of removed) {
    const n = counts.get(i.id) ?? 0;
    if (n > 0) throw invalidState(`Chỉ tiêu «${i.name}» đã có số liệu của ${n} đơn vị nên không xoá được.`);
  }
  const user = all.find((i) => !ids.has(i.id) && [i.notAboveId, i.numeratorId, i.denominatorId].some((r) => r && ids.has(r)));
  if (user) throw invalidState(`Chỉ tiêu «${user.name}» còn dùng chỉ tiêu sắp xoá trong quy tắc của nó. Hãy sửa quy tắc đó trước.`);
}

export async function deleteHeading(
  db: Db,
  options: { actor: Actor; formId: string; headingId: string; version: number },
): Promise<ReportForm> {
  return editForm(db, options, async (tx, form) => {
    const heading = await headingOf(tx, form.id, options.headingId);
    const { headings, indicators } = await formParts(tx, form.id);
    const ids = subtreeOf(headings, heading.id);
    await assertRemovable(
      tx,
      form,
      indicators.filter((i) => ids.has(i.headingId)),
      indicators,
    );
    await tx.delete(reportHeadings).where(inArray(reportHeadings.id, [...ids]));
  });
}

type IndicatorInput = Omit<UpdateIndicatorRequest, "version">;

/** Checks an indicator's new or changed fields against the whole form (code unique, rules sound) and writes it. */
async function writeIndicator(tx: Db, form: FormRow, input: IndicatorInput, existing?: IndicatorRow): Promise<void> {
  const { headings, indicators } = await formParts(tx, form.id);
  const headingId = input.headingId ?? existing?.headingId;
  if (!headingId || !headings.some((h) => h.id === headingId))
    throw invalid("Đề mục của chỉ tiêu không thuộc biểu mẫu này. Hãy chọn lại đề mục.");
  const code = input.code ?? existing?.code;
  const taken = indicators.find((i) => i.code.toLowerCase() === code?.toLowerCase() && i.id !== existing?.id);
  if (taken) throw duplicate(`Mã chỉ tiêu «${code}» đã dùng cho «${taken.name}». Hãy chọn mã khác.`);
  const ratio = input.ratio;
  const values = {
    headingId,
    code: input.code,
    name: input.name,
    unitOfMeasure: input.unitOfMeasure,
    kind: input.kind,
    min: input.min,
    notAboveId: input.notAboveId,
    numeratorId: ratio === undefined ? undefined : (ratio?.numeratorId ?? null),
    denominatorId: ratio === undefined ? undefined : (ratio?.denominatorId ?? null),
  };
  if (existing && ratio && !existing.numeratorId) {
    const n = (await valueCounts(tx, form.id)).get(existing.id) ?? 0;
    // Stored values of an indicator turned into a computed ratio would be added into its totals.
    if (n > 0) throw invalidState(`Chỉ tiêu «${existing.name}» đã có số liệu của ${n} đơn vị nên không đổi thành tỷ lệ tính tự động được.`);
  }
  const id = existing?.id ?? randomUUID();
  const merged = {
    ...(existing ?? {
      id,
      formId: form.id,
      sortOrder: 0,
      unitOfMeasure: "",
      min: null,
      notAboveId: null,
      numeratorId: null,
      denominatorId: null,
    }),
    ...stripUndefined(values),
  } as IndicatorRow;
  const problem = formRuleProblem([...indicators.filter((i) => i.id !== id), merged].map(asRule));
  if (problem) throw invalid(problem);
  const sortOrder = input.position ?? existing?.sortOrder ?? indicators.filter((i) => i.headingId === headingId).length;
  if (existing)
    await tx
      .update(reportIndicators)
      .set({ ...stripUndefined(values), sortOrder })
      .where(eq(reportIndicators.id, existing.id));
  else await tx.insert(reportIndicators).values({ ...merged, sortOrder });
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function addIndicator(db: Db, options: { actor: Actor; formId: string; input: AddIndicatorRequest }): Promise<ReportForm> {
  const { version, ...input } = options.input;
  return editForm(db, { ...options, version }, (tx, form) => writeIndicator(tx, form, input));
}

async function indicatorOf(tx: Db, formId: string, indicatorId: string): Promise<IndicatorRow> {
  const [row] = await tx
    .select()
    .from(reportIndicators)
    .where(and(eq(reportIndicators.formId, formId), eq(reportIndicators.id, indicatorId)));
  if (!row) throw notFound("Không tìm thấy chỉ tiêu trong biểu mẫu này. Hãy tải lại biểu mẫu.");
  return row;
}

export async function updateIndicator(
  db: Db,
  options: { actor: Actor; formId: string; indicatorId: string; input: UpdateIndicatorRequest },
): Promise<ReportForm> {
  const { version, ...input } = options.input;
  return editForm(db, { ...options, version }, async (tx, form) =>
    writeIndicator(tx, form, input, await indicatorOf(tx, form.id, options.indicatorId)),
  );
}

export async function deleteIndicator(
  db: Db,
  options: { actor: Actor; formId: string; indicatorId: string; version: number },
): Promise<ReportForm> {
  return editForm(db, options, async (tx, form) => {
    const indicator = await indicatorOf(tx, form.id, options.indicatorId);
    const { indicators } = await formParts(tx, form.id);
    await assertRemovable(tx, form, [indicator], indicators);
    await tx.delete(reportIndicators).where(eq(reportIndicators.id, indicator.id));
  });
}
