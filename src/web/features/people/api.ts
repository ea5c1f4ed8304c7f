import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type CreateUserRequest,
  type GrantRequest,
  type UpdateUserRequest,
  User,
  UserList,
  type UserListQuery,
} from "../../../contracts/people";
import { api } from "../../app/api";

const usersKey = ["users"] as const;

export function useUsers(filter: { q?: string; unitId?: string; includeInactive?: boolean }) {
  const params = new URLSearchParams();
  if (filter.q?.trim()) params.set("q", filter.q.trim());
  if (filter.unitId) params.set("unitId", filter.unitId);
  if (filter.includeInactive) params.set("includeInactive", "true");
  return useQuery({
    queryKey: [...usersKey, params.toString()],
    queryFn: () => api("GET", `/api/users?${params}`, { schema: UserList }),
    placeholderData: (previous) => previous,
  });
}

function useUserMutation<V>(run: (vars: V) => Promise<User | undefined>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
}

export const useCreateUser = () => useUserMutation((body: CreateUserRequest) => api("POST", "/api/users", { body, schema: User }));
export const useUpdateUser = () =>
  useUserMutation(({ id, ...body }: UpdateUserRequest & { id: string }) => api("PATCH", `/api/users/${id}`, { body, schema: User }));
export const useSetPassword = () =>
  useUserMutation(({ id, newPassword }: { id: string; newPassword: string }) =>
    api<undefined>("POST", `/api/users/${id}/password`, { body: { newPassword } }),
  );
export const useAddGrant = () =>
  useUserMutation(({ id, ...body }: GrantRequest & { id: string }) => api("POST", `/api/users/${id}/grants`, { body, schema: User }));
export const useRevokeGrant = () =>
  useUserMutation(({ id, grantId }: { id: string; grantId: string }) =>
    api("DELETE", `/api/users/${id}/grants/${grantId}`, { schema: User }),
  );

export type { User, UserListQuery };
