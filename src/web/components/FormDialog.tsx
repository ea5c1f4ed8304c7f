import { Alert, Modal } from "antd";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { buttonProps } from "./testId";

/** What the dialog needs of a save mutation (TanStack Query's create or update). */
interface SaveMutation {
  error: Error | null;
  isPending: boolean;
  reset: () => void;
}

/**
 * The frame of a create-or-edit dialog: "Tạo"/"Lưu" and "Hủy", the first save error above the form, and on each
 * opening the mutations' old errors and the form's old values cleared before `onOpen` fills it. The form is rendered
 * while closed too (forceRender), so `form` is connected when the dialog opens.
 */
export function FormDialog({
  open,
  onClose,
  form,
  mutations,
  onOpen,
  editing,
  title,
  width,
  submitTestId,
  errorTestId,
  children,
}: {
  open: boolean;
  onClose: () => void;
  form: { resetFields: () => void; submit: () => void };
  mutations: SaveMutation[];
  /** Fills the emptied form each time the dialog opens. */
  onOpen?: () => void;
  /** An existing record is edited: the button says "Lưu" instead of "Tạo". */
  editing: boolean;
  title: ReactNode;
  width: number;
  submitTestId: string;
  errorTestId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const error = mutations.find((m) => m.error)?.error;
  useEffect(() => {
    if (!open) return;
    for (const m of mutations) m.reset();
    form.resetFields();
    onOpen?.();
    // Reset only when the dialog opens.
  }, [open]);
  return (
    <Modal
      open={open}
      width={width}
      title={title}
      okText={editing ? t("common.save") : t("common.create")}
      cancelText={t("common.cancel")}
      okButtonProps={buttonProps(submitTestId)}
      confirmLoading={mutations.some((m) => m.isPending)}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} data-testid={errorTestId} />}
      {children}
    </Modal>
  );
}
