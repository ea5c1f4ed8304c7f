import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type CreateAwardRequest,
  type CreateLogisticsRequest,
  type CreateSpeechRequest,
  programEndpoints as e,
  type ReorderRequest,
  type UpdateAwardRequest,
  type UpdateSpeechRequest,
} from "../../../contracts/conference-program";
import { call, download } from "../../app/api";
import { queryKeys, refreshObligationViews } from "../../app/queryKeys";

/** The conference program's queries and mutations: speeches, awards, logistics, readiness and the exports. */

export const useSpeeches = (id: string) =>
  useQuery({ queryKey: queryKeys.conferenceProgram.speeches(id), queryFn: () => call(e.speeches, { params: { id } }) });
export const useAwards = (id: string) =>
  useQuery({ queryKey: queryKeys.conferenceProgram.awards(id), queryFn: () => call(e.awards, { params: { id } }) });
export const useLogistics = (id: string) =>
  useQuery({ queryKey: queryKeys.conferenceProgram.logistics(id), queryFn: () => call(e.logistics, { params: { id } }) });
export const useReadiness = (id: string) =>
  useQuery({ queryKey: queryKeys.conferenceProgram.readiness(id), queryFn: () => call(e.readiness, { params: { id } }) });

/** A speech or logistics task is a plan task and an obligation: every view that counts them is stale after a change. */
function useProgramMutation<V, R>(run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => refreshObligationViews(queryClient) });
}

export const useCreateSpeech = (id: string) =>
  useProgramMutation((body: CreateSpeechRequest) => call(e.createSpeech, { params: { id }, body }));
export const useUpdateSpeech = (id: string) =>
  useProgramMutation(({ speechId, ...body }: UpdateSpeechRequest & { speechId: string }) =>
    call(e.updateSpeech, { params: { id, speechId }, body }),
  );
export const useDeleteSpeech = (id: string) =>
  useProgramMutation(({ speechId, version }: { speechId: string; version: number }) =>
    call(e.deleteSpeech, { params: { id, speechId }, query: { version } }),
  );
export const useReorderSpeeches = (id: string) =>
  useProgramMutation((body: ReorderRequest) => call(e.reorderSpeeches, { params: { id }, body }));

export const useCreateAward = (id: string) =>
  useProgramMutation((body: CreateAwardRequest) => call(e.createAward, { params: { id }, body }));
export const useUpdateAward = (id: string) =>
  useProgramMutation(({ awardId, ...body }: UpdateAwardRequest & { awardId: string }) =>
    call(e.updateAward, { params: { id, awardId }, body }),
  );
export const useDeleteAward = (id: string) =>
  useProgramMutation(({ awardId, version }: { awardId: string; version: number }) =>
    call(e.deleteAward, { params: { id, awardId }, query: { version } }),
  );
export const useReorderAwards = (id: string) =>
  useProgramMutation((body: ReorderRequest) => call(e.reorderAwards, { params: { id }, body }));

export const useCreateLogistics = (id: string) =>
  useProgramMutation((body: CreateLogisticsRequest) => call(e.createLogistics, { params: { id }, body }));

export const downloadSpeechList = (id: string) => download(e.speechesDocx, { params: { id } }, "danh-sach-tham-luan.docx");
export const downloadAwardList = (id: string) => download(e.awardsDocx, { params: { id } }, "danh-sach-khen-thuong.docx");
export const downloadMcScript = (id: string) => download(e.mcScriptDocx, { params: { id } }, "kich-ban-dieu-hanh.docx");

/** The list with one item moved one place up (-1) or down (+1), as the reorder request sends it. */
export function moved<T extends { id: string; version: number }>(items: T[], index: number, step: -1 | 1): ReorderRequest {
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(index + step, 0, item);
  return { items: next.map(({ id, version }) => ({ id, version })) };
}
