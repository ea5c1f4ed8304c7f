import { InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Input, Tabs, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportSource } from "./api";

/** Upload a .docx/.txt/.md or paste the text of a plan. */
export function ImportSourcePicker({
  onRead,
  pending,
  error,
}: {
  onRead: (source: ImportSource) => void;
  pending: boolean;
  error: string | null;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t("importPlan.intro")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="import-error" />}
      <Tabs
        items={[
          {
            key: "file",
            label: t("importPlan.uploadTab"),
            children: (
              <Upload.Dragger
                accept=".docx,.txt,.md"
                multiple={false}
                showUploadList={false}
                disabled={pending}
                beforeUpload={(file) => {
                  onRead({ file });
                  return false;
                }}
                data-testid="import-upload"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{pending ? t("importPlan.reading") : t("importPlan.drop")}</p>
                <p className="ant-upload-hint">{t("importPlan.dropHint")}</p>
              </Upload.Dragger>
            ),
          },
          {
            key: "paste",
            label: t("importPlan.pasteTab"),
            children: (
              <>
                <Input.TextArea
                  rows={14}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  placeholder={t("importPlan.pastePlaceholder")}
                  data-testid="import-paste"
                />
                <Button
                  type="primary"
                  style={{ marginTop: 12 }}
                  disabled={!text.trim()}
                  loading={pending}
                  onClick={() => onRead({ fileName: "van-ban-dan.txt", text })}
                  data-testid="import-paste-read"
                >
                  {t("importPlan.read")}
                </Button>
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
