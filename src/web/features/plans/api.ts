import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { documentEndpoints } from "../../../contracts/documents";
import {
  type AmendPlanRequest,
  type CreatePlanRequest,
  type CreateTaskRequest,
  type FromImportRequest,
  type PlanStatus,
  planEndpoints,
  type UpdatePlanRequest,
  type UpdateTaskRequest,
} from "../../../contracts/plans";
import { call, download } from "../../app/api";
import { queryKeys, refreshObligationViews } from "../../app/queryKeys";

export type PlanStatusFilter = PlanStatus | undefined;

export function usePlans(status: PlanStatusFilter) {
  return useQuery({
    queryKey: queryKeys.plans.list(status),
    queryFn: () => call(planEndpoints.list, { query: { status } }),
  });
}

export const fetchPlan = (id: string) => call(planEndpoints.get, { params: { id } });

export function usePlan(id: string) {
  return useQuery({ queryKey: queryKeys.plans.detail(id), queryFn: () => fetchPlan(id) });
}

export function useAmendments(id: string) {
  return useQuery({ queryKey: queryKeys.plans.amendments(id), queryFn: () => call(planEndpoints.amendments, { params: { id } }) });
}

/** Every mutation of a plan reloads the plan and everything that counts its obligations, also when refused (the user sees the current state). */
function usePlanMutation<V, R>(run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => refreshObligationViews(queryClient) });
}

export const useCreatePlan = () => usePlanMutation((body: CreatePlanRequest) => call(planEndpoints.create, { body }));
export const useCreateFromImport = () => usePlanMutation((body: FromImportRequest) => call(planEndpoints.fromImport, { body }));

/** Keeps a refused save from reloading the form over the user's text: the plan query is refreshed only on success. */
export function useUpdatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdatePlanRequest & { id: string }) => call(planEndpoints.update, { params: { id }, body }),
    onSuccess: (plan) => {
      queryClient.setQueryData(queryKeys.plans.detail(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: queryKeys.plans.lists });
    },
  });
}

/** An issued plan's change with its note; the history tab reloads after it. */
export const useAmendPlan = () =>
  usePlanMutation(({ id, ...body }: AmendPlanRequest & { id: string }) => call(planEndpoints.amend, { params: { id }, body }));

/** What issuing would do now; loaded when the issue dialog opens, again after every change of the plan. */
export function useIssuePreview(id: string, version: number, enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.plans.detail(id), "issue-preview", version],
    queryFn: () => call(planEndpoints.issuePreview, { params: { id } }),
    enabled,
    staleTime: 0,
  });
}

export const useIssuePlan = () =>
  usePlanMutation(({ id, version }: { id: string; version: number }) => call(planEndpoints.issue, { params: { id }, body: { version } }));
export const useClosePlan = () =>
  usePlanMutation(({ id, version }: { id: string; version: number }) => call(planEndpoints.close, { params: { id }, body: { version } }));

export const useCreateTask = () =>
  usePlanMutation(({ planId, ...body }: CreateTaskRequest & { planId: string }) =>
    call(planEndpoints.createTask, { params: { id: planId }, body }),
  );
export const useUpdateTask = () =>
  usePlanMutation(({ id, ...body }: UpdateTaskRequest & { id: string }) => call(planEndpoints.updateTask, { params: { id }, body }));
export const useDeleteTask = () =>
  usePlanMutation(({ id, version }: { id: string; version: number }) =>
    call(planEndpoints.deleteTask, { params: { id }, query: { version } }),
  );

export const downloadPlanDocx = (plan: { id: string }) =>
  download(documentEndpoints.planDocx, { params: { id: plan.id } }, "ke-hoach.docx");
/** The rows the urging letter will hold; loaded when its dialog opens. */
export function useUrgingLetterPreview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.plans.detail(id), "urging-letter"],
    queryFn: () => call(documentEndpoints.urgingLetterPreview, { params: { id } }),
    enabled,
    staleTime: 0,
  });
}

export const downloadUrgingLetter = (plan: { id: string }) =>
  download(documentEndpoints.urgingLetter, { params: { id: plan.id }, body: {} }, "cong-van-don-doc.docx");
