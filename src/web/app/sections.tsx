import { ApartmentOutlined, CarryOutOutlined, FileAddOutlined, FileTextOutlined, TeamOutlined } from "@ant-design/icons";
import type { ReactNode } from "react";
import { ImportPlanPage } from "../features/importer/ImportPlanPage";
import { MyWorkPage } from "../features/my-work/MyWorkPage";
import { ObligationPage } from "../features/obligations/ObligationPage";
import { OrganisationPage } from "../features/organisations/OrganisationPage";
import { UsersPage } from "../features/people/UsersPage";
import { PlanDetailPage } from "../features/plans/PlanDetailPage";
import { PlansPage } from "../features/plans/PlansPage";

/** One entry of the left navigation and its route. */
export interface Section {
  key: string;
  path: string;
  /** Key in i18n/vi.json under "nav". */
  labelKey: string;
  icon: ReactNode;
  element: ReactNode;
}

/**
 * The left navigation, in the order users see it. Slots reserved for the features still to come,
 * each added here (with its "nav.*" label already in the locale files) when its page exists:
 *   plans        /plans          nav.plans        Kế hoạch
 *   myWork       /my-work        nav.myWork       Việc của tôi
 *   conferences  /conferences    nav.conferences  Hội nghị
 *   reports      /reports        nav.reports      Báo cáo
 */
export const sections: Section[] = [
  { key: "plans", path: "/plans", labelKey: "nav.plans", icon: <FileTextOutlined />, element: <PlansPage /> },
  { key: "myWork", path: "/my-work", labelKey: "nav.myWork", icon: <CarryOutOutlined />, element: <MyWorkPage /> },
  {
    key: "organisations",
    path: "/organisations",
    labelKey: "nav.organisations",
    icon: <ApartmentOutlined />,
    element: <OrganisationPage />,
  },
  { key: "users", path: "/users", labelKey: "nav.users", icon: <TeamOutlined />, element: <UsersPage /> },
  { key: "importPlan", path: "/import-plan", labelKey: "nav.importPlan", icon: <FileAddOutlined />, element: <ImportPlanPage /> },
];

export const HOME_PATH = sections[0].path;

/** Pages reached from a section's page rather than from the navigation (a plan, its board, one obligation). */
export const pageRoutes: Array<{ path: string; element: ReactNode }> = [
  { path: "/plans/:id/:tab?", element: <PlanDetailPage /> },
  { path: "/obligations/:id", element: <ObligationPage /> },
];
