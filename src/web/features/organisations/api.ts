import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type ArchiveUnitRequest,
  type CreateGroupRequest,
  type CreateUnitRequest,
  ImportReport,
  type MoveUnitRequest,
  ResolvedUnits,
  UnitGroupList,
  UnitList,
  type UnitView,
  type UpdateUnitRequest,
} from "../../../contracts/organisations";
import { api, download } from "../../app/api";

export const unitsKey = ["units"] as const;
const groupsKey = ["unit-groups"] as const;

/** Every unit the user may read (own subtrees and their ancestors), all trees at once. */
export function useUnits() {
  return useQuery({ queryKey: [...unitsKey, "all"], queryFn: () => api("GET", "/api/units", { schema: UnitList }) });
}

/** Diacritic-insensitive search on the server; runs only for a non-empty query. */
export function useUnitSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: [...unitsKey, "search", query],
    queryFn: () => api("GET", `/api/units/search?${new URLSearchParams({ q: query, limit: "30" })}`, { schema: UnitList }),
    enabled: query.length > 0,
    placeholderData: (previous) => previous,
  });
}

function useUnitMutation<V>(run: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    // A refused change (409 stale version) also reloads, so the user sees the current state.
    onSettled: () => queryClient.invalidateQueries({ queryKey: unitsKey }),
  });
}

export const useCreateUnit = () => useUnitMutation((body: CreateUnitRequest) => api("POST", "/api/units", { body }));
export const useUpdateUnit = () =>
  useUnitMutation(({ id, ...body }: UpdateUnitRequest & { id: string }) => api("PATCH", `/api/units/${id}`, { body }));
export const useMoveUnit = () =>
  useUnitMutation(({ id, ...body }: MoveUnitRequest & { id: string }) => api("POST", `/api/units/${id}/move`, { body }));
export const useArchiveUnit = () =>
  useUnitMutation(({ id, ...body }: ArchiveUnitRequest & { id: string }) => api("POST", `/api/units/${id}/archive`, { body }));

/** Sends the sheet; a dry run reports what would happen and writes nothing. */
export function useImportUnits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return api("POST", `/api/units/import?dryRun=${dryRun}`, { form, schema: ImportReport });
    },
    onSuccess: (report) => {
      if (!report.dryRun) void queryClient.invalidateQueries({ queryKey: unitsKey });
    },
  });
}

export const exportUnits = () => download("/api/units/export.xlsx", "don-vi.xlsx");

export function useUnitGroups() {
  return useQuery({ queryKey: groupsKey, queryFn: () => api("GET", "/api/unit-groups", { schema: UnitGroupList }) });
}

export function useGroupMembers(groupId: string | null) {
  return useQuery({
    queryKey: [...groupsKey, groupId, "units"],
    queryFn: () => api("GET", `/api/unit-groups/${groupId}/units`, { schema: ResolvedUnits }),
    enabled: groupId !== null,
  });
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGroupRequest) => api("POST", "/api/unit-groups", { body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: groupsKey }),
  });
}

export type { UnitView };
