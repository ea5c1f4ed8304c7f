import { FileWordOutlined, StopOutlined } from "@ant-design/icons";
import { Button, Popconfirm, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanDetail } from "../../../contracts/plans";
import { showError, showSuccess } from "../../app/notify";
import { downloadPlanDocx, useClosePlan, useIssuePlan } from "./api";
import { IssueButton } from "./IssueDialog";
import { UrgingLetterButton } from "./UrgingLetterDialog";

/** Ban hành, Đóng, Tải .docx, Công văn đôn đốc: what the plan's state and the user's rights allow. */
export function PlanActions({ plan, onIssued }: { plan: PlanDetail; onIssued: (warnings: string[], created: number) => void }) {
  const { t } = useTranslation();
  const issue = useIssuePlan();
  const close = useClosePlan();
  const [downloading, setDownloading] = useState<"docx" | null>(null);
  const fetchFile = (kind: "docx") => {
    setDownloading(kind);
    downloadPlanDocx(plan)
      .catch((error: unknown) => showError(error, t("errors.unexpected")))
      .finally(() => setDownloading(null));
  };
  return (
    <Space wrap data-testid="plan-actions">
      {plan.canManage && plan.status === "draft" && <IssueButton plan={plan} issue={issue} onIssued={onIssued} />}
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
      {plan.canManage && plan.status === "issued" && <UrgingLetterButton plan={plan} />}
    </Space>
  );
}
