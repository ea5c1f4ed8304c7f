import { DesktopOutlined, FileExcelOutlined, ScanOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { ConferenceDetail } from "../../../contracts/conferences";
import { showError } from "../../app/notify";
import { AttendanceBoard } from "./AttendanceBoard";
import { AttendanceList } from "./AttendanceList";
import { exportAttendance, useLiveAttendance } from "./api";

/**
 * The conference page's «Điểm danh» tab, for every reader of the conference: live present / expected, the projector
 * screen to open in a new window, the list by unit with absence reasons, and its Excel export for the report.
 */
export function AttendanceTab({ conference }: { conference: ConferenceDetail }) {
  const { t } = useTranslation();
  const { attendance, error, live } = useLiveAttendance(conference.id);
  const [exporting, setExporting] = useState(false);
  if (error && !attendance) return <Alert type="error" showIcon title={error.message} />;
  if (!attendance) return <Spin />;
  const save = () => {
    setExporting(true);
    exportAttendance(conference.id)
      .catch((e: unknown) => showError(e, t("errors.unexpected")))
      .finally(() => setExporting(false));
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="attendance-tab" data-live={live}>
      <Space wrap>
        <Link to={`/conferences/${conference.id}/attendance/screen`} target="_blank" data-testid="attendance-open-screen">
          <DesktopOutlined /> {t("attendance.openScreen")}
        </Link>
        {conference.canOrganise && (
          <Link to={`/door/${conference.id}`} target="_blank" data-testid="attendance-open-door">
            <ScanOutlined /> {t("attendance.openDoor")}
          </Link>
        )}
        <Button icon={<FileExcelOutlined />} loading={exporting} onClick={save} data-testid="attendance-export" data-safe-action="download">
          {t("attendance.export")}
        </Button>
        <Typography.Text type="secondary">{t("attendance.hint")}</Typography.Text>
      </Space>
      <AttendanceBoard attendance={attendance} variant="tab" />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t("attendance.listTitle")}
      </Typography.Title>
      <AttendanceList attendance={attendance} />
    </Space>
  );
}
