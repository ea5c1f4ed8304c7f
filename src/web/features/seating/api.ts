import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type AutoAssignRequest,
  seatingEndpoints as e,
  type MoveDelegateRequest,
  type PutLayoutRequest,
  type SeatingPlan,
  type SwapDelegatesRequest,
} from "../../../contracts/seating";
import { call, download } from "../../app/api";
import { queryKeys } from "../../app/queryKeys";
import { useTopicEvents } from "../../app/useTopicEvents";

/** The seating feature's queries and mutations: the plan, the layout, auto-assign, clear, move, swap, the chart. */

/**
 * The plan, kept current: every layout change, assignment, move or swap publishes `seating` on `conference:<id>`, and
 * the page re-reads (also when the stream reconnects), so two organisers see each other's moves within moments. A move
 * made from a plan older than that still names the seat it saw, and the server answers 409.
 */
export function useSeatingPlan(id: string) {
  const queryClient = useQueryClient();
  const reread = () => void queryClient.invalidateQueries({ queryKey: queryKeys.seating.plan(id) });
  useTopicEvents(`conference:${id}`, ["seating"], reread, reread);
  return useQuery({ queryKey: queryKeys.seating.plan(id), queryFn: () => call(e.get, { params: { id } }) });
}

/** A verb answering the whole plan: the answer replaces the cached plan, a failure re-reads it. */
function usePlanMutation<V>(id: string, run: (vars: V) => Promise<SeatingPlan>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (plan) => queryClient.setQueryData(queryKeys.seating.plan(id), plan),
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.seating.plan(id) }),
  });
}

export const usePutLayout = (id: string) => usePlanMutation(id, (body: PutLayoutRequest) => call(e.putLayout, { params: { id }, body }));
export const useAutoAssign = (id: string) => usePlanMutation(id, (body: AutoAssignRequest) => call(e.autoAssign, { params: { id }, body }));
export const useClearSeating = (id: string) =>
  usePlanMutation(id, (version: number) => call(e.clear, { params: { id }, body: { version } }));

/**
 * A move or a swap: the answer names only the seats it changed, so the plan is re-read either way (a 409 means
 * someone else moved first: the organiser must see the plan as it is now).
 */
function useSeatChange<V>(id: string, run: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.seating.plan(id) }) });
}

export const useMoveDelegate = (id: string) => useSeatChange(id, (body: MoveDelegateRequest) => call(e.move, { params: { id }, body }));
export const useSwapDelegates = (id: string) => useSeatChange(id, (body: SwapDelegatesRequest) => call(e.swap, { params: { id }, body }));

export const downloadSeatingChart = (id: string) => download(e.chart, { params: { id } }, "so-do-cho-ngoi.pdf");
