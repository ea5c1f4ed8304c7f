import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type CompiledView, compileEndpoints as e } from "../../../contracts/report-compile";
import type { ReportForm, ReportTotals } from "../../../contracts/reports";
import { call, download } from "../../app/api";

/** The compiled view of a report task and the level's actions (pick, edit, review, final, exports). */

export interface ViewFilter {
  unitId?: string;
  below?: string;
  q?: string;
}

/** The view of a task that has its form (the page shows nothing else before one exists). */
export type ReadyView = CompiledView & { form: ReportForm; totals: ReportTotals };
export const isReady = (view: CompiledView): view is ReadyView => view.form !== null && view.totals !== null;

const root = ["report-compiled"] as const;
const defined = <T extends object>(v: T): T =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== "")) as T;

export function useCompiledView(taskId: string, filter: ViewFilter) {
  return useQuery<CompiledView>({
    queryKey: [...root, taskId, filter],
    queryFn: () => call(e.view, { params: { id: taskId }, query: defined(filter) }),
    placeholderData: keepPreviousData,
  });
}

/** A mutation that refreshes every compiled view afterwards. */
export function useCompileAction<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: root }) });
}

export const pick = (taskId: string, body: Parameters<typeof call<typeof e.pick>>[1]["body"]) =>
  call(e.pick, { params: { id: taskId }, body });
export const saveSection = (taskId: string, headingId: string, body: Parameters<typeof call<typeof e.saveSection>>[1]["body"]) =>
  call(e.saveSection, { params: { id: taskId, headingId }, body });
export const markFinal = (taskId: string, body: { unitId?: string; version: number }) =>
  call(e.final, { params: { id: taskId }, body: defined(body) });
export const accept = (obligationId: string, version: number) => call(e.accept, { params: { id: obligationId }, body: { version } });
export const sendBack = (obligationId: string, version: number, comments: Array<{ headingId: string | null; body: string }>) =>
  call(e.return, { params: { id: obligationId }, body: { version, comments } });
export const excuse = (obligationId: string, note: string) => call(e.excuse, { params: { id: obligationId }, body: { note } });
export const exportDocx = (taskId: string, unitId?: string) =>
  download(e.docx, { params: { id: taskId }, query: defined({ unitId }) }, "bao-cao-tong-hop.docx");
export const exportXlsx = (taskId: string, unitId?: string) =>
  download(e.xlsx, { params: { id: taskId }, query: defined({ unitId }) }, "so-lieu-tong-hop.xlsx");
