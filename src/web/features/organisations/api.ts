import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type ArchiveUnitRequest,
  type CreateGroupRequest,
  type CreateUnitRequest,
  organisationEndpoints as e,
  type MoveUnitRequest,
  type UnitView,
  type UpdateUnitRequest,
} from "../../../contracts/organisations";
import { call, download } from "../../app/api";
import { queryKeys } from "../../app/queryKeys";

/** Every unit the user may read (own subtrees and their ancestors), all trees at once. */
export function useUnits() {
  return useQuery({ queryKey: queryKeys.units.list, queryFn: () => call(e.list, { query: {} }) });
}

/** Diacritic-insensitive search on the server; runs only for a non-empty query. */
export function useUnitSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: queryKeys.units.search(query),
    queryFn: () => call(e.search, { query: { q: query, limit: 30 } }),
    enabled: query.length > 0,
    placeholderData: (previous) => previous,
  });
}

function useUnitMutation<V>(run: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    // A refused change (someone saved first) also reloads, so the user sees the current state.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.units.all }),
  });
}

export const useCreateUnit = () => useUnitMutation((body: CreateUnitRequest) => call(e.create, { body }));
export const useUpdateUnit = () =>
  useUnitMutation(({ id, ...body }: UpdateUnitRequest & { id: string }) => call(e.update, { params: { id }, body }));
export const useMoveUnit = () =>
  useUnitMutation(({ id, ...body }: MoveUnitRequest & { id: string }) => call(e.move, { params: { id }, body }));
export const useArchiveUnit = () =>
  useUnitMutation(({ id, ...body }: ArchiveUnitRequest & { id: string }) => call(e.archive, { params: { id }, body }));

/** Sends the sheet; a dry run reports what would happen and writes nothing. */
export function useImportUnits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return call(e.importUnits, { query: { dryRun: dryRun ? "true" : "false" }, form });
    },
    onSuccess: (report) => {
      if (!report.dryRun) void queryClient.invalidateQueries({ queryKey: queryKeys.units.all });
    },
  });
}

export const exportUnits = () => download(e.exportUnits, {}, "don-vi.xlsx");

export function useUnitGroups() {
  return useQuery({ queryKey: queryKeys.groups.all, queryFn: () => call(e.listGroups, {}) });
}

export function useGroupMembers(groupId: string | null) {
  return useQuery({
    queryKey: queryKeys.groups.members(groupId),
    queryFn: () => call(e.groupUnits, { params: { id: groupId ?? "" } }),
    enabled: groupId !== null,
  });
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGroupRequest) => call(e.createGroup, { body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.groups.all }),
  });
}

export type { UnitView };
