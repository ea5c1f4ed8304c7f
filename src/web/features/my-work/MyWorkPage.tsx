import { Alert, Card, Space, Tag, Typography } from "antd";
import type { HTMLAttributes } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { MyWorkItem } from "../../../contracts/tracking";
import { useSignedInUser } from "../../app/session";
import { ResponsiveTable } from "../../components/ResponsiveTable";
import { UnitPicker } from "../organisations/UnitPicker";
import { deadlineLabel, deliverableLabel } from "../plans/labels";
import { useMyWork } from "./api";
import { CalendarLink } from "./CalendarLink";

/** Việc của tôi: what the user's unit still owes, nearest deadline first, with the time left to the minute. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [unitId, setUnitId] = useState<string | undefined>();
  const work = useMyWork(unitId);
  const widerScope = me.isAdmin || me.grants.some((g) => g.role === "manager" || g.role === "viewer");
  return (
    <>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {t("myWork.title")}
        </Typography.Title>
        <CalendarLink unitId={me.unitId} unitName={me.unitName} />
      </Space>
      <Card>
        {widerScope && (
          <div style={{ width: 360, maxWidth: "100%", marginBottom: 12 }}>
            <UnitPicker value={unitId} onChange={setUnitId} placeholder={t("myWork.unitFilter")} />
          </div>
        )}
        {work.data?.truncated && <Alert type="info" showIcon title={t("myWork.truncated")} style={{ marginBottom: 12 }} />}
        <ResponsiveTable<MyWorkItem>
          rowKey="obligationId"
          cardTitleKey="task"
          scroll={{ x: 960 }}
          size="middle"
          loading={work.isFetching && !work.data}
          dataSource={work.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t("myWork.empty") }}
          data-testid="my-work-table"
          onRow={(item) => ({ "data-obligation-id": item.obligationId }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: "timeLeft",
              title: t("myWork.timeLeft"),
              width: 170,
              render: (_, item) => (
                <Tag color={item.overdue ? "red" : item.minutesLeft < 24 * 60 ? "orange" : "blue"} data-testid="my-work-time-left">
                  {item.timeLeftLabel}
                </Tag>
              ),
            },
            {
              key: "deadline",
              title: t("plans.tasks.deadline"),
              width: 160,
              render: (_, item) => deadlineLabel(item.dueDate, item.dueTime, t),
            },
            {
              key: "task",
              title: t("myWork.task"),
              render: (_, item) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/obligations/${item.obligationId}`} data-testid="my-work-link">
                    {item.task.what}
                  </Link>
                  <Typography.Text type="secondary">
                    {item.plan.number ? `${item.plan.number} · ` : ""}
                    {item.plan.title}
                  </Typography.Text>
                  {item.task.hasReportForm && (
                    <Link to={`/obligations/${item.obligationId}/report`} data-testid="my-work-report-link">
                      {t("reportWriting.openReport")}
                    </Link>
                  )}
                  {item.status === "returned" && (
                    <Typography.Text type="warning">
                      {t("myWork.returned")}: {item.returnedReason}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              key: "deliverable",
              title: t("plans.tasks.deliverable"),
              width: 140,
              render: (_, item) => deliverableLabel(item.task.deliverable, t),
            },
            { key: "unit", title: t("myWork.unit"), width: 220, render: (_, item) => item.unit.name },
          ]}
        />
      </Card>
    </>
  );
}
