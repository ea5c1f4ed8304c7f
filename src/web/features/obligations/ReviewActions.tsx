import { CheckOutlined, RollbackOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Input, Modal, Popconfirm, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ObligationDetail } from "../../../contracts/obligations";
import { showError, showSuccess } from "../../app/notify";
import { buttonProps } from "../../components/testId";
import { useAccept, useReturn } from "./api";

/** The plan's manager returns a submission with a reason, or accepts it; both carry the version they saw. */
export function ReviewActions({ obligation }: { obligation: ObligationDetail }) {
  const { t } = useTranslation();
  const accept = useAccept();
  const giveBack = useReturn();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const close = () => {
    setReturning(false);
    setReason("");
    giveBack.reset();
  };
  return (
    <Card size="small" title={t("obligations.review.title")} data-testid="review-actions">
      <Space>
        <Popconfirm
          title={t("obligations.review.acceptConfirm")}
          okText={t("obligations.review.accept")}
          cancelText={t("common.cancel")}
          okButtonProps={buttonProps("review-accept-confirm")}
          onConfirm={() =>
            accept.mutate(
              { id: obligation.id, version: obligation.version },
              { onSuccess: () => showSuccess(t("obligations.review.accepted")), onError: (e) => showError(e, t("errors.unexpected")) },
            )
          }
        >
          <Button type="primary" icon={<CheckOutlined />} loading={accept.isPending} data-testid="review-accept">
            {t("obligations.review.accept")}
          </Button>
        </Popconfirm>
        <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="review-return" data-safe-action="dialog">
          {t("obligations.review.return")}
        </Button>
      </Space>
      <Modal
        open={returning}
        title={t("obligations.review.returnTitle")}
        okText={t("obligations.review.return")}
        cancelText={t("common.cancel")}
        okButtonProps={{ ...buttonProps("review-return-confirm"), danger: true, disabled: !reason.trim() }}
        confirmLoading={giveBack.isPending}
        onCancel={close}
        onOk={() =>
          giveBack.mutate(
            { id: obligation.id, reason: reason.trim(), version: obligation.version },
            {
              onSuccess: () => {
                showSuccess(t("obligations.review.returned"));
                close();
              },
              onError: () => undefined,
            },
          )
        }
      >
        {giveBack.error && <Alert type="error" showIcon title={giveBack.error.message} style={{ marginBottom: 12 }} />}
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoSize={{ minRows: 3 }}
          maxLength={5000}
          placeholder={t("obligations.review.reasonPlaceholder")}
          data-testid="review-return-reason"
        />
      </Modal>
    </Card>
  );
}
