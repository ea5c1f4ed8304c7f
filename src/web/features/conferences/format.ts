import type { ConferenceSummary } from "../../../contracts/conferences";
import { formatDate } from "../../i18n/index";

/** "08:00–11:00, 02/06/2026 (1/2 ngày)", or "" when the conference has no date yet. */
export function whenText(c: Pick<ConferenceSummary, "date" | "startTime" | "endTime" | "durationLabel">): string {
  if (!c.date) return "";
  const hours = c.startTime ? `${c.startTime}${c.endTime ? `–${c.endTime}` : ""}, ` : "";
  return `${hours}${formatDate(c.date)}${c.durationLabel ? ` (${c.durationLabel})` : ""}`;
}
