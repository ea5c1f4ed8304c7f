import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { liveEndpoints } from "../../../contracts/live";
import { queryKeys, refreshObligationViews } from "../../app/queryKeys";

/** How the page reacts to a live event: it re-reads what the event names (events carry ids, not content). */
function refreshFor(queryClient: QueryClient, type: string): void {
  if (type === "notification") void refreshObligationViews(queryClient);
  else void queryClient.invalidateQueries({ queryKey: queryKeys.notifications.all });
}

/**
 * Subscribes the page to the server's live stream (`GET /api/events`) while signed in. The browser's
 * EventSource reconnects by itself and sends `Last-Event-ID`; a `resync` (events may have been missed), or a
 * stream the browser gave up on, refreshes everything the events could have changed. `extraTopics` lets a page
 * hear more than the user's own events (`plan:<id>`, `conference:<id>`) once their module allows them.
 */
export function useLiveUpdates(extraTopics: readonly string[] = []): void {
  const queryClient = useQueryClient();
  const topics = extraTopics.join(",");
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    let delay = 2_000;
    const open = () => {
      source = new EventSource(`${liveEndpoints.events.path}${topics ? `?topics=${encodeURIComponent(topics)}` : ""}`);
      source.addEventListener("ready", () => {
        delay = 2_000;
      });
      for (const type of ["notification", "obligation"]) source.addEventListener(type, () => refreshFor(queryClient, type));
      source.addEventListener("resync", () => void refreshObligationViews(queryClient));
      source.onerror = () => {
        // CONNECTING: the browser retries itself. CLOSED (an error answer): try again later, then re-read.
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        source.close();
        retry = setTimeout(() => {
          if (stopped) return;
          open();
          void refreshObligationViews(queryClient);
        }, delay);
        delay = Math.min(delay * 2, 60_000);
      };
    };
    open();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [queryClient, topics]);
}
