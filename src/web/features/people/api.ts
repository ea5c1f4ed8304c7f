import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type CreateUserRequest,
  peopleEndpoints as e,
  type GrantRequest,
  type UpdateUserRequest,
  type User,
  type UserListQuery,
} from "../../../contracts/people";
import { call } from "../../app/api";
import { queryKeys } from "../../app/queryKeys";

export function useUsers(filter: { q?: string; unitId?: string; includeInactive?: boolean }) {
  const query = {
    q: filter.q?.trim() || undefined,
    unitId: filter.unitId || undefined,
    includeInactive: filter.includeInactive ? ("true" as const) : undefined,
  };
  return useQuery({
    queryKey: queryKeys.users.list(JSON.stringify(query)),
    queryFn: () => call(e.list, { query }),
    placeholderData: (previous) => previous,
  });
}

function useUserMutation<V>(run: (vars: V) => Promise<User | undefined>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all }) });
}

export const useCreateUser = () => useUserMutation((body: CreateUserRequest) => call(e.create, { body }));
export const useUpdateUser = () =>
  useUserMutation(({ id, ...body }: UpdateUserRequest & { id: string }) => call(e.update, { params: { id }, body }));
export const useSetPassword = () =>
  useUserMutation(({ id, newPassword }: { id: string; newPassword: string }) =>
    call(e.setPassword, { params: { id }, body: { newPassword } }),
  );
export const useAddGrant = () =>
  useUserMutation(({ id, ...body }: GrantRequest & { id: string }) => call(e.addGrant, { params: { id }, body }));
export const useRevokeGrant = () =>
  useUserMutation(({ id, grantId }: { id: string; grantId: string }) => call(e.removeGrant, { params: { id, grantId } }));

export type { User, UserListQuery };
