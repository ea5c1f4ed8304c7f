import { Spin } from "antd";
import { Suspense, useEffect } from "react";
import { Navigate, Outlet, useLocation } from "react-router-dom";
import { useMe } from "../../app/session";
import { registerDoorServiceWorker } from "./pwa";

const spinner = (
  <div style={{ display: "grid", placeItems: "center", minHeight: "100vh" }}>
    <Spin size="large" />
  </div>
);

/**
 * The door pages need a session, like every page; but when the server cannot be reached (the hall's network is down
 * and the page was reopened from the service worker) they open from the device's copy instead of the sign-in page.
 */
export function DoorGate() {
  const { me, loading } = useMe();
  const location = useLocation();
  useEffect(registerDoorServiceWorker, []);
  if (loading) return spinner;
  if (me === null) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return (
    <Suspense fallback={spinner}>
      {/* The marker the app's frame puts on the page it shows (the smoke crawl waits for it). */}
      <div data-testid="app-content" data-path={location.pathname}>
        <Outlet />
      </div>
    </Suspense>
  );
}
