import { DeleteOutlined } from "@ant-design/icons";
import { Alert, Button, Drawer, Form, List, Popconfirm, Select, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { UnitView } from "../../../contracts/organisations";
import type { User } from "../../../contracts/people";
import type { RoleName } from "../../../contracts/roles";
import { canManageUnit } from "../../app/access";
import { showSuccess } from "../../app/notify";
import { useSignedInUser } from "../../app/session";
import { UnitPicker } from "../organisations/UnitPicker";
import { useAddGrant, useRevokeGrant } from "./api";
import { roleOptions } from "./roles";

/** A user's roles, each on a unit and its whole subtree; grant and revoke within what the signed-in user manages. */
export function GrantsDrawer({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [form] = Form.useForm<{ unitId: string; role: RoleName }>();
  const add = useAddGrant();
  const revoke = useRevokeGrant();
  const allowed = (u: UnitView) => canManageUnit(me, u.path);
  return (
    <Drawer open={user !== null} size={520} title={t("users.grantsTitle", { name: user?.fullName })} onClose={onClose} forceRender>
      <Typography.Paragraph type="secondary">{t("users.grantsHelp")}</Typography.Paragraph>
      {(add.error ?? revoke.error) && (
        <Alert type="error" showIcon title={(add.error ?? revoke.error)?.message} style={{ marginBottom: 12 }} />
      )}
      <List
        bordered
        dataSource={user?.grants ?? []}
        locale={{ emptyText: t("users.noGrants") }}
        renderItem={(grant) => (
          <List.Item
            actions={[
              <Popconfirm
                key="revoke"
                title={t("users.revokeConfirm")}
                okText={t("users.revoke")}
                cancelText={t("common.cancel")}
                onConfirm={() =>
                  user &&
                  revoke.mutate(
                    { id: user.id, grantId: grant.id },
                    { onSuccess: () => showSuccess(t("users.revoked")), onError: () => undefined },
                  )
                }
              >
                <Button size="small" danger icon={<DeleteOutlined />}>
                  {t("users.revoke")}
                </Button>
              </Popconfirm>,
            ]}
          >
            <Space>
              <Tag>{t(`roles.${grant.role}`)}</Tag>
              {grant.unitName}
            </Space>
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t("users.addGrant")}
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          user &&
          add.mutate(
            { id: user.id, ...values },
            {
              onSuccess: () => {
                showSuccess(t("users.granted"));
                form.resetFields();
              },
              onError: () => undefined,
            },
          )
        }
      >
        <Form.Item name="unitId" label={t("users.unit")} rules={[{ required: true, message: t("users.unitRequired") }]}>
          <UnitPicker allowed={allowed} />
        </Form.Item>
        <Form.Item name="role" label={t("users.role")} rules={[{ required: true, message: t("users.roleRequired") }]}>
          <Select options={roleOptions(t, me.isAdmin)} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t("users.grant")}
        </Button>
      </Form>
    </Drawer>
  );
}
