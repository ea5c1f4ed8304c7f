import { KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Button, Dropdown, Layout, Menu, Segmented, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { ChangePasswordDialog } from "../features/auth/ChangePasswordDialog";
import { NotificationBell } from "../features/notifications/NotificationBell";
import { changeLanguage, type Language } from "../i18n/index";
import { sections } from "./sections";
import { useSignedInUser, useSignOut } from "./session";

function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <Segmented<Language>
      data-testid="language-switch"
      size="small"
      value={i18n.language === "en" ? "en" : "vi"}
      options={[
        { label: "VI", value: "vi" },
        { label: "EN", value: "en" },
      ]}
      onChange={(value) => void changeLanguage(value)}
    />
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);
  return (
    <>
      <Dropdown
        trigger={["click"]}
        menu={{
          items: [
            { key: "unit", label: me.unitName, disabled: true },
            { type: "divider" },
            { key: "password", icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t("layout.changePassword")}</span> },
            { key: "signOut", icon: <LogoutOutlined />, label: <span data-testid="menu-sign-out">{t("layout.signOut")}</span> },
          ],
          onClick: ({ key }) => {
            if (key === "password") setChanging(true);
            if (key === "signOut") signOut.mutate(undefined, { onSettled: () => void navigate("/sign-in") });
          },
        }}
      >
        <Button type="text" data-testid="user-menu" style={{ color: "inherit" }}>
          <Space>
            <Avatar size="small" icon={<UserOutlined />} />
            <span data-testid="current-user">{me.fullName}</span>
          </Space>
        </Button>
      </Dropdown>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}

/** The frame of every signed-in page: header, left navigation, content. */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const active = sections.find((s) => location.pathname.startsWith(s.path))?.key;
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{ display: "flex", alignItems: "center", justifyContent: "space-between", background: "#8b1414", paddingInline: 20 }}
      >
        <Typography.Title level={4} style={{ color: "#fff", margin: 0 }}>
          {t("app.title")}
        </Typography.Title>
        <Space size="middle" style={{ color: "#fff" }}>
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu />
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={56}>
          <Menu
            mode="inline"
            data-testid="main-nav"
            selectedKeys={active ? [active] : []}
            style={{ height: "100%", paddingTop: 8 }}
            items={sections.map((s) => ({
              key: s.key,
              icon: s.icon,
              label: <span data-testid={`nav-${s.key}`}>{t(s.labelKey)}</span>,
              onClick: () => void navigate(s.path),
            }))}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 20, overflow: "auto" }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
