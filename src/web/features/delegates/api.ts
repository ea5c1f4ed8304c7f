import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type AnswerRequest,
  answerEndpoints as a,
  type InvitationBatchView,
  InvitationProgress,
} from "../../../contracts/delegate-answers";
import {
  type CreateDelegateRequest,
  type CreateQuotaRequest,
  delegateEndpoints as e,
  type UpdateDelegateRequest,
} from "../../../contracts/delegates";
import { obligationEndpoints } from "../../../contracts/obligations";
import { call, download } from "../../app/api";
import { queryKeys, refreshObligationViews } from "../../app/queryKeys";
import { useTopicEvents } from "../../app/useTopicEvents";

type InvitationBatchList = { batches: InvitationBatchView[] };

/** The delegates feature's queries and mutations: the list, import/export, quotas, confirmations, invitations. */

export interface DelegateFilter {
  groupId?: string;
  q?: string;
}

export const useDelegates = (id: string, filter: DelegateFilter) =>
  useQuery({ queryKey: queryKeys.delegates.list(id, filter), queryFn: () => call(e.list, { params: { id }, query: filter }) });

function useDelegatesMutation<V, R>(run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.delegates.all }) });
}

export const useCreateDelegate = (id: string) =>
  useDelegatesMutation((body: CreateDelegateRequest) => call(e.create, { params: { id }, body }));
export const useUpdateDelegate = (id: string) =>
  useDelegatesMutation(({ delegateId, ...body }: UpdateDelegateRequest & { delegateId: string }) =>
    call(e.update, { params: { id, delegateId }, body }),
  );
export const useDeleteDelegate = (id: string) =>
  useDelegatesMutation(({ delegateId, version }: { delegateId: string; version: number }) =>
    call(e.remove, { params: { id, delegateId }, query: { version } }),
  );
export const useImportDelegates = (id: string) =>
  useDelegatesMutation(({ file, dryRun }: { file: File; dryRun: boolean }) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return call(e.importSheet, { params: { id }, query: { dryRun: dryRun ? "true" : "false" }, form });
  });
export const exportDelegates = (id: string) => download(e.exportSheet, { params: { id } }, "dai-bieu.xlsx");
export const personalLink = (id: string, delegateId: string) => call(a.link, { params: { id, delegateId } });

export const useQuotas = (id: string) =>
  useQuery({ queryKey: queryKeys.delegates.quotas(id), queryFn: () => call(e.quotas, { params: { id } }) });
export const useCreateQuota = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateQuotaRequest) => call(e.createQuota, { params: { id }, body }),
    onSettled: () => refreshObligationViews(queryClient),
  });
};
export const useNominees = (quotaId: string, unitId: string) =>
  useQuery({ queryKey: queryKeys.delegates.nominees(quotaId, unitId), queryFn: () => call(e.nominees, { params: { quotaId, unitId } }) });
export const useAddNominee = (quotaId: string, unitId: string) =>
  useDelegatesMutation((body: { fullName: string; title?: string; phone?: string; email?: string }) =>
    call(e.addNominee, { params: { quotaId, unitId }, body }),
  );
export const useRemoveNominee = (quotaId: string, unitId: string) =>
  useDelegatesMutation(({ delegateId, version }: { delegateId: string; version: number }) =>
    call(e.removeNominee, { params: { quotaId, unitId, delegateId }, query: { version } }),
  );
export const useSubmitNominees = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (obligationId: string) =>
      call(obligationEndpoints.submit, { params: { id: obligationId }, body: { text: "Đã cử đại biểu trên hệ thống." } }),
    onSettled: () => refreshObligationViews(queryClient),
  });
};

export const useTally = (id: string) =>
  useQuery({ queryKey: queryKeys.delegates.tally(id), queryFn: () => call(a.tally, { params: { id } }) });
export const useSetDeadline = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmBy: string | null) => call(a.deadline, { params: { id }, body: { confirmBy } }),
    onSuccess: (tally) => queryClient.setQueryData(queryKeys.delegates.tally(id), tally),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.delegates.all }),
  });
};
export const useRemind = (id: string) => useDelegatesMutation(() => call(a.remind, { params: { id } }));

/**
 * The invitation batches, read on load (a reloaded page finds a running batch where it is) and then moved by the job's
 * live `invitations.progress` events on `conference:<id>`: a running batch's bar takes the count each event carries;
 * a new, finished or failed batch (files ready, an error) is read again; so is everything on (re)connection.
 */
export function useInvitationBatches(id: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.delegates.invitations(id);
  const query = useQuery({ queryKey: key, queryFn: () => call(a.invitations, { params: { id } }) });
  const live = useTopicEvents(
    `conference:${id}`,
    ["invitations.progress"],
    (_type, data) => {
      const progress = InvitationProgress.safeParse(data);
      if (!progress.success) return;
      const { batchId, ...now } = progress.data;
      const list = queryClient.getQueryData<InvitationBatchList>(key);
      const known = list?.batches.some((b) => b.id === batchId);
      if (list && known && now.state === "running")
        queryClient.setQueryData<InvitationBatchList>(key, {
          batches: list.batches.map((b) =>
            b.id === batchId ? { ...b, ...now, done: Math.max(b.state === "running" ? b.done : 0, now.done) } : b,
          ),
        });
      else void queryClient.invalidateQueries({ queryKey: key });
    },
    () => void queryClient.invalidateQueries({ queryKey: key }),
  );
  return { ...query, live };
}
export const useCreateInvitations = (id: string) =>
  useDelegatesMutation((body: { unitId?: string | null; sendEmail: boolean }) => call(a.createInvitations, { params: { id }, body }));
export const downloadInvitations = (id: string, batchId: string, kind: "zip" | "pdf") =>
  kind === "zip"
    ? download(a.invitationsZip, { params: { id, batchId } }, "giay-moi.zip")
    : download(a.invitationsPdf, { params: { id, batchId } }, "giay-moi.pdf");

export const useConfirmation = (token: string) =>
  useQuery({
    queryKey: queryKeys.delegates.confirm(token),
    queryFn: () => call(a.page, { params: { token } }, { quietUnauthenticated: true }),
    retry: false,
  });
export const useAnswer = (token: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerRequest) => call(a.answer, { params: { token }, body }, { quietUnauthenticated: true }),
    onSuccess: (page) => queryClient.setQueryData(queryKeys.delegates.confirm(token), page),
  });
};
