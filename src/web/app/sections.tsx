import { ApartmentOutlined, CalendarOutlined, CarryOutOutlined, FileAddOutlined, FileTextOutlined, TeamOutlined } from "@ant-design/icons";
import { type ComponentType, lazy, type ReactNode } from "react";
import type { Me } from "../../contracts/auth";

/**
 * Every page is its own chunk, loaded when first visited: the sign-in page (the first load of a commune
 * office on a slow link) carries none of them, nor the heavy antd parts (tables, trees, pickers) they use.
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const PlansPage = page(() => import("../features/plans/PlansPage"), "PlansPage");
const PlanDetailPage = page(() => import("../features/plans/PlanDetailPage"), "PlanDetailPage");
const MyWorkPage = page(() => import("../features/my-work/MyWorkPage"), "MyWorkPage");
const ObligationPage = page(() => import("../features/obligations/ObligationPage"), "ObligationPage");
const ReportWritingPage = page(() => import("../features/reports/ReportWritingPage"), "ReportWritingPage");
const OrganisationPage = page(() => import("../features/organisations/OrganisationPage"), "OrganisationPage");
const UsersPage = page(() => import("../features/people/UsersPage"), "UsersPage");
const ConferencesPage = page(() => import("../features/conferences/ConferencesPage"), "ConferencesPage");
const ConferencePage = page(() => import("../features/conferences/ConferencePage"), "ConferencePage");
const ImportPlanPage = page(() => import("../features/importer/ImportPlanPage"), "ImportPlanPage");
const StageOperatorPage = page(() => import("../features/stage/OperatorPage"), "OperatorPage");
const StageHallPage = page(() => import("../features/stage/HallPage"), "HallPage");
const AttendanceScreen = page(() => import("../features/attendance/AttendanceScreen"), "AttendanceScreen");
const ReportFormPage = page(() => import("../features/reports/ReportFormPage"), "ReportFormPage");
const CompiledPage = page(() => import("../features/reports/CompiledPage"), "CompiledPage");

/** One entry of the left navigation and its route. */
export interface Section {
  key: string;
  path: string;
  /** Key in i18n/vi.json under "nav". */
  labelKey: string;
  icon: ReactNode;
  element: ReactNode;
  /** Whether the user sees this entry; the server still checks every request. Absent: everyone. */
  shownTo?: (me: Me) => boolean;
}

/**
 * "Việc của tôi" lists what the units a user works for (member) or manages owe; the server answers 403 to anyone
 * else (a bare admin, a viewer), so they do not see the entry.
 */
const worksForAUnit = (me: Me) => me.grants.some((g) => g.role === "member" || g.role === "manager");

/**
 * The left navigation, in the order users see it. Slots reserved for the features still to come,
 * each added here (with its "nav.*" label already in the locale files) when its page exists:
 *   reports      /reports        nav.reports      Báo cáo
 */
export const sections: Section[] = [
  { key: "plans", path: "/plans", labelKey: "nav.plans", icon: <FileTextOutlined />, element: <PlansPage /> },
  {
    key: "myWork",
    path: "/my-work",
    labelKey: "nav.myWork",
    icon: <CarryOutOutlined />,
    element: <MyWorkPage />,
    shownTo: worksForAUnit,
  },
  { key: "conferences", path: "/conferences", labelKey: "nav.conferences", icon: <CalendarOutlined />, element: <ConferencesPage /> },
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

/** The sections one user sees in the navigation. */
export const sectionsFor = (me: Me) => sections.filter((s) => s.shownTo?.(me) ?? true);

export const HOME_PATH = sections[0].path;

/** Pages reached from a section's page rather than from the navigation (a plan, its board, one obligation). */
export const pageRoutes: Array<{ path: string; element: ReactNode }> = [
  { path: "/plans/:id/:tab?", element: <PlanDetailPage /> },
  { path: "/obligations/:id", element: <ObligationPage /> },
  { path: "/tasks/:id/compiled", element: <CompiledPage /> },
  { path: "/plans/:planId/tasks/:taskId/report-form", element: <ReportFormPage /> },
  { path: "/obligations/:id/report", element: <ReportWritingPage /> },
  { path: "/conferences/:id/:tab?", element: <ConferencePage /> },
  { path: "/conferences/:id/stage/operator", element: <StageOperatorPage /> },
];

/** Pages shown full screen, without the menu and header (the hall's screen). */
export const fullScreenRoutes: Array<{ path: string; element: ReactNode }> = [
  { path: "/conferences/:id/stage/hall", element: <StageHallPage /> },
  { path: "/conferences/:id/attendance/screen", element: <AttendanceScreen /> },
];
