import { Alert, Button, Card, Form, Input, Radio, Result, Spin, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import type { AnswerRequest } from "../../../contracts/delegate-answers";
import type { AnswerKind } from "../../../contracts/delegates";
import { useAnswer, useConfirmation } from "./api";

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", dateStyle: "full", timeStyle: "short" }) : "";

/**
 * The delegate's personal confirmation page (no sign-in: the link's token is the key): the conference, the answer on
 * record, and the three answers while confirmations are open; after the deadline the answer only.
 */
export function ConfirmPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const page = useConfirmation(token);
  const answer = useAnswer(token);
  const [kind, setKind] = useState<AnswerKind>("attending");
  const [form] = Form.useForm<{ reason?: string; substituteName?: string; substituteTitle?: string }>();
  const send = (v: { reason?: string; substituteName?: string; substituteTitle?: string }) => {
    const body: AnswerRequest =
      kind === "attending"
        ? { answer: "attending" }
        : kind === "absent"
          ? { answer: "absent", reason: v.reason ?? "" }
          : { answer: "substitute", substituteName: v.substituteName ?? "", substituteTitle: v.substituteTitle ?? "" };
    answer.mutate(body);
  };
  return (
    <div style={{ maxWidth: 640, margin: "24px auto", padding: 16 }}>
      {page.error && <Result status="warning" title={t("delegates.confirm.title")} subTitle={page.error.message} />}
      {!page.data && !page.error && <Spin />}
      {page.data && (
        <Card title={t("delegates.confirm.title")}>
          <Typography.Title level={4} data-testid="confirm-conference">
            {page.data.conference.title}
          </Typography.Title>
          <Typography.Paragraph>
            {t("delegates.confirm.greeting", { name: page.data.fullName })}
            {page.data.title ? ` — ${page.data.title}` : ""}
            {page.data.unitName ? `, ${page.data.unitName}` : ""}
          </Typography.Paragraph>
          <Typography.Paragraph>
            <b>{t("delegates.confirm.time")}:</b> {when(page.data.conference.startsAt)}
            <br />
            <b>{t("delegates.confirm.venue")}:</b> {page.data.conference.venue}
            {page.data.confirmBy && (
              <>
                <br />
                {t("delegates.confirm.deadline", { at: when(page.data.confirmBy) })}
              </>
            )}
          </Typography.Paragraph>
          {page.data.answer && (
            <Alert
              type="success"
              showIcon
              data-testid="confirm-current"
              data-answer={page.data.answer.answer}
              title={`${t("delegates.confirm.current")}: ${t(`delegates.answers.${page.data.answer.answer}`)}${page.data.answer.reason ? ` (${page.data.answer.reason})` : ""}${page.data.answer.substituteName ? ` — ${page.data.answer.substituteName}` : ""}`}
              description={page.data.open ? t("delegates.confirm.thanks") : undefined}
              style={{ marginBottom: 16 }}
            />
          )}
          {!page.data.open && <Alert type="warning" showIcon title={t("delegates.confirm.closed")} />}
          {answer.error && <Alert type="error" showIcon title={answer.error.message} style={{ marginBottom: 12 }} />}
          {page.data.open && (
            <Form form={form} layout="vertical" onFinish={send}>
              <Form.Item label={t("delegates.confirm.choose")}>
                <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as AnswerKind)} data-testid="confirm-kind">
                  <Radio value="attending" data-testid="confirm-attending">
                    {t("delegates.confirm.attending")}
                  </Radio>
                  <Radio value="absent" data-testid="confirm-absent">
                    {t("delegates.confirm.absent")}
                  </Radio>
                  <Radio value="substitute" data-testid="confirm-substitute">
                    {t("delegates.confirm.substitute")}
                  </Radio>
                </Radio.Group>
              </Form.Item>
              {kind === "absent" && (
                <Form.Item name="reason" label={t("delegates.confirm.reason")} rules={[{ required: true, whitespace: true }]}>
                  <Input.TextArea rows={2} data-testid="confirm-reason" />
                </Form.Item>
              )}
              {kind === "substitute" && (
                <>
                  <Form.Item name="substituteName" label={t("delegates.confirm.subName")} rules={[{ required: true, whitespace: true }]}>
                    <Input data-testid="confirm-sub-name" />
                  </Form.Item>
                  <Form.Item name="substituteTitle" label={t("delegates.confirm.subTitle")}>
                    <Input data-testid="confirm-sub-title" />
                  </Form.Item>
                </>
              )}
              <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="confirm-send">
                {t("delegates.confirm.send")}
              </Button>
            </Form>
          )}
        </Card>
      )}
    </div>
  );
}
