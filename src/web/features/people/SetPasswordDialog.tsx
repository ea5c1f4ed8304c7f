import { Alert, Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { User } from "../../../contracts/people";
import { showSuccess } from "../../app/notify";
import { useSetPassword } from "./api";

/** A manager sets a new password for someone who forgot theirs; their sessions end. */
export function SetPasswordDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ newPassword: string }>();
  const setPassword = useSetPassword();
  const close = () => {
    form.resetFields();
    setPassword.reset();
    onClose();
  };
  return (
    <Modal
      open={user !== null}
      title={t("users.setPasswordTitle", { name: user?.fullName })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={setPassword.isPending}
      onCancel={close}
      onOk={() => form.submit()}
      forceRender
    >
      {setPassword.error && <Alert type="error" showIcon title={setPassword.error.message} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={({ newPassword }) =>
          user &&
          setPassword.mutate(
            { id: user.id, newPassword },
            {
              onSuccess: () => {
                showSuccess(t("users.passwordSet"));
                close();
              },
              onError: () => undefined,
            },
          )
        }
      >
        <Form.Item
          name="newPassword"
          label={t("password.new")}
          extra={t("users.setPasswordHelp")}
          rules={[{ required: true, min: 8, message: t("password.tooShort") }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
