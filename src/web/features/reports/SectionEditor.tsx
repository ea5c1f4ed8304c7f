import { Alert, Button, Col, Row, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ReportSection } from "../../../contracts/reports";
import { RichTextEditor } from "./RichTextEditor";
import { type SaveStatus, useSectionAutosave } from "./useSectionAutosave";

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, "0");
/** "10:42" in Vietnam time. */
const clock = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + VIETNAM_OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

function StatusLine({ status, savedAt, refusal }: { status: SaveStatus; savedAt: string | null; refusal: string }) {
  const { t } = useTranslation();
  if (status === "saving") return <Typography.Text type="secondary">{t("reportWriting.status.saving")}</Typography.Text>;
  if (status === "offline") return <Typography.Text type="warning">{t("reportWriting.status.offline")}</Typography.Text>;
  if (status === "refused")
    return (
      <Typography.Text type="danger">
        {refusal} {t("reportWriting.status.keptLocally")}
      </Typography.Text>
    );
  if (status === "conflict") return <Typography.Text type="danger">{t("reportWriting.status.conflict")}</Typography.Text>;
  if (savedAt) return <Typography.Text type="secondary">{t("reportWriting.status.savedAt", { time: clock(savedAt) })}</Typography.Text>;
  return <Typography.Text type="secondary">{t("reportWriting.status.empty")}</Typography.Text>;
}

/** One heading's text: the editor, its autosave status line, and both copies side by side after a conflict. */
export function SectionEditor({ obligationId, section, editable }: { obligationId: string; section: ReportSection; editable: boolean }) {
  const { t } = useTranslation();
  const s = useSectionAutosave(obligationId, section, editable);
  const testId = `section-${section.headingId}`;
  if (!s.ready) return null;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={4}>
      {s.conflict ? (
        <Alert
          type="error"
          showIcon
          data-testid={`${testId}-conflict`}
          title={t("reportWriting.conflict.title")}
          description={
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t("reportWriting.conflict.server")}</Typography.Text>
                <RichTextEditor
                  key={`server-${s.conflict.version}`}
                  initial={s.conflict.doc}
                  editable={false}
                  testId={`${testId}-server`}
                />
                <Button style={{ marginTop: 6 }} data-testid={`${testId}-take-server`} onClick={s.takeServer}>
                  {t("reportWriting.conflict.takeServer")}
                </Button>
              </Col>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t("reportWriting.conflict.mine")}</Typography.Text>
                <RichTextEditor key={`mine-${s.conflict.version}`} initial={s.doc} editable={false} testId={`${testId}-mine`} />
                <Button type="primary" style={{ marginTop: 6 }} data-testid={`${testId}-keep-mine`} onClick={s.keepMine}>
                  {t("reportWriting.conflict.keepMine")}
                </Button>
              </Col>
            </Row>
          }
        />
      ) : (
        <RichTextEditor
          key={s.editorKey}
          initial={s.doc}
          editable={editable}
          onChange={s.change}
          testId={testId}
          ariaLabel={t("reportWriting.editor.label")}
        />
      )}
      {editable && (
        <div data-testid={`${testId}-status`} data-status={s.status}>
          <StatusLine status={s.status} savedAt={s.savedAt} refusal={s.refusal} />
        </div>
      )}
    </Space>
  );
}
