import { KeyOutlined, LogoutOutlined, MenuOutlined, ScanOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Button, Drawer, Dropdown, Layout, Menu, Segmented, Space, Spin } from "antd";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { ChangePasswordDialog } from "../features/auth/ChangePasswordDialog";
import { NotificationBell } from "../features/notifications/NotificationBell";
import { changeLanguage, type Language } from "../i18n/index";
import { useIsPhone } from "./responsive";
import { sectionsFor } from "./sections";
import { useSignedInUser, useSignOut } from "./session";

const HEADER_BACKGROUND = "#8b1414";

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

/** The user's name (only the avatar on a phone), unit, password change and sign-out. */
function UserMenu({ compact }: { compact: boolean }) {
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
            { key: "name", label: me.fullName, disabled: true },
            { key: "unit", label: me.unitName, disabled: true },
            { type: "divider" },
            // The door check-in page (its own full-screen app, installable): door staff and organisers go there.
            { key: "door", icon: <ScanOutlined />, label: <span data-testid="menu-door">{t("layout.door")}</span> },
            {
              key: "password",
              icon: <KeyOutlined />,
              label: (
                <span data-testid="menu-change-password" data-safe-action="dialog">
                  {t("layout.changePassword")}
                </span>
              ),
            },
            { key: "signOut", icon: <LogoutOutlined />, label: <span data-testid="menu-sign-out">{t("layout.signOut")}</span> },
          ],
          onClick: ({ key }) => {
            if (key === "door") void navigate("/door");
            if (key === "password") setChanging(true);
            if (key === "signOut") signOut.mutate(undefined, { onSettled: () => void navigate("/sign-in") });
          },
        }}
      >
        <Button
          type="text"
          data-testid="user-menu"
          data-safe-action="view"
          style={{ color: "inherit", paddingInline: compact ? 4 : undefined }}
        >
          <Space>
            <Avatar size="small" icon={<UserOutlined />} />
            {!compact && (
              <span data-testid="current-user" style={{ whiteSpace: "nowrap" }}>
                {me.fullName}
              </span>
            )}
          </Space>
        </Button>
      </Dropdown>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}

/** The sections this user may open, as a menu; `onOpen` runs after a choice (the phone's drawer closes). */
function Navigation({ onOpen }: { onOpen?: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const location = useLocation();
  const navigate = useNavigate();
  const shown = sectionsFor(me);
  const active = shown.find((s) => location.pathname.startsWith(s.path))?.key;
  return (
    <Menu
      mode="inline"
      data-testid="main-nav"
      selectedKeys={active ? [active] : []}
      style={{ height: "100%", paddingTop: 8, borderInlineEnd: "none" }}
      items={shown.map((s) => ({
        key: s.key,
        icon: s.icon,
        label: <span data-testid={`nav-${s.key}`}>{t(s.labelKey)}</span>,
        onClick: () => {
          onOpen?.();
          void navigate(s.path);
        },
      }))}
    />
  );
}

/**
 * The frame of every signed-in page: header, navigation, content. The content takes every pixel the
 * navigation leaves (and never pushes the page wider than the window: wide tables scroll inside it). On a
 * phone the navigation is a drawer opened from the header.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const location = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        data-testid="app-header"
        style={{
          display: "flex",
          alignItems: "center",
          gap: phone ? 8 : 16,
          background: HEADER_BACKGROUND,
          color: "#fff",
          paddingInline: phone ? 8 : 20,
        }}
      >
        {phone && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t("layout.openMenu")}
            onClick={() => setDrawerOpen(true)}
            style={{ color: "#fff" }}
            data-testid="nav-open"
          />
        )}
        <div
          data-testid="app-title"
          style={{
            flex: "1 1 auto",
            minWidth: 0,
            fontSize: phone ? 18 : 20,
            lineHeight: "32px",
            fontWeight: 600,
            whiteSpace: "nowrap",
            overflow: "hidden",
            textOverflow: "ellipsis",
          }}
        >
          {t("app.title")}
        </div>
        <Space size={phone ? 4 : "middle"} style={{ flex: "none" }}>
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu compact={phone} />
        </Space>
      </Layout.Header>
      <Layout hasSider={!phone}>
        {phone ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={t("layout.menu")}
            size={260}
            styles={{ body: { padding: 0 } }}
            data-testid="nav-drawer"
          >
            <Navigation onOpen={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={56} data-testid="app-sider">
            <Navigation />
          </Layout.Sider>
        )}
        {/* data-path changes with the page it shows (after its code has loaded): browser tests wait on it. */}
        <Layout.Content data-testid="app-content" data-path={location.pathname} style={{ padding: phone ? 12 : 20, minWidth: 0 }}>
          <Suspense fallback={<Spin style={{ display: "block", marginTop: 48 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
