import type { TFunction } from "i18next";
import { Deliverable, PlanStatus } from "../../../contracts/plans";

export const planStatuses: PlanStatus[] = PlanStatus.options;
export const planStatusColors: Record<PlanStatus, string> = { draft: "default", issued: "green", closed: "purple" };
export const deliverables: Deliverable[] = Deliverable.options;

export const planStatusLabel = (status: PlanStatus, t: TFunction) => t(`plans.status.${status}`);
export const deliverableLabel = (d: Deliverable, t: TFunction) => t(`plans.deliverables.${d}`);

/** "31/05/2026 08:00" or "31/05/2026 (cả ngày)": a deadline without a time is the whole day. */
export function deadlineLabel(dueDate: string, dueTime: string | null, t: TFunction): string {
  const [y, m, d] = dueDate.split("-");
  const date = `${d}/${m}/${y}`;
  return dueTime ? `${dueTime} ${date}` : t("plans.wholeDay", { date });
}
