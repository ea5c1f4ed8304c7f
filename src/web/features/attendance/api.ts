import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { type Attendance, checkinEndpoints as e } from "../../../contracts/checkin";
import { ApiError, call, download } from "../../app/api";
import { type LiveState, useTopicEvents } from "../../app/useTopicEvents";

export const attendanceKeys = {
  of: (conferenceId: string) => ["attendance", conferenceId] as const,
};

/** The smallest gap between two reads while check-ins pour in: a door scanning hundreds a minute costs one read a second. */
const GAP_MS = 700;

/**
 * Live attendance: read once, then read again after each `attendance` event on `conference:<id>` (events name the
 * delegate; the counts come from the server), at most one read at a time and one a `GAP_MS`, so a busy door never
 * floods the page; read again on every (re)connection and `resync`. No polling.
 */
export function useLiveAttendance(conferenceId: string): {
  attendance: Attendance | undefined;
  error: ApiError | null;
  live: LiveState;
} {
  const query = useQuery<Attendance, ApiError>({
    queryKey: attendanceKeys.of(conferenceId),
    queryFn: () => call(e.attendance, { params: { id: conferenceId } }),
    retry: (count, error) => !(error instanceof ApiError && (error.status === 403 || error.status === 404)) && count < 2,
  });
  const { refetch } = query;
  const pacing = useRef<{ timer: ReturnType<typeof setTimeout> | null; reading: boolean; again: boolean; last: number }>({
    timer: null,
    reading: false,
    again: false,
    last: 0,
  });
  const reread = useCallback(() => {
    const p = pacing.current;
    if (p.reading) {
      p.again = true;
      return;
    }
    if (p.timer) return;
    const run = () => {
      p.timer = null;
      p.reading = true;
      p.last = Date.now();
      void refetch({ cancelRefetch: false }).finally(() => {
        p.reading = false;
        if (p.again) {
          p.again = false;
          reread();
        }
      });
    };
    p.timer = setTimeout(run, Math.max(0, p.last + GAP_MS - Date.now()));
  }, [refetch]);
  useEffect(
    () => () => {
      if (pacing.current.timer) clearTimeout(pacing.current.timer);
    },
    [],
  );
  const refused = query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404);
  const live = useTopicEvents(refused ? null : `conference:${conferenceId}`, ["attendance"], reread, reread);
  return { attendance: query.data, error: query.error, live };
}

export const exportAttendance = (conferenceId: string) => download(e.attendanceXlsx, { params: { id: conferenceId } }, "diem-danh.xlsx");
