import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { AwardsTab } from "./AwardsTab";
import { LogisticsTab } from "./LogisticsTab";
import { ReadinessTab } from "./ReadinessTab";
import { SpeechesTab } from "./SpeechesTab";

/** The program's tabs of a conference page: Tham luận, Khen thưởng, Hậu cần, Sẵn sàng (each its own component). */
export const programTabKeys = ["speeches", "awards", "logistics", "readiness"] as const;
export type ProgramTabKey = (typeof programTabKeys)[number];

export function programTabItems(conferenceId: string, t: TFunction): Array<{ key: ProgramTabKey; label: ReactNode; children: ReactNode }> {
  return [
    {
      key: "speeches",
      label: <span data-testid="tab-speeches">{t("program.tabs.speeches")}</span>,
      children: <SpeechesTab conferenceId={conferenceId} />,
    },
    {
      key: "awards",
      label: <span data-testid="tab-awards">{t("program.tabs.awards")}</span>,
      children: <AwardsTab conferenceId={conferenceId} />,
    },
    {
      key: "logistics",
      label: <span data-testid="tab-logistics">{t("program.tabs.logistics")}</span>,
      children: <LogisticsTab conferenceId={conferenceId} />,
    },
    {
      key: "readiness",
      label: <span data-testid="tab-readiness">{t("program.tabs.readiness")}</span>,
      children: <ReadinessTab conferenceId={conferenceId} />,
    },
  ];
}
