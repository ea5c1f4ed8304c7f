import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Me, type SignInRequest } from "../../contracts/auth";
import { ApiError, api, setCsrfToken } from "./api";

export const ME_KEY = ["auth", "me"] as const;

/** The signed-in user, null when signed out, undefined while loading. */
export function useMe(): { me: Me | null | undefined; loading: boolean } {
  const query = useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api("GET", "/api/auth/me", { schema: Me, quietUnauthenticated: true });
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
  return { me: query.data, loading: query.isPending };
}

/** The signed-in user inside pages behind the sign-in guard. */
export function useSignedInUser(): Me {
  const { me } = useMe();
  if (!me) throw new Error("useSignedInUser outside the signed-in layout");
  return me;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SignInRequest) => {
      setCsrfToken("");
      const me = await api("POST", "/api/auth/sign-in", { body, schema: Me, quietUnauthenticated: true });
      setCsrfToken(me.csrfToken);
      return me;
    },
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, me);
    },
    // The sign-in form shows the message beside the fields.
    onError: () => undefined,
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api("POST", "/api/auth/sign-out", { quietUnauthenticated: true }),
    onSettled: () => {
      setCsrfToken("");
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}
