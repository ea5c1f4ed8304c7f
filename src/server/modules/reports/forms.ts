import { randomUUID } from "node:crypto";
import type { PlanSection } from "../../../contracts/importer";
import type { CreateReportFormRequest, ReportForm } from "../../../contracts/reports";
import type { Db } from "../../db/client";
import { reportForms, reportHeadings, reportIndicators } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { duplicate, notFound } from "../../platform/errors";
import { planTasksActor } from "../plans/queries";
import { findTaskRef, planAnnexesOf, planOutline, type TaskRef } from "../plans/views";
import { assertCanEditForm, assertReportTask, canEditForm, invalid, readsIssuer } from "./policy";
import { presentForm } from "./presenter";
import { type FormRow, findForm, findFormOfTask, formMissing, formParts, type HeadingRow, type IndicatorRow } from "./queries";

/** The task (404 when unknown or unreadable). */
export async function readableTask(db: Db, actor: Actor, taskId: string): Promise<TaskRef> {
  const task = await findTaskRef(db, taskId);
  const missing = "Không tìm thấy nhiệm vụ. Có thể nhiệm vụ đã bị xoá hoặc đường dẫn sai.";
  if (!task) throw notFound(missing);
  if (!readsIssuer(actor, task) && !(await planTasksActor(db, actor, task.planId))) throw notFound(missing);
  return task;
}

export async function presentFormOf(db: Db, actor: Actor, task: TaskRef, form: FormRow): Promise<ReportForm> {
  return presentForm({ form, planId: task.planId, ...(await formParts(db, form.id)) }, canEditForm(actor, task));
}

export async function getForm(db: Db, actor: Actor, taskId: string): Promise<ReportForm> {
  const task = await readableTask(db, actor, taskId);
  const form = await findFormOfTask(db, task.id);
  if (!form) throw notFound(formMissing);
  return presentFormOf(db, actor, task, form);
}

type NewHeading = typeof reportHeadings.$inferInsert & { id: string };

/** Numbered sections as heading rows (ids made here so the whole tree goes in one INSERT); a section's text is its guidance. */
export function headingsFromSections(formId: string, sections: readonly PlanSection[], parentId: string | null = null): NewHeading[] {
  return sections.flatMap((s, i) => {
    const id = randomUUID();
    const row: NewHeading = { id, formId, parentId, sortOrder: i, number: s.number, heading: s.heading || s.number, guidance: s.text };
    return [row, ...headingsFromSections(formId, s.children, id)];
  });
}

/** The section reached by following numbers from the top (["II", "A"]), or undefined. */
function sectionAt(sections: readonly PlanSection[], numbers: readonly string[]): PlanSection | undefined {
  const [first, ...rest] = numbers;
  const found = sections.find((s) => s.number.trim().toUpperCase() === first.trim().toUpperCase());
  return found && rest.length > 0 ? sectionAt(found.children, rest) : found;
}

/** Another form's headings and indicators under new ids, rules pointing at the copies. */
function copyRows(formId: string, headings: HeadingRow[], indicators: IndicatorRow[]) {
  const headingIds = new Map(headings.map((h) => [h.id, randomUUID()]));
  const indicatorIds = new Map(indicators.map((i) => [i.id, randomUUID()]));
  const mapped = (map: Map<string, string>, id: string | null) => (id ? (map.get(id) ?? null) : null);
  return {
    headings: headings.map((h) => ({ ...h, id: mapped(headingIds, h.id) as string, formId, parentId: mapped(headingIds, h.parentId) })),
    indicators: indicators.map((i) => ({
      ...i,
      id: mapped(indicatorIds, i.id) as string,
      formId,
      headingId: mapped(headingIds, i.headingId) as string,
      notAboveId: mapped(indicatorIds, i.notAboveId),
      numeratorId: mapped(indicatorIds, i.numeratorId),
      denominatorId: mapped(indicatorIds, i.denominatorId),
    })),
  };
}

export interface CreateFormOptions {
  actor: Actor;
  taskId: string;
  input: CreateReportFormRequest;
}

/** Makes the task's form from the plan's outline, an annex, another form or nothing; one transaction. */
export async function createForm(db: Db, { actor, taskId, input }: CreateFormOptions): Promise<ReportForm> {
  const task = await readableTask(db, actor, taskId);
  assertCanEditForm(actor, task);
  assertReportTask(task);
  const source = await sourceRows(db, actor, task, input);
  const form = await db.transaction(async (tx) => {
    const [made] = await tx.insert(reportForms).values({ taskId: task.id, createdBy: actor.userId }).onConflictDoNothing().returning();
    if (!made) throw duplicate("Nhiệm vụ này đã có đề cương, biểu mẫu báo cáo. Hãy sửa biểu mẫu đang có thay vì lập mới.");
    const rows = source(made.id);
    if (rows.headings.length > 0) await tx.insert(reportHeadings).values(rows.headings);
    if (rows.indicators.length > 0) await tx.insert(reportIndicators).values(rows.indicators);
    return made;
  });
  return presentFormOf(db, actor, task, form);
}

type SourceRows = (formId: string) => { headings: NewHeading[]; indicators: Array<typeof reportIndicators.$inferInsert> };

async function sourceRows(db: Db, actor: Actor, task: TaskRef, input: CreateReportFormRequest): Promise<SourceRows> {
  switch (input.from) {
    case "empty":
      return () => ({ headings: [], indicators: [] });
    case "annex": {
      const annex = (await planAnnexesOf(db, task.planId)).find((a) => a.id === input.annexId);
      if (!annex) throw notFound("Không tìm thấy phụ lục này trong kế hoạch của nhiệm vụ. Hãy tải lại trang rồi chọn lại.");
      if (annex.sections.length === 0)
        throw invalid(`Phụ lục «${annex.title}» không có đề mục nào để lập đề cương. Hãy chọn phụ lục khác hoặc lập bằng tay.`);
      return (formId) => ({ headings: headingsFromSections(formId, annex.sections), indicators: [] });
    }
    case "outline": {
      const outline = await planOutline(db, task.planId);
      const section = input.section?.length ? sectionAt(outline, input.section) : undefined;
      if (input.section?.length && !section)
        throw invalid(`Không tìm thấy mục ${input.section.join(".")} trong đề cương của kế hoạch. Hãy chọn lại mục.`);
      const sections = section ? section.children : outline;
      if (sections.length === 0) throw invalid("Mục đã chọn của kế hoạch không có đề mục nào. Hãy chọn mục khác hoặc lập bằng tay.");
      return (formId) => ({ headings: headingsFromSections(formId, sections), indicators: [] });
    }
    case "form": {
      const other = await findForm(db, input.formId);
      // The form copied must be one the actor may read: its task's plan is readable.
      const otherTask = other ? await findTaskRef(db, other.taskId) : undefined;
      const readable = otherTask && (readsIssuer(actor, otherTask) || (await planTasksActor(db, actor, otherTask.planId)));
      if (!other || !readable) throw notFound("Không tìm thấy biểu mẫu cần sao chép.");
      const parts = await formParts(db, other.id);
      return (formId) => copyRows(formId, parts.headings, parts.indicators);
    }
  }
}
