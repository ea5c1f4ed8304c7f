import { useQuery } from "@tanstack/react-query";
import { MyWork } from "../../../contracts/tracking";
import { api } from "../../app/api";

/** The signed-in user's owed obligations, nearest deadline first; refreshed each minute so the time left stays true. */
export function useMyWork(unitId: string | undefined) {
  return useQuery({
    queryKey: ["my-work", unitId ?? "mine"],
    queryFn: () => api("GET", `/api/my-work${unitId ? `?unitId=${unitId}` : ""}`, { schema: MyWork }),
    refetchInterval: 60_000,
  });
}
