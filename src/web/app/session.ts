import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { authEndpoints, type Me, type SignInRequest } from "../../contracts/auth";
import { ApiError, call, setCsrfToken } from "./api";
import { queryKeys } from "./queryKeys";

export const ME_KEY = queryKeys.me;

/** The signed-in user, null when signed out, undefined while loading. */
export function useMe(): { me: Me | null | undefined; loading: boolean } {
  const query = useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await call(authEndpoints.me, {}, { quietUnauthenticated: true });
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
      const me = await call(authEndpoints.signIn, { body }, { quietUnauthenticated: true });
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
    mutationFn: () => call(authEndpoints.signOut, {}, { quietUnauthenticated: true }),
    onSettled: () => {
      setCsrfToken("");
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}
