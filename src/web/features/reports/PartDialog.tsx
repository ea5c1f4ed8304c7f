import { Alert, Form, Modal } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportForm } from "../../../contracts/reports";
import { showSuccess } from "../../app/notify";
import { buttonProps } from "../../components/testId";

/** What the form's editor hands a heading's or an indicator's dialog: `edit` is null while it is closed. */
export interface PartDialogProps<E> {
  taskId: string;
  form: ReportForm;
  edit: E | null;
  onClose: () => void;
}

/**
 * The dialog around a report form's heading or indicator: Save checks the fields, then `write`s them; the server's
 * refusal (or `check`'s, before anything is sent) stays under the form until the next try or the next `edit`.
 */
export function PartDialog<V>({
  edit,
  title,
  okTestId,
  width,
  startValues,
  saving,
  check,
  write,
  onClose,
  children,
}: {
  /** What is being added or changed; each new one fills the fields afresh. */
  edit: object | null;
  title: string;
  okTestId: string;
  width?: number;
  /** The fields' values for `edit`. */
  startValues: () => Partial<V>;
  saving: boolean;
  /** A reason to refuse the values without sending them, or null. */
  check?: (values: V) => string | null;
  write: (values: V) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [fields] = Form.useForm<V>();
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (!edit) return;
    setRefusal(null);
    fields.setFieldsValue(startValues());
  }, [edit, fields]);

  const save = async () => {
    const values = await fields.validateFields();
    setRefusal(null);
    const refused = check?.(values) ?? null;
    if (refused) return setRefusal(refused);
    try {
      await write(values);
      showSuccess(t("reportForm.saved"));
      onClose();
    } catch (error) {
      setRefusal((error as Error).message);
    }
  };

  return (
    <Modal
      open={edit !== null}
      title={title}
      onCancel={onClose}
      onOk={save}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      okButtonProps={buttonProps(okTestId)}
      width={width}
      destroyOnHidden
    >
      <Form form={fields} layout="vertical">
        {children}
      </Form>
      {refusal && <Alert type="error" showIcon title={refusal} data-testid="report-form-dialog-error" />}
    </Modal>
  );
}
