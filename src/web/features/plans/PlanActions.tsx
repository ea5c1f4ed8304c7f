import { CheckCircleOutlined, FileWordOutlined, MailOutlined, StopOutlined } from "@ant-design/icons";
import { Button, Popconfirm, Space, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanDetail } from "../../../contracts/plans";
import { showError, showSuccess } from "../../app/notify";
import { downloadPlanDocx, downloadUrgingLetter, useClosePlan, useIssuePlan } from "./api";

/** Ban hành, Đóng, Tải .docx, Công văn đôn đốc: what the plan's state and the user's rights allow. */
export function PlanActions({ plan, onIssued }: { plan: PlanDetail; onIssued: (warnings: string[], created: number) => void }) {
  const { t } = useTranslation();
  const issue = useIssuePlan();
  const close = useClosePlan();
  // The urging letter is for units that are late or were sent back; with none, the server has nothing to write.
  const nothingLate = plan.counts.overdue + plan.counts.returned === 0;
  const [downloading, setDownloading] = useState<"docx" | "urging" | null>(null);
  const fetchFile = (kind: "docx" | "urging") => {
    setDownloading(kind);
    (kind === "docx" ? downloadPlanDocx(plan) : downloadUrgingLetter(plan))
      .catch((error: unknown) => showError(error, t("errors.unexpected")))
      .finally(() => setDownloading(null));
  };
  return (
    <Space wrap data-testid="plan-actions">
      {plan.canManage && plan.status === "draft" && (
        <Popconfirm
          title={t("plans.actions.issueConfirm")}
          description={t("plans.actions.issueHelp")}
          okText={t("plans.actions.issue")}
          cancelText={t("common.cancel")}
          okButtonProps={{ ...({ "data-testid": "plan-issue-confirm" } as object) }}
          onConfirm={() =>
            issue.mutate(
              { id: plan.id, version: plan.version },
              {
                onSuccess: (answer) => {
                  showSuccess(t("plans.actions.issued", { count: answer.obligationsCreated }));
                  onIssued(answer.warnings, answer.obligationsCreated);
                },
                onError: (e) => showError(e, t("errors.unexpected")),
              },
            )
          }
        >
          <Button type="primary" icon={<CheckCircleOutlined />} loading={issue.isPending} data-testid="plan-issue">
            {t("plans.actions.issue")}
          </Button>
        </Popconfirm>
      )}
      {plan.canManage && plan.status === "issued" && (
        <Popconfirm
          title={t("plans.actions.closeConfirm")}
          okText={t("plans.actions.close")}
          cancelText={t("common.cancel")}
          onConfirm={() =>
            close.mutate(
              { id: plan.id, version: plan.version },
              { onSuccess: () => showSuccess(t("plans.actions.closed")), onError: (e) => showError(e, t("errors.unexpected")) },
            )
          }
        >
          <Button icon={<StopOutlined />} loading={close.isPending} data-testid="plan-close">
            {t("plans.actions.close")}
          </Button>
        </Popconfirm>
      )}
      <Button
        icon={<FileWordOutlined />}
        loading={downloading === "docx"}
        onClick={() => fetchFile("docx")}
        data-testid="plan-docx"
        data-safe-action="download"
      >
        {t("plans.actions.docx")}
      </Button>
      {plan.canManage && plan.status === "issued" && (
        <Tooltip title={nothingLate ? t("plans.actions.urgingNothingLate") : undefined}>
          <Button
            icon={<MailOutlined />}
            loading={downloading === "urging"}
            disabled={nothingLate}
            onClick={() => fetchFile("urging")}
            data-testid="plan-urging-letter"
            data-safe-action="download"
          >
            {t("plans.actions.urgingLetter")}
          </Button>
        </Tooltip>
      )}
    </Space>
  );
}
