import { useEffect, useState, useSyncExternalStore } from "react";
import { DoorSession, type DoorState } from "./door-session";

/** The door session of a conference for the page's lifetime: started on mount, stopped on unmount. */
export function useDoorSession(conferenceId: string): { session: DoorSession; state: DoorState } {
  const [session] = useState(() => new DoorSession(conferenceId));
  useEffect(() => {
    void session.start();
    return () => session.stop();
  }, [session]);
  const state = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.state,
  );
  return { session, state };
}

/** `07:42`: the Vietnam wall clock of an instant, as the door and the server both say it. */
export function wallClock(instant: string): string {
  return new Intl.DateTimeFormat("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(instant),
  );
}

/** The door mid-sentence: «cửa 2» for a door named «2» or «Cửa 2», else the door's own name («Cổng phụ»). */
export const doorLabel = (door: string) => (/^\d+$/.test(door) ? `cửa ${door}` : door.replace(/^Cửa(?=\s)/, "cửa"));
