import { CheckOutlined } from "@ant-design/icons";
import { Alert, Button, type ButtonProps, Input, Modal, Popconfirm } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { showError, showSuccess } from "../../app/notify";
import { buttonProps } from "../../components/testId";
import { useAccept, useReturn } from "./api";

/** The submission a reviewer acts on, with the version they saw. */
interface Reviewed {
  id: string;
  version: number;
}

/**
 * Accepts a submission after a confirmation, wherever a reviewer sees it (the obligation page, a conference's
 * program). `testId` names the button, `testId-confirm` the confirmation's OK.
 */
export function AcceptButton({
  obligation,
  testId,
  size,
  children,
}: {
  obligation: Reviewed;
  testId: string;
  size?: ButtonProps["size"];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const accept = useAccept();
  return (
    <Popconfirm
      title={t("obligations.review.acceptConfirm")}
      okText={t("obligations.review.accept")}
      cancelText={t("common.cancel")}
      okButtonProps={buttonProps(`${testId}-confirm`)}
      onConfirm={() =>
        accept.mutate(
          { id: obligation.id, version: obligation.version },
          { onSuccess: () => showSuccess(t("obligations.review.accepted")), onError: (e) => showError(e, t("errors.unexpected")) },
        )
      }
    >
      <Button size={size} type="primary" icon={<CheckOutlined />} loading={accept.isPending} data-testid={testId}>
        {children}
      </Button>
    </Popconfirm>
  );
}

/**
 * Returns a submission with the reason the unit must read; the refusal of the server stays in the dialog.
 * `testId-reason` names the reason's box, `testId-confirm` the dialog's OK.
 */
export function ReturnDialog({
  obligation,
  open,
  onClose,
  testId,
}: {
  obligation: Reviewed;
  open: boolean;
  onClose: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const giveBack = useReturn();
  const [reason, setReason] = useState("");
  const close = () => {
    setReason("");
    giveBack.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t("obligations.review.returnTitle")}
      okText={t("obligations.review.return")}
      cancelText={t("common.cancel")}
      okButtonProps={{ ...buttonProps(`${testId}-confirm`), danger: true, disabled: !reason.trim() }}
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
        data-testid={`${testId}-reason`}
      />
    </Modal>
  );
}
