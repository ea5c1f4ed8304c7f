import { Alert, Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { UnitView } from "../../../contracts/organisations";
import type { User } from "../../../contracts/people";
import type { RoleName } from "../../../contracts/roles";
import { canManageUnit } from "../../app/access";
import { showSuccess } from "../../app/notify";
import { useSignedInUser } from "../../app/session";
import { buttonProps } from "../../components/testId";
import { UnitPicker } from "../organisations/UnitPicker";
import { useCreateUser, useUpdateUser } from "./api";
import { roleOptions } from "./roles";

interface Values {
  username: string;
  fullName: string;
  unitId: string;
  password: string;
  role?: RoleName;
}

/** New user (with an optional first role on their own unit) or edit of name and unit. */
export function UserFormDialog({ user, open, onClose }: { user: User | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const error = create.error ?? update.error;
  const allowed = (u: UnitView) => canManageUnit(me, u.path);

  useEffect(() => {
    if (!open) return;
    create.reset();
    update.reset();
    form.resetFields();
    if (user) form.setFieldsValue({ fullName: user.fullName, unitId: user.unitId });
    else form.setFieldsValue({ role: "member" });
    // Reset only when the dialog opens.
  }, [open]);

  const done = (text: string) => () => {
    showSuccess(text);
    onClose();
  };
  const submit = (v: Values) => {
    if (user) {
      update.mutate(
        { id: user.id, fullName: v.fullName, unitId: v.unitId, version: user.version },
        { onSuccess: done(t("users.saved")), onError: () => undefined },
      );
      return;
    }
    create.mutate(
      {
        username: v.username,
        fullName: v.fullName,
        unitId: v.unitId,
        password: v.password,
        grants: v.role ? [{ unitId: v.unitId, role: v.role }] : [],
      },
      { onSuccess: done(t("users.created")), onError: () => undefined },
    );
  };

  return (
    <Modal
      open={open}
      title={user ? t("users.editTitle", { name: user.fullName }) : t("users.create")}
      okText={user ? t("common.save") : t("common.create")}
      cancelText={t("common.cancel")}
      okButtonProps={buttonProps("user-form-submit")}
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} data-testid="user-form-error" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {!user && (
          <Form.Item
            name="username"
            label={t("users.username")}
            extra={t("users.usernameHelp")}
            rules={[{ required: true, pattern: /^[a-z0-9._-]{3,64}$/, message: t("users.usernameInvalid") }]}
          >
            <Input autoComplete="off" data-testid="user-form-username" />
          </Form.Item>
        )}
        <Form.Item
          name="fullName"
          label={t("users.fullName")}
          rules={[{ required: true, whitespace: true, message: t("users.fullNameRequired") }]}
        >
          <Input maxLength={200} data-testid="user-form-full-name" />
        </Form.Item>
        <Form.Item name="unitId" label={t("users.unit")} rules={[{ required: true, message: t("users.unitRequired") }]}>
          <UnitPicker allowed={allowed} testId="user-form-unit" />
        </Form.Item>
        {!user && (
          <>
            <Form.Item name="password" label={t("users.password")} rules={[{ required: true, min: 8, message: t("password.tooShort") }]}>
              <Input.Password autoComplete="new-password" data-testid="user-form-password" />
            </Form.Item>
            <Form.Item name="role" label={t("users.firstRole")} extra={t("users.firstRoleHelp")}>
              <Select allowClear options={roleOptions(t, me.isAdmin)} data-testid="user-form-role" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
