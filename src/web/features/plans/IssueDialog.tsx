import { CheckCircleOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Modal, Spin, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanDetail } from "../../../contracts/plans";
import { showError, showSuccess } from "../../app/notify";
import { type useIssuePlan, useIssuePreview } from "./api";

/**
 * Ban hành: first what issuing will do (N obligations for M units, deadlines already past, proposed deadlines
 * not checked) and what still blocks it; the confirm button stays disabled while anything blocks.
 */
export function IssueButton({
  plan,
  issue,
  onIssued,
}: {
  plan: PlanDetail;
  /** Owned by the parent, which stays mounted when the issued plan replaces this button (so onSuccess still runs). */
  issue: ReturnType<typeof useIssuePlan>;
  onIssued: (warnings: string[], created: number) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const preview = useIssuePreview(plan.id, plan.version, open);
  const p = preview.data;
  const blocked = !p || p.blockers.length > 0;
  const confirm = () =>
    issue.mutate(
      { id: plan.id, version: plan.version },
      {
        onSuccess: (answer) => {
          setOpen(false);
          showSuccess(t("plans.actions.issued", { count: answer.obligationsCreated }));
          onIssued(answer.warnings, answer.obligationsCreated);
        },
        onError: (e) => showError(e, t("errors.unexpected")),
      },
    );
  return (
    <>
      <Button
        type="primary"
        icon={<CheckCircleOutlined />}
        loading={issue.isPending}
        onClick={() => setOpen(true)}
        data-testid="plan-issue"
        data-safe-action="dialog"
      >
        {t("plans.actions.issue")}
      </Button>
      <Modal
        open={open}
        title={t("plans.actions.issueConfirm")}
        onCancel={() => setOpen(false)}
        okText={t("plans.actions.issue")}
        cancelText={t("common.cancel")}
        onOk={confirm}
        confirmLoading={issue.isPending}
        okButtonProps={{ disabled: blocked, ...({ "data-testid": "plan-issue-confirm" } as object) }}
        destroyOnHidden
      >
        {preview.isLoading && <Spin />}
        {preview.error && <Alert type="error" showIcon title={preview.error.message} />}
        {p && (
          <div data-testid="issue-preview">
            <Typography.Paragraph>{t("plans.actions.issueHelp")}</Typography.Paragraph>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t("plans.issuePreview.obligations")}>
                <span data-testid="issue-preview-obligations">
                  {t("plans.issuePreview.obligationsValue", { count: p.obligations, units: p.units })}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t("plans.issuePreview.tasks")}>{p.tasks}</Descriptions.Item>
              <Descriptions.Item label={t("plans.issuePreview.past")}>{p.pastDeadlines}</Descriptions.Item>
            </Descriptions>
            {p.blockers.length > 0 && (
              <Alert
                type="error"
                showIcon
                style={{ marginTop: 12 }}
                title={t("plans.issuePreview.blocked")}
                description={
                  <ul data-testid="issue-preview-blockers">
                    {p.blockers.map((b) => (
                      <li key={b}>{b}</li>
                    ))}
                  </ul>
                }
              />
            )}
            {p.warnings.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 12 }}
                title={t("plans.warnings")}
                description={
                  <ul>
                    {p.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                }
              />
            )}
          </div>
        )}
      </Modal>
    </>
  );
}
