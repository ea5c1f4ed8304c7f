import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import type { SignInRequest } from "../../../contracts/auth";
import { HOME_PATH } from "../../app/sections";
import { useMe, useSignIn } from "../../app/session";

export function SignInPage() {
  const { t } = useTranslation();
  const { me } = useMe();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? HOME_PATH;
  if (me) return <Navigate to={from} replace />;

  return (
    <div style={{ minHeight: "100vh", display: "grid", placeItems: "center", background: "#f5f0eb" }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: "center" }}>
          {t("app.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
          {t("signIn.subtitle")}
        </Typography.Paragraph>
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
      </Card>
    </div>
  );
}
