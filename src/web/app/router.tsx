import { Spin } from "antd";
import { lazy, Suspense } from "react";
import { createBrowserRouter, Navigate, Outlet, useLocation } from "react-router-dom";
import { SignInPage } from "../features/auth/SignInPage";
import { fullScreenRoutes, HOME_PATH, pageRoutes, sections } from "./sections";
import { useMe } from "./session";

// The signed-in frame (menu, bell, dialogs) and the not-found page load after sign-in, not before it.
const AppLayout = lazy(async () => ({ default: (await import("./layout")).AppLayout }));
// A delegate's confirmation page is public (the link's token is the key) and loads on its own.
const ConfirmPage = lazy(async () => ({ default: (await import("../features/delegates/ConfirmPage")).ConfirmPage }));
// The door pages (check-in, installed as an app) have their own gate: they open offline from the device's copy.
const DoorGate = lazy(async () => ({ default: (await import("../features/door/DoorGate")).DoorGate }));
const DoorListPage = lazy(async () => ({ default: (await import("../features/door/DoorListPage")).DoorListPage }));
const DoorPage = lazy(async () => ({ default: (await import("../features/door/DoorPage")).DoorPage }));
const NotFoundPage = lazy(async () => ({ default: (await import("../components/NotFoundPage")).NotFoundPage }));

function FullPageSpinner() {
  return (
    <div style={{ display: "grid", placeItems: "center", minHeight: "100vh" }}>
      <Spin size="large" />
    </div>
  );
}

/** Pages behind it need a session; without one the user goes to sign-in and comes back afterwards. */
function RequireSignedIn() {
  const { me, loading } = useMe();
  const location = useLocation();
  if (loading) return <FullPageSpinner />;
  if (!me) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <Outlet />
    </Suspense>
  );
}

/** Where "/" leads: an account made only for the door (no unit, not admin) to its door list, everyone else home. */
function Home() {
  const { me } = useMe();
  return <Navigate to={me && !me.isAdmin && me.grants.length === 0 ? "/door" : HOME_PATH} replace />;
}

export const router = createBrowserRouter([
  { path: "/sign-in", element: <SignInPage /> },
  {
    path: "/xac-bao/:token",
    element: (
      <Suspense fallback={<FullPageSpinner />}>
        <ConfirmPage />
      </Suspense>
    ),
  },
  {
    element: (
      <Suspense fallback={<FullPageSpinner />}>
        <DoorGate />
      </Suspense>
    ),
    children: [
      { path: "/door", element: <DoorListPage /> },
      { path: "/door/:conferenceId", element: <DoorPage /> },
    ],
  },
  {
    element: <RequireSignedIn />,
    children: [
      ...fullScreenRoutes,
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Home /> },
          ...sections.map((s) => ({ path: s.path, element: s.element })),
          ...pageRoutes,
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
