import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Progress, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { PlanSummary } from "../../../contracts/plans";
import { useSignedInUser } from "../../app/session";
import { ResponsiveTable } from "../../components/ResponsiveTable";
import { formatDate } from "../../i18n/index";
import { type PlanStatusFilter, usePlans } from "./api";
import { CreatePlanDialog } from "./CreatePlanDialog";
import { planStatusColors, planStatuses, planStatusLabel } from "./labels";

/** Kế hoạch: every plan the user may read, filtered by status, and a new draft. */
export function PlansPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [status, setStatus] = useState<PlanStatusFilter>(undefined);
  const [creating, setCreating] = useState(false);
  const plans = usePlans(status);
  const mayCreate = me.isAdmin || me.grants.some((g) => g.role === "manager");
  return (
    <>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {t("plans.title")}
        </Typography.Title>
        {mayCreate && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="plan-create"
            data-safe-action="dialog"
          >
            {t("plans.create")}
          </Button>
        )}
      </Space>
      <Card>
        <Segmented<string>
          style={{ marginBottom: 12, maxWidth: "100%", overflowX: "auto" }}
          value={status ?? "all"}
          data-testid="plan-status-filter"
          options={[
            { value: "all", label: t("plans.allStatuses") },
            ...planStatuses.map((s) => ({ value: s, label: planStatusLabel(s, t) })),
          ]}
          onChange={(value) => setStatus(value === "all" ? undefined : (value as PlanStatusFilter))}
        />
        <ResponsiveTable<PlanSummary>
          rowKey="id"
          cardTitleKey="title"
          scroll={{ x: 900 }}
          size="middle"
          loading={plans.isFetching}
          dataSource={plans.data?.plans ?? []}
          pagination={{ pageSize: 20 }}
          data-testid="plans-table"
          locale={{ emptyText: t("plans.empty") }}
          columns={[
            {
              key: "status",
              title: t("plans.statusLabel"),
              dataIndex: "status",
              width: 120,
              render: (s: PlanSummary["status"]) => <Tag color={planStatusColors[s]}>{planStatusLabel(s, t)}</Tag>,
            },
            { key: "number", title: t("plans.number"), dataIndex: "number", width: 120, render: (n: string | null) => n ?? "—" },
            {
              key: "title",
              title: t("plans.planTitle"),
              dataIndex: "title",
              render: (title: string, plan) => (
                <Link to={`/plans/${plan.id}`} data-testid="plan-link">
                  {title}
                </Link>
              ),
            },
            { key: "issuer", title: t("plans.issuer"), dataIndex: "issuerName", width: 200 },
            {
              key: "issuedOn",
              title: t("plans.issuedOn"),
              dataIndex: "issuedOn",
              width: 110,
              render: (d: string | null) => formatDate(d) || "—",
            },
            {
              key: "progress",
              title: t("plans.progress"),
              width: 150,
              render: (_, plan) =>
                plan.counts.expected > 0 ? (
                  <Progress
                    size="small"
                    percent={Math.round(plan.counts.completeness * 100)}
                    status={plan.counts.overdue > 0 ? "exception" : "normal"}
                  />
                ) : (
                  "—"
                ),
            },
          ]}
        />
      </Card>
      <CreatePlanDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
