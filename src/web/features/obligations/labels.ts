import type { ObligationStatus } from "../../../contracts/obligations";

export const obligationStatusColors: Record<ObligationStatus, string> = {
  open: "default",
  submitted: "blue",
  returned: "orange",
  accepted: "green",
};

/** "1,2 MB" / "35 KB": sizes as a clerk reads them. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
