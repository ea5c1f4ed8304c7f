import { Alert, Breadcrumb, Space, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { usePlan } from "../plans/api";
import { useReportForm } from "./form-api";
import { ReportFormCreate } from "./ReportFormCreate";
import { ReportFormEditor } from "./ReportFormEditor";

/**
 * The form builder of a report task (đề cương + biểu mẫu): made from the plan's outline, another plan's form or
 * empty, then edited (headings, guidance, indicators with their rules). Only the plan's managers reach it; the
 * server checks every edit and its refusals are shown as they come, in Vietnamese.
 */
export function ReportFormPage() {
  const { t } = useTranslation();
  const { planId = "", taskId = "" } = useParams();
  const plan = usePlan(planId);
  const form = useReportForm(taskId);
  const error = plan.error ?? form.error;
  if (error) return <Alert type="error" showIcon title={(error as Error).message} data-testid="report-form-load-error" />;
  if (!plan.data || form.data === undefined) return <Spin />;
  const task = plan.data.tasks.find((x) => x.id === taskId);
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="report-form-page">
      <Breadcrumb
        items={[
          { title: <Link to="/plans">{t("nav.plans")}</Link> },
          { title: <Link to={`/plans/${planId}/tasks`}>{plan.data.title}</Link> },
          { title: t("reportForm.title") },
        ]}
      />
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("reportForm.title")}
        </Typography.Title>
        {task && (
          <Typography.Text type="secondary" data-testid="report-form-task">
            {task.what}
          </Typography.Text>
        )}
      </div>
      {form.data === null ? (
        plan.data.canManage ? (
          <ReportFormCreate plan={plan.data} taskId={taskId} />
        ) : (
          <Alert type="info" showIcon title={t("reportForm.none")} data-testid="report-form-none" />
        )
      ) : (
        <ReportFormEditor taskId={taskId} form={form.data} />
      )}
    </Space>
  );
}
