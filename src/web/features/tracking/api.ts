import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Board, type BoardFilter, PlanObligations, Rollup } from "../../../contracts/tracking";
import { api, download } from "../../app/api";

export interface BoardParams extends BoardFilter {
  limit: number;
  offset: number;
}

/** Query string of the defined parameters only, so the server's strict filter sees no empty keys. */
function query(params: object): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== "");
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : "";
}

export function useBoard(planId: string, params: BoardParams) {
  return useQuery({
    queryKey: ["board", planId, params],
    queryFn: () => api("GET", `/api/plans/${planId}/board${query(params)}`, { schema: Board }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useRollup(planId: string, parentUnitId: string | undefined) {
  return useQuery({
    queryKey: ["rollup", planId, parentUnitId ?? "top"],
    queryFn: () => api("GET", `/api/plans/${planId}/rollup${query({ parentUnitId })}`, { schema: Rollup }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** The Excel file with the same filters and order as on screen. */
export const exportBoard = (planId: string, filter: BoardFilter) =>
  download(`/api/plans/${planId}/board.xlsx${query(filter)}`, "theo-doi.xlsx");

/** A unit's obligations of the plan, loaded when its board row is opened. */
export function usePlanObligations(planId: string, unitId: string) {
  return useQuery({
    queryKey: ["plan-obligations", planId, unitId],
    queryFn: () => api("GET", `/api/plans/${planId}/obligations${query({ unitId })}`, { schema: PlanObligations }),
    staleTime: 10_000,
  });
}
