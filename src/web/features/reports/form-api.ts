import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AddHeadingRequest,
  AddIndicatorRequest,
  CreateReportFormRequest,
  ReportForm,
  UpdateHeadingRequest,
  UpdateIndicatorRequest,
} from "../../../contracts/reports";
import { reportEndpoints as e } from "../../../contracts/reports";
import { ApiError, call } from "../../app/api";

/** The report form of a task, for the form builder: absent (null) until it is made. */
export const reportFormKey = (taskId: string) => ["report-form", taskId] as const;

export const fetchForm = (taskId: string) => call(e.getForm, { params: { id: taskId } });

export function useReportForm(taskId: string) {
  return useQuery({
    queryKey: reportFormKey(taskId),
    // A 404 is the task without a form yet: the page offers to make one.
    queryFn: () =>
      fetchForm(taskId).catch((error) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
  });
}

/** Every edit answers the whole form, which replaces the cached one (its version names the next edit). */
function useFormEdit<V>(taskId: string, run: (vars: V) => Promise<ReportForm>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (form) => client.setQueryData(reportFormKey(taskId), form),
    // A stale version (409): reload, so the next try names the current one.
    onError: () => client.invalidateQueries({ queryKey: reportFormKey(taskId) }),
  });
}

export const useCreateForm = (taskId: string) =>
  useFormEdit(taskId, (body: CreateReportFormRequest) => call(e.createForm, { params: { id: taskId }, body }));

export const useAddHeading = (taskId: string, formId: string) =>
  useFormEdit(taskId, (body: AddHeadingRequest) => call(e.addHeading, { params: { id: formId }, body }));

export const useUpdateHeading = (taskId: string, formId: string) =>
  useFormEdit(taskId, ({ partId, ...body }: { partId: string } & UpdateHeadingRequest) =>
    call(e.updateHeading, { params: { id: formId, partId }, body }),
  );

export const useDeleteHeading = (taskId: string, formId: string) =>
  useFormEdit(taskId, ({ partId, version }: { partId: string; version: number }) =>
    call(e.deleteHeading, { params: { id: formId, partId }, query: { version } }),
  );

export const useAddIndicator = (taskId: string, formId: string) =>
  useFormEdit(taskId, (body: AddIndicatorRequest) => call(e.addIndicator, { params: { id: formId }, body }));

export const useUpdateIndicator = (taskId: string, formId: string) =>
  useFormEdit(taskId, ({ partId, ...body }: { partId: string } & UpdateIndicatorRequest) =>
    call(e.updateIndicator, { params: { id: formId, partId }, body }),
  );

export const useDeleteIndicator = (taskId: string, formId: string) =>
  useFormEdit(taskId, ({ partId, version }: { partId: string; version: number }) =>
    call(e.deleteIndicator, { params: { id: formId, partId }, query: { version } }),
  );
