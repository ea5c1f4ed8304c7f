import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type AddAgendaItemRequest,
  type ConferenceDetail,
  conferenceEndpoints,
  type MoveAgendaItemRequest,
  type UpdateAgendaItemRequest,
  type UpdateConferenceRequest,
} from "../../../contracts/conferences";
import { call, download } from "../../app/api";
import { queryKeys } from "../../app/queryKeys";

export const useConferences = () => useQuery({ queryKey: queryKeys.conferences.list, queryFn: () => call(conferenceEndpoints.list, {}) });

export const usePlanConferences = (planId: string) =>
  useQuery({ queryKey: queryKeys.conferences.ofPlan(planId), queryFn: () => call(conferenceEndpoints.ofPlan, { params: { id: planId } }) });

export const useConference = (id: string) =>
  useQuery({ queryKey: queryKeys.conferences.detail(id), queryFn: () => call(conferenceEndpoints.get, { params: { id } }) });

/** A write that answers the conference as it now is: the page shows it at once; lists reload. A refusal reloads it too. */
function useConferenceMutation<V>(run: (vars: V) => Promise<ConferenceDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (c) => queryClient.setQueryData(queryKeys.conferences.detail(c.id), c),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.conferences.all }),
  });
}

export const useUpdateConference = () =>
  useConferenceMutation(({ id, ...body }: UpdateConferenceRequest & { id: string }) =>
    call(conferenceEndpoints.update, { params: { id }, body }),
  );

export const useAddAgendaItem = () =>
  useConferenceMutation(({ id, ...body }: AddAgendaItemRequest & { id: string }) =>
    call(conferenceEndpoints.addAgendaItem, { params: { id }, body }),
  );

export const useUpdateAgendaItem = () =>
  useConferenceMutation(({ id, itemId, ...body }: UpdateAgendaItemRequest & { id: string; itemId: string }) =>
    call(conferenceEndpoints.updateAgendaItem, { params: { id, itemId }, body }),
  );

export const useMoveAgendaItem = () =>
  useConferenceMutation(({ id, itemId, ...body }: MoveAgendaItemRequest & { id: string; itemId: string }) =>
    call(conferenceEndpoints.moveAgendaItem, { params: { id, itemId }, body }),
  );

export const useDeleteAgendaItem = () =>
  useConferenceMutation(({ id, itemId, version }: { id: string; itemId: string; version: number }) =>
    call(conferenceEndpoints.deleteAgendaItem, { params: { id, itemId }, query: { version } }),
  );

export const downloadAgendaDocx = (id: string) =>
  download(conferenceEndpoints.agendaDocx, { params: { id } }, "chuong-trinh-hoi-nghi.docx");
