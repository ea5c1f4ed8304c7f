import { Result, Spin } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { useConference } from "../conferences/api";
import { AttendanceBoard } from "./AttendanceBoard";
import { useLiveAttendance } from "./api";

/**
 * /conferences/:id/attendance/screen: live attendance for the hall's projector (full screen, no menu). It follows
 * the live stream of check-ins; a reload or a reconnection reads the counts again from the server.
 */
export function AttendanceScreen() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { attendance, error, live } = useLiveAttendance(id);
  const conference = useConference(id);
  useEffect(() => {
    document.title = t("attendance.screenTitle");
  }, [t]);
  if (error && !attendance)
    return <Result status={error.status === 403 ? "403" : error.status === 404 ? "404" : "error"} title={error.message} />;
  return (
    <main
      data-testid="attendance-screen"
      data-live={live}
      style={{ position: "fixed", inset: 0, background: "#0b1628", color: "#f5f5f5", padding: "2vw 3vw", overflow: "auto" }}
    >
      <header style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: "2vw", marginBottom: "1vw" }}>
        <h1 style={{ color: "#f5f5f5", fontSize: "2.6vw", margin: 0, lineHeight: 1.2 }}>
          {t("attendance.screenHeading")}
          {conference.data ? `: ${conference.data.title}` : ""}
        </h1>
        <span
          data-testid="attendance-live"
          data-state={live}
          style={{ fontSize: "1.2vw", color: live === "open" ? "#52c41a" : "#faad14", whiteSpace: "nowrap" }}
        >
          ● {t(`attendance.live.${live}`)}
        </span>
      </header>
      {attendance ? <AttendanceBoard attendance={attendance} variant="screen" /> : <Spin size="large" />}
    </main>
  );
}
