import { InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Input, Tabs, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportSource } from "./api";

/** File types the importer reads (the server's IMPORT_EXTENSIONS); scans and photos go through OCR. */
export const IMPORT_ACCEPT = ".docx,.pdf,.png,.jpg,.jpeg,.txt,.md";
const OCR_TYPES = /\.(?:pdf|png|jpe?g)$/iu;

/** Upload a .docx/.pdf/.png/.jpg/.txt/.md or paste the text of a plan. */
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
  const [scan, setScan] = useState(false);
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
                accept={IMPORT_ACCEPT}
                multiple={false}
                showUploadList={false}
                disabled={pending}
                beforeUpload={(file) => {
                  setScan(OCR_TYPES.test(file.name));
                  onRead({ file });
                  return false;
                }}
                data-testid="import-upload"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">
                  {pending ? t(scan ? "importPlan.readingScan" : "importPlan.reading") : t("importPlan.drop")}
                </p>
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
