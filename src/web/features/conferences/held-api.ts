import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { heldEndpoints as e, type HeldReportRequest } from "../../../contracts/conference-held";
import { call } from "../../app/api";
import { refreshObligationViews } from "../../app/queryKeys";

/**
 * A conference each unit holds: the unit's report on its obligation and the organiser's list. Keys sit under
 * "conference-program" so every obligation change (submit, return, accept) refreshes them.
 */
export const useObligationHeld = (obligationId: string, enabled: boolean) =>
  useQuery({
    queryKey: ["conference-program", "obligation-held", obligationId],
    queryFn: () => call(e.obligationHeld, { params: { id: obligationId } }),
    enabled,
  });

export const useHeldList = (conferenceId: string) =>
  useQuery({ queryKey: ["conference-program", conferenceId, "held"], queryFn: () => call(e.heldList, { params: { id: conferenceId } }) });

export function useReportHeld() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: HeldReportRequest & { id: string }) => call(e.reportHeld, { params: { id }, body }),
    onSettled: () => refreshObligationViews(queryClient),
  });
}
