import { List, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { usePlanObligations } from "./api";
import { formatVietnamTime } from "./time";

const statusColor = { open: "default", submitted: "blue", returned: "orange", accepted: "green" } as const;

/** The obligations behind one board row, each a link to where it is submitted, returned or accepted. */
export function UnitObligations({ planId, unitId }: { planId: string; unitId: string }) {
  const { t } = useTranslation();
  const { data, isLoading } = usePlanObligations(planId, unitId);
  return (
    <List
      size="small"
      loading={isLoading}
      dataSource={data?.items ?? []}
      data-testid="board-unit-obligations"
      renderItem={(item) => (
        <List.Item>
          <Space wrap>
            <Link to={`/obligations/${item.id}`} data-testid="board-obligation-link">
              {item.task.what}
            </Link>
            <span>{t("tracking.dueLabel", { at: formatVietnamTime(item.dueAt) })}</span>
            <Tag color={statusColor[item.status]}>{t(`obligations.status.${item.status}`)}</Tag>
            {item.lateSubmission && <Tag color="red">{t("tracking.lateTag")}</Tag>}
            {item.overdue && <Tag color="red">{t("tracking.overdueTag")}</Tag>}
          </Space>
        </List.Item>
      )}
    />
  );
}
