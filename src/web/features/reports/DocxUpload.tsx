import { UploadOutlined } from "@ant-design/icons";
import { Alert, Button, type ButtonProps, List, Modal, Select, Space, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type DocxPreview, reportEndpoints, type UnitReport } from "../../../contracts/reports";
import { call } from "../../app/api";
import { showError, showSuccess } from "../../app/notify";
import { usePreviewDocx, useSaveSections } from "./api";
import { clearDraft } from "./drafts";

type Doc = { type?: string; content?: unknown[] };

/**
 * "Tải lên .docx": the file's headings matched to the form, shown before anything is saved; the unit places the
 * blocks that matched nothing (or leaves them out), sees the headings still empty, and confirms. Blocks placed on
 * one heading are joined in file order; a heading filled from the file replaces what was written there.
 */
export function DocxUpload({ report, onPlaced }: { report: UnitReport; onPlaced: () => void }) {
  const { t } = useTranslation();
  const preview = usePreviewDocx(report.obligationId);
  const save = useSaveSections(report.obligationId);
  const [result, setResult] = useState<DocxPreview | null>(null);
  const [placing, setPlacing] = useState<Array<string | null>>([]);
  const headings = report.form.headings;
  const label = (id: string) => {
    const h = headings.find((x) => x.id === id);
    return h ? `${h.number}. ${h.heading}` : "";
  };

  const confirm = async () => {
    if (!result) return;
    // Versions as the server has them now: the editors have autosaved since the page opened.
    const current = await call(reportEndpoints.getUnitReport, { params: { id: report.obligationId } }).catch(() => report);
    const joined = new Map<string, unknown[]>();
    result.blocks.forEach((b, i) => {
      const to = placing[i];
      if (to) joined.set(to, [...(joined.get(to) ?? []), ...((b.doc as Doc).content ?? [])]);
    });
    const version = (id: string) => current.sections.find((s) => s.headingId === id)?.version ?? 0;
    const sections = [...joined].map(([headingId, content]) => ({ headingId, version: version(headingId), doc: { type: "doc", content } }));
    save.mutate(sections, {
      onSuccess: async () => {
        await Promise.all(sections.map((s) => clearDraft(report.obligationId, s.headingId)));
        showSuccess(t("reportWriting.docx.placed", { count: sections.length }));
        setResult(null);
        onPlaced();
      },
      onError: (e) => showError(e, t("errors.unexpected")),
    });
  };

  const unmatched = result?.blocks.filter((b) => !b.headingId).length ?? 0;
  return (
    <>
      <Upload
        accept=".docx"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          preview.mutate(file, {
            onSuccess: (r) => {
              setResult(r);
              setPlacing(r.blocks.map((b) => b.headingId));
            },
            onError: (e) => showError(e, t("errors.unexpected")),
          });
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={preview.isPending} data-testid="report-docx-upload">
          {t("reportWriting.docx.upload")}
        </Button>
      </Upload>
      <Modal
        open={result !== null}
        width={860}
        title={t("reportWriting.docx.title", { file: result?.fileName ?? "" })}
        okText={t("reportWriting.docx.confirm")}
        cancelText={t("reportWriting.docx.cancel")}
        okButtonProps={{ "data-testid": "report-docx-confirm", disabled: !placing.some(Boolean), loading: save.isPending } as ButtonProps}
        cancelButtonProps={{ "data-testid": "report-docx-cancel" } as ButtonProps}
        onOk={() => void confirm()}
        onCancel={() => setResult(null)}
      >
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Alert type={unmatched ? "warning" : "info"} showIcon title={t("reportWriting.docx.summary", { unmatched })} />
          <List
            data-testid="report-docx-blocks"
            dataSource={result?.blocks ?? []}
            renderItem={(b, i) => (
              <List.Item data-testid={b.headingId ? "docx-block-matched" : "docx-block-unmatched"}>
                <Space orientation="vertical" style={{ width: "100%" }} size={2}>
                  <Typography.Text strong>{b.title}</Typography.Text>
                  <Typography.Text type="secondary" ellipsis>
                    {b.excerpt || t("reportWriting.docx.emptyBlock")}
                  </Typography.Text>
                  <Select
                    style={{ width: "100%" }}
                    value={placing[i] ?? ""}
                    data-testid="docx-block-heading"
                    aria-label={t("reportWriting.docx.placeUnder")}
                    options={[
                      { value: "", label: t("reportWriting.docx.leaveOut") },
                      ...headings.map((h) => ({ value: h.id, label: `${"\u00a0\u00a0".repeat(h.depth)}${h.number}. ${h.heading}` })),
                    ]}
                    onChange={(v: string) => setPlacing((p) => p.map((x, k) => (k === i ? v || null : x)))}
                  />
                </Space>
              </List.Item>
            )}
          />
          {result && result.emptyHeadingIds.length > 0 && (
            <Alert
              type="info"
              data-testid="report-docx-empty-headings"
              title={t("reportWriting.docx.emptyHeadings")}
              description={result.emptyHeadingIds.map(label).join("; ")}
            />
          )}
        </Space>
      </Modal>
    </>
  );
}
