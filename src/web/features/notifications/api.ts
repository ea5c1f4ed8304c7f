import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { NotificationList } from "../../../contracts/notifications";
import { api } from "../../app/api";

const notificationsKey = ["notifications"] as const;

/** The latest notifications and the unread count, polled so a reminder shows up without a reload. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: () => api("GET", "/api/notifications?limit=20", { schema: NotificationList }),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api("POST", `/api/notifications/${id}/read`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
