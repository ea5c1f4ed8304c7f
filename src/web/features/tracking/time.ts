/**
 * Deadlines are set in Vietnam time (UTC+7, no daylight saving), so instants are shown in Vietnam time
 * whatever the browser's zone: a deadline "08:00 31/05/2026" reads the same in Hà Nội and abroad.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, "0");

/** "31/05/2026 08:00" in Vietnam time; "" for null. */
export function formatVietnamTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(new Date(iso).getTime() + VIETNAM_OFFSET_MS);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
