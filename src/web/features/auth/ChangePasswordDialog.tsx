import { useMutation } from "@tanstack/react-query";
import { Alert, Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { ChangePasswordRequest } from "../../../contracts/auth";
import { authEndpoints } from "../../../contracts/auth";
import { call } from "../../app/api";
import { showSuccess } from "../../app/notify";

type Values = z.infer<typeof ChangePasswordRequest> & { confirm: string };

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) =>
      call(authEndpoints.changePassword, { body: { currentPassword, newPassword } }),
    onError: () => undefined,
  });
  const close = () => {
    form.resetFields();
    change.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t("password.title")}
      okText={t("password.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={change.isPending}
      onCancel={close}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {change.error && <Alert type="error" showIcon title={change.error.message} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          change.mutate(values, {
            onSuccess: () => {
              showSuccess(t("password.done"));
              close();
            },
          })
        }
      >
        <Form.Item
          name="currentPassword"
          label={t("password.current")}
          rules={[{ required: true, message: t("password.currentRequired") }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item name="newPassword" label={t("password.new")} rules={[{ required: true, min: 8, message: t("password.tooShort") }]}>
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("password.confirm")}
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: t("password.confirmRequired") },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                value === getFieldValue("newPassword") ? Promise.resolve() : Promise.reject(new Error(t("password.mismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
