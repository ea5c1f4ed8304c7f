import type { ReactNode } from "react";
import type { ConferenceDetail } from "../../../contracts/conferences";
import { AttendanceTab } from "../attendance/AttendanceTab";
import { DelegatesTab } from "../delegates/DelegatesTab";
import { SeatingTab } from "../seating/SeatingTab";
import { StageTab } from "../stage/StageTab";
import { AgendaTab } from "./AgendaTab";
import { AwardsTab } from "./AwardsTab";
import { ConferenceInfoTab } from "./ConferenceInfoTab";
import { HeldTab } from "./HeldTab";
import { LogisticsTab } from "./LogisticsTab";
import { ReadinessTab } from "./ReadinessTab";
import { SpeechesTab } from "./SpeechesTab";

/**
 * The tabs of a conference's page, in order. A feature adds its tab with one line here (its component in its
 * own file): `{ key: "speeches", labelKey: "conferences.tabs.speeches", render: (c) => <SpeechesTab conference={c} /> }`.
 * `shownTo` hides a tab from those who may not use it (the server still checks every request).
 */
export interface ConferenceTab {
  /** The URL segment: /conferences/:id/<key>; the first tab has none. */
  key: string;
  /** i18n key of the label. */
  labelKey: string;
  render: (conference: ConferenceDetail) => ReactNode;
  shownTo?: (conference: ConferenceDetail) => boolean;
}

export const conferenceTabs: ConferenceTab[] = [
  { key: "info", labelKey: "conferences.tabs.info", render: (c) => <ConferenceInfoTab conference={c} /> },
  { key: "agenda", labelKey: "conferences.tabs.agenda", render: (c) => <AgendaTab conference={c} /> },
  {
    key: "held",
    labelKey: "program.tabs.held",
    render: (c) => <HeldTab conferenceId={c.id} />,
    shownTo: (c) => c.perUnitTaskId !== null,
  },
  { key: "speeches", labelKey: "program.tabs.speeches", render: (c) => <SpeechesTab conferenceId={c.id} /> },
  { key: "awards", labelKey: "program.tabs.awards", render: (c) => <AwardsTab conferenceId={c.id} /> },
  { key: "logistics", labelKey: "program.tabs.logistics", render: (c) => <LogisticsTab conferenceId={c.id} /> },
  { key: "readiness", labelKey: "program.tabs.readiness", render: (c) => <ReadinessTab conferenceId={c.id} /> },
  { key: "stage", labelKey: "stage.stageTab", render: (c) => <StageTab conference={c} /> },
  { key: "delegates", labelKey: "delegates.tab", render: (c) => <DelegatesTab conference={c} /> },
  // Every reader of the conference sees the seating (organisers change it); door-only staff never open this page.
  { key: "seating", labelKey: "seating.tab", render: (c) => <SeatingTab conference={c} /> },
  { key: "attendance", labelKey: "attendance.tab", render: (c) => <AttendanceTab conference={c} /> },
];
