import { useQuery } from "@tanstack/react-query";
import { trackingEndpoints } from "../../../contracts/tracking";
import { call } from "../../app/api";
import { queryKeys } from "../../app/queryKeys";

/** The signed-in user's owed obligations, nearest deadline first; refreshed each minute so the time left stays true. */
export function useMyWork(unitId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.myWork.ofUnit(unitId),
    queryFn: () => call(trackingEndpoints.myWork, { query: { unitId } }),
    refetchInterval: 60_000,
  });
}
