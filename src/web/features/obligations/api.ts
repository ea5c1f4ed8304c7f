import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { urlOf } from "../../../contracts/http";
import { obligationEndpoints } from "../../../contracts/obligations";
import { call } from "../../app/api";
import { queryKeys, refreshObligationViews } from "../../app/queryKeys";

export function useObligation(id: string) {
  return useQuery({ queryKey: queryKeys.obligations.detail(id), queryFn: () => call(obligationEndpoints.get, { params: { id } }) });
}

/** After any change of an obligation, every view that shows it or counts it is stale. */
function useObligationMutation<V>(run: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => refreshObligationViews(queryClient) });
}

/** Text and files in one multipart request; the API client adds the CSRF header. */
export const useSubmit = () =>
  useObligationMutation(({ id, text, files }: { id: string; text: string; files: File[] }) => {
    const form = new FormData();
    form.append("text", text);
    for (const file of files) form.append("files", file, file.name);
    return call(obligationEndpoints.submit, { params: { id }, form });
  });

export const useReturn = () =>
  useObligationMutation(({ id, reason, version }: { id: string; reason: string; version: number }) =>
    call(obligationEndpoints.return, { params: { id }, body: { reason, version } }),
  );

export const useAccept = () =>
  useObligationMutation(({ id, version }: { id: string; version: number }) =>
    call(obligationEndpoints.accept, { params: { id }, body: { version } }),
  );

export const fileUrl = (fileId: string) => urlOf(obligationEndpoints.file, { params: { id: fileId } });

/** "Lập kế hoạch thực hiện": the obligated unit's draft, linked both ways, in one call. */
export function useImplementationPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string }) => call(obligationEndpoints.implementationPlan, { params: { id } }),
    onSettled: () => refreshObligationViews(queryClient),
  });
}
