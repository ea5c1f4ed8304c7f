import { DashboardOutlined, DesktopOutlined } from "@ant-design/icons";
import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { ConferenceDetail } from "../../../contracts/conferences";

/**
 * The conference page's «Sân khấu» tab: the hall screen for every reader (to put on the hall's projector), and the
 * operator's page for the organisers, who alone may drive the timer.
 */
export function StageTab({ conference }: { conference: ConferenceDetail }) {
  const { t } = useTranslation();
  const base = `/conferences/${conference.id}/stage`;
  return (
    <Space orientation="vertical" size="middle" data-testid="stage-tab">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(conference.canOrganise ? "stage.tabHintOrganiser" : "stage.tabHintReader")}
      </Typography.Paragraph>
      {conference.canOrganise && (
        <Link to={`${base}/operator`} data-testid="stage-open-operator">
          <DashboardOutlined /> {t("stage.openOperator")}
        </Link>
      )}
      <Link to={`${base}/hall`} target="_blank" data-testid="stage-open-hall-tab">
        <DesktopOutlined /> {t("stage.openHall")}
      </Link>
    </Space>
  );
}
