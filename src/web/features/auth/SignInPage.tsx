import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import type { SignInRequest } from "../../../contracts/auth";
import { useMe, useSignIn } from "../../app/session";

export function SignInPage() {
  const { t } = useTranslation();
  const { me } = useMe();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  // "/" decides where a fresh sign-in lands (door-only accounts at their door list).
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  if (me) return <Navigate to={from} replace />;

  return (
    <div style={{ minHeight: "100vh", display: "grid", placeItems: "center", background: "#f5f0eb" }}>
      {/* A plain panel and headings, not antd's Card and Typography: they bring Tabs, Tooltip and TextArea to the first load. */}
      <div
        style={{
          width: "min(380px, calc(100vw - 24px))",
          padding: 24,
          background: "#fff",
          borderRadius: 8,
          boxShadow: "0 1px 2px rgba(0,0,0,0.08)",
        }}
        data-testid="sign-in-panel"
      >
        <h1 style={{ textAlign: "center", fontSize: 24, fontWeight: 600, margin: "0 0 8px" }}>{t("app.title")}</h1>
        <p style={{ textAlign: "center", color: "rgba(0,0,0,0.45)", margin: "0 0 16px" }}>{t("signIn.subtitle")}</p>
        {signIn.error && (
          <Alert type="error" showIcon title={signIn.error.message} style={{ marginBottom: 16 }} data-testid="sign-in-error" />
        )}
        <Form<SignInRequest>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => signIn.mutate(values, { onSuccess: () => void navigate(from, { replace: true }) })}
        >
          <Form.Item name="username" label={t("signIn.username")} rules={[{ required: true, message: t("signIn.usernameRequired") }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="sign-in-username" />
          </Form.Item>
          <Form.Item name="password" label={t("signIn.password")} rules={[{ required: true, message: t("signIn.passwordRequired") }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="sign-in-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={signIn.isPending} data-testid="sign-in-submit">
            {t("signIn.submit")}
          </Button>
        </Form>
      </div>
    </div>
  );
}
