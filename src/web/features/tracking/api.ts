import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type BoardFilter, trackingEndpoints as e } from "../../../contracts/tracking";
import { call, download } from "../../app/api";
import { queryKeys } from "../../app/queryKeys";

export interface BoardParams extends BoardFilter {
  limit: number;
  offset: number;
}

/** The defined parameters only, so the server's strict filter sees no empty keys. */
function defined<T extends object>(params: T): T {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== "")) as T;
}

export function useBoard(planId: string, params: BoardParams) {
  return useQuery({
    queryKey: queryKeys.board.page(planId, params),
    queryFn: () => call(e.board, { params: { id: planId }, query: defined(params) }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useRollup(planId: string, parentUnitId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.rollup.level(planId, parentUnitId),
    queryFn: () => call(e.rollup, { params: { id: planId }, query: defined({ parentUnitId }) }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** The Excel file with the same filters and order as on screen. */
export const exportBoard = (planId: string, filter: BoardFilter) =>
  download(e.boardXlsx, { params: { id: planId }, query: defined(filter) }, "theo-doi.xlsx");

/** A unit's obligations of the plan, loaded when its board row is opened. */
export function usePlanObligations(planId: string, unitId: string) {
  return useQuery({
    queryKey: queryKeys.planObligations.ofUnit(planId, unitId),
    queryFn: () => call(e.planObligations, { params: { id: planId }, query: { unitId } }),
    staleTime: 10_000,
  });
}
