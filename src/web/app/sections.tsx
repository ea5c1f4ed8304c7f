import type { ReactNode } from "react";
import { ApartmentOutlined, FileAddOutlined, TeamOutlined } from "@ant-design/icons";
import { OrganisationPage } from "../features/organisations/OrganisationPage";
import { UsersPage } from "../features/people/UsersPage";
import { ImportPlanPage } from "../features/importer/ImportPlanPage";

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
  { key: "organisations", path: "/organisations", labelKey: "nav.organisations", icon: <ApartmentOutlined />, element: <OrganisationPage /> },
  { key: "users", path: "/users", labelKey: "nav.users", icon: <TeamOutlined />, element: <UsersPage /> },
  { key: "importPlan", path: "/import-plan", labelKey: "nav.importPlan", icon: <FileAddOutlined />, element: <ImportPlanPage /> },
];

export const HOME_PATH = sections[0].path;
