import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ObligationDetail } from "../../../contracts/obligations";
import { api } from "../../app/api";

export const obligationKey = (id: string) => ["obligations", id] as const;

export function useObligation(id: string) {
  return useQuery({ queryKey: obligationKey(id), queryFn: () => api("GET", `/api/obligations/${id}`, { schema: ObligationDetail }) });
}

/** After any change of an obligation, everything that counts obligations is stale. */
function useObligationMutation<V>(run: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      for (const key of [["obligations"], ["board"], ["rollup"], ["my-work"], ["plans"], ["notifications"]])
        await queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

/** Text and files in one multipart request; the API client adds the CSRF header. */
export const useSubmit = () =>
  useObligationMutation(({ id, text, files }: { id: string; text: string; files: File[] }) => {
    const form = new FormData();
    form.append("text", text);
    for (const file of files) form.append("files", file, file.name);
    return api("POST", `/api/obligations/${id}/submissions`, { form });
  });

export const useReturn = () =>
  useObligationMutation(({ id, reason, version }: { id: string; reason: string; version: number }) =>
    api("POST", `/api/obligations/${id}/return`, { body: { reason, version } }),
  );

export const useAccept = () =>
  useObligationMutation(({ id, version }: { id: string; version: number }) =>
    api("POST", `/api/obligations/${id}/accept`, { body: { version } }),
  );

export const fileUrl = (fileId: string) => `/api/files/${fileId}`;
