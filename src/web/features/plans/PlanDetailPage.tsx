import { Alert, Card, Descriptions, Result, Space, Spin, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { ApiError } from "../../app/api";
import { formatDate } from "../../i18n/index";
import { PlanConferencesTab } from "../conferences/PlanConferencesTab";
import { BoardPanel } from "../tracking/BoardPanel";
import { usePlan } from "./api";
import { planStatusColors, planStatusLabel } from "./labels";
import { PlanActions } from "./PlanActions";
import { PlanContentTab } from "./PlanContentTab";
import { PlanHistoryTab } from "./PlanHistoryTab";
import { PlanTasksTab } from "./PlanTasksTab";

const tabs = ["content", "tasks", "conferences", "board", "history"] as const;
type Tab = (typeof tabs)[number];

/** /plans/:id[/tasks|board|history]. One plan: its text, tasks, tracking board and amendments, with the actions its state allows. */
export function PlanDetailPage() {
  const { t } = useTranslation();
  const { id = "", tab: tabParam } = useParams();
  const navigate = useNavigate();
  const plan = usePlan(id);
  const location = useLocation();
  // Warnings handed over by "create from import" (unmatched unit names) until the user closes them.
  const fromImport = (location.state as { warnings?: string[] } | null)?.warnings;
  const [notice, setNotice] = useState<{ title: string; items: string[] } | null>(() =>
    fromImport?.length ? { title: t("plans.fromImport.warnings"), items: fromImport } : null,
  );
  const asked: Tab = (tabs as readonly string[]).includes(tabParam ?? "") ? (tabParam as Tab) : "content";

  if (plan.isPending) return <Spin />;
  if (!plan.data) {
    const missing = plan.error instanceof ApiError && (plan.error.status === 404 || plan.error.status === 403);
    return (
      <Result
        status={missing ? "404" : "error"}
        title={plan.error?.message ?? t("errors.unexpected")}
        extra={<Link to="/plans">{t("plans.backToList")}</Link>}
      />
    );
  }
  const p = plan.data;
  // A reader whose units owe nothing in the plan may not open its board: no tab that would only say "no permission".
  const tab: Tab = asked === "board" && !p.canTrack ? "content" : asked;
  return (
    <>
      <Space style={{ width: "100%", justifyContent: "space-between", alignItems: "flex-start" }} wrap>
        <Space orientation="vertical" size={4}>
          <Link to="/plans">{t("plans.backToList")}</Link>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
            {p.title}
          </Typography.Title>
          <Space wrap>
            <Tag color={planStatusColors[p.status]} data-testid="plan-status" data-status={p.status}>
              {planStatusLabel(p.status, t)}
            </Tag>
            {p.number && <Typography.Text>{t("plans.numberPrefix", { number: p.number })}</Typography.Text>}
          </Space>
        </Space>
        <PlanActions
          plan={p}
          onIssued={(warnings) => {
            setNotice(warnings.length ? { title: t("plans.actions.issueWarnings"), items: warnings } : null);
            void navigate(`/plans/${p.id}/board`);
          }}
        />
      </Space>
      {notice && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setNotice(null)}
          style={{ marginTop: 12 }}
          title={notice.title}
          description={
            <ul style={{ margin: 0 }} data-testid="plan-notice">
              {notice.items.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      <Card size="small" style={{ marginTop: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: "issuer", label: t("plans.issuer"), children: <span data-testid="plan-issuer">{p.issuerName}</span> },
            { key: "issuedOn", label: t("plans.issuedOn"), children: formatDate(p.issuedOn) || "—" },
            { key: "layout", label: t("plans.layout"), children: t(`plans.layouts.${p.layout}`) },
            {
              key: "parent",
              label: t("plans.parentPlan"),
              children: p.parent ? (
                <Link to={`/plans/${p.parent.id}`} data-testid="plan-parent-link">
                  {p.parent.number ? `${p.parent.number} · ${p.parent.title}` : p.parent.title}
                </Link>
              ) : (
                "—"
              ),
            },
            {
              key: "children",
              label: t("plans.childPlans"),
              span: 2,
              children:
                p.children.length > 0 ? (
                  <Space wrap data-testid="plan-children">
                    {p.children.map((c) => (
                      <Link key={c.id} to={`/plans/${c.id}`}>
                        {c.issuerName}: {c.number ?? c.title}
                      </Link>
                    ))}
                  </Space>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      </Card>
      <Tabs
        style={{ marginTop: 8 }}
        activeKey={tab}
        onChange={(key) => void navigate(key === "content" ? `/plans/${p.id}` : `/plans/${p.id}/${key}`)}
        items={[
          {
            key: "content",
            label: <span data-testid="tab-content">{t("plans.tabs.content")}</span>,
            children: <PlanContentTab plan={p} />,
          },
          {
            key: "tasks",
            label: <span data-testid="tab-tasks">{t("plans.tabs.tasks", { count: p.tasks.length })}</span>,
            children: <PlanTasksTab plan={p} />,
          },
          {
            key: "conferences",
            label: <span data-testid="tab-conferences">{t("conferences.title")}</span>,
            children: <PlanConferencesTab planId={p.id} />,
          },
          ...(p.canTrack
            ? [
                {
                  key: "board",
                  label: <span data-testid="tab-board">{t("plans.tabs.board")}</span>,
                  children: <BoardPanel planId={p.id} planStatus={p.status} />,
                },
              ]
            : []),
          {
            key: "history",
            label: <span data-testid="tab-history">{t("plans.tabs.history")}</span>,
            children: <PlanHistoryTab planId={p.id} />,
          },
        ]}
      />
    </>
  );
}
