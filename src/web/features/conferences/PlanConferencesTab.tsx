import { usePlanConferences } from "./api";
import { ConferenceList } from "./ConferenceList";

/** The plan page's "Hội nghị" tab: the plan's conferences, each opening its own page. */
export function PlanConferencesTab({ planId }: { planId: string }) {
  const list = usePlanConferences(planId);
  return <ConferenceList conferences={list.data?.conferences ?? []} loading={list.isPending} showPlan={false} />;
}
