import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  AmendmentList,
  type AmendPlanRequest,
  type CreatePlanRequest,
  type CreateTaskRequest,
  type FromImportRequest,
  IssueResponse,
  PlanDetail,
  PlanList,
  PlanWithWarnings,
  TaskView,
  TaskWithWarnings,
  type UpdatePlanRequest,
  type UpdateTaskRequest,
} from "../../../contracts/plans";
import { api, download } from "../../app/api";

export const plansKey = ["plans"] as const;
export const planKey = (id: string) => [...plansKey, "detail", id] as const;
/** Everything that shows obligation counts (board, roll-up, my work) is refreshed after a plan changes. */
const trackedKeys = [["board"], ["rollup"], ["my-work"]] as const;

export type PlanStatusFilter = "draft" | "issued" | "closed" | undefined;

export function usePlans(status: PlanStatusFilter) {
  return useQuery({
    queryKey: [...plansKey, "list", status ?? "all"],
    queryFn: () => api("GET", `/api/plans${status ? `?status=${status}` : ""}`, { schema: PlanList }),
  });
}

export const fetchPlan = (id: string) => api("GET", `/api/plans/${id}`, { schema: PlanDetail });

export function usePlan(id: string) {
  return useQuery({ queryKey: planKey(id), queryFn: () => fetchPlan(id) });
}

export function useAmendments(id: string) {
  return useQuery({
    queryKey: [...planKey(id), "amendments"],
    queryFn: () => api("GET", `/api/plans/${id}/amendments`, { schema: AmendmentList }),
  });
}

/** Every mutation of a plan reloads the plan and the lists, also when refused (409: the user sees the current state). */
function usePlanMutation<V, R>(run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: plansKey });
      for (const key of trackedKeys) await queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export const useCreatePlan = () => usePlanMutation((body: CreatePlanRequest) => api("POST", "/api/plans", { body, schema: PlanDetail }));
export const useCreateFromImport = () =>
  usePlanMutation((body: FromImportRequest) => api("POST", "/api/plans/from-import", { body, schema: PlanWithWarnings }));

/** Keeps a 409 from reloading the form over the user's text: the plan query is refreshed only on success. */
export function useUpdatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdatePlanRequest & { id: string }) => api("PATCH", `/api/plans/${id}`, { body, schema: PlanDetail }),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKey(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: [...plansKey, "list"] });
    },
  });
}

/** POST /api/plans/:id/amend: an issued plan's change with its note; the history tab reloads after it. */
export const useAmendPlan = () =>
  usePlanMutation(({ id, ...body }: AmendPlanRequest & { id: string }) =>
    api("POST", `/api/plans/${id}/amend`, { body, schema: PlanDetail }),
  );

export const useIssuePlan = () =>
  usePlanMutation(({ id, version }: { id: string; version: number }) =>
    api("POST", `/api/plans/${id}/issue`, { body: { version }, schema: IssueResponse }),
  );
export const useClosePlan = () =>
  usePlanMutation(({ id, version }: { id: string; version: number }) =>
    api("POST", `/api/plans/${id}/close`, { body: { version }, schema: PlanDetail }),
  );

export const useCreateTask = () =>
  usePlanMutation(({ planId, ...body }: CreateTaskRequest & { planId: string }) =>
    api("POST", `/api/plans/${planId}/tasks`, { body, schema: TaskWithWarnings }),
  );
export const useUpdateTask = () =>
  usePlanMutation(({ id, ...body }: UpdateTaskRequest & { id: string }) => api("PATCH", `/api/tasks/${id}`, { body, schema: TaskView }));
export const useDeleteTask = () =>
  usePlanMutation(({ id, version }: { id: string; version: number }) => api("DELETE", `/api/tasks/${id}?version=${version}`));

export const downloadPlanDocx = (plan: { id: string }) => download(`/api/plans/${plan.id}/export.docx`, "ke-hoach.docx");
export const downloadUrgingLetter = (plan: { id: string }) => download(`/api/plans/${plan.id}/urging-letter.docx`, "cong-van-don-doc.docx");
