import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notificationEndpoints as e } from "../../../contracts/notifications";
import { call } from "../../app/api";
import { queryKeys } from "../../app/queryKeys";

/** The latest notifications and the unread count; the live stream refreshes them, the slow poll is a safety net. */
export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications.latest,
    queryFn: () => call(e.list, { query: { limit: 20 } }),
    refetchInterval: 300_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(e.markRead, { params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications.all }),
  });
}
