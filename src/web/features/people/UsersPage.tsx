import { EditOutlined, KeyOutlined, PlusOutlined, SafetyOutlined } from "@ant-design/icons";
import { Button, Card, Input, Space, Switch, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../../contracts/people";
import { canManageUnit } from "../../app/access";
import { showSuccess } from "../../app/notify";
import { useSignedInUser } from "../../app/session";
import { formatDate } from "../../i18n/index";
import { useUnits } from "../organisations/api";
import { UnitPicker } from "../organisations/UnitPicker";
import { useUpdateUser, useUsers } from "./api";
import { GrantsDrawer } from "./GrantsDrawer";
import { SetPasswordDialog } from "./SetPasswordDialog";
import { UserFormDialog } from "./UserFormDialog";

const roleColors = { admin: "red", manager: "volcano", member: "blue", viewer: "default" } as const;

/** Người dùng: list and search, create, edit, roles, password reset, activate/deactivate. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [q, setQ] = useState("");
  const [unitId, setUnitId] = useState<string | undefined>();
  const [includeInactive, setIncludeInactive] = useState(false);
  const users = useUsers({ q, unitId, includeInactive });
  const units = useUnits().data?.units;
  const pathOf = useMemo(() => new Map((units ?? []).map((u) => [u.id, u.path])), [units]);
  const manages = (user: User) => {
    const path = pathOf.get(user.unitId);
    return path !== undefined && canManageUnit(me, path);
  };
  const update = useUpdateUser();
  const [editing, setEditing] = useState<User | null | "new">(null);
  const [grantsOf, setGrantsOf] = useState<User | null>(null);
  const [passwordOf, setPasswordOf] = useState<User | null>(null);
  const mayCreate = me.isAdmin || me.grants.some((g) => g.role === "manager");
  const current = grantsOf ? (users.data?.users.find((u) => u.id === grantsOf.id) ?? grantsOf) : null;

  return (
    <>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {t("users.title")}
        </Typography.Title>
        {mayCreate && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing("new")}
            data-testid="user-create"
            data-safe-action="dialog"
          >
            {t("users.create")}
          </Button>
        )}
      </Space>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t("users.search")}
            onSearch={setQ}
            style={{ width: 280, maxWidth: "100%" }}
            data-testid="user-search"
          />
          <div style={{ width: 320, maxWidth: "100%" }}>
            <UnitPicker value={unitId} onChange={setUnitId} placeholder={t("users.filterUnit")} />
          </div>
          <Space>
            <Switch checked={includeInactive} onChange={setIncludeInactive} />
            {t("users.includeInactive")}
          </Space>
        </Space>
        <Table<User>
          rowKey="id"
          size="middle"
          loading={users.isFetching}
          dataSource={users.data?.users ?? []}
          pagination={{ pageSize: 20 }}
          data-testid="users-table"
          scroll={{ x: 1100 }}
          columns={[
            { title: t("users.username"), dataIndex: "username" },
            { title: t("users.fullName"), dataIndex: "fullName" },
            { title: t("users.unit"), dataIndex: "unitName" },
            {
              title: t("users.roles"),
              render: (_, user) =>
                user.grants.map((g) => (
                  <Tag key={g.id} color={roleColors[g.role]}>
                    {t(`roles.${g.role}`)} · {g.unitName}
                  </Tag>
                )),
            },
            {
              title: t("users.status"),
              render: (_, user) => (
                <Switch
                  checked={user.active}
                  disabled={!manages(user) || user.id === me.id}
                  checkedChildren={t("users.active")}
                  unCheckedChildren={t("users.inactive")}
                  loading={update.isPending && update.variables?.id === user.id}
                  onChange={(active) =>
                    update.mutate(
                      { id: user.id, active, version: user.version },
                      { onSuccess: () => showSuccess(active ? t("users.activated") : t("users.deactivated")) },
                    )
                  }
                />
              ),
            },
            { title: t("users.createdAt"), dataIndex: "createdAt", render: (value: string) => formatDate(value), width: 120 },
            {
              title: "",
              width: 150,
              render: (_, user) =>
                manages(user) && (
                  <Space>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      title={t("users.edit")}
                      onClick={() => setEditing(user)}
                      data-testid="user-edit"
                      data-safe-action="dialog"
                    />
                    <Button
                      size="small"
                      icon={<SafetyOutlined />}
                      title={t("users.grants")}
                      onClick={() => setGrantsOf(user)}
                      data-testid="user-grants"
                      data-safe-action="dialog"
                    />
                    <Button
                      size="small"
                      icon={<KeyOutlined />}
                      title={t("users.setPassword")}
                      onClick={() => setPasswordOf(user)}
                      data-testid="user-set-password"
                      data-safe-action="dialog"
                    />
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <UserFormDialog user={editing === "new" ? null : editing} open={editing !== null} onClose={() => setEditing(null)} />
      <GrantsDrawer user={current} onClose={() => setGrantsOf(null)} />
      <SetPasswordDialog user={passwordOf} onClose={() => setPasswordOf(null)} />
    </>
  );
}
