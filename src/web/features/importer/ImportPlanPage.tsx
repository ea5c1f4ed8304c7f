import { DownloadOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Form, Input, Row, Space, Tabs, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ImportResult, ZImportResult } from "../../../contracts/importer";
import type { ImportPlanResponse } from "../../../contracts/importer-preview";
import { searchKey } from "../../../domain/text/vietnamese";
import { saveBlob } from "../../app/api";
import { showError, showSuccess } from "../../app/notify";
import { CreateFromImportButton } from "../plans/CreateFromImportButton";
import { useImportPlan } from "./api";
import { DateField, type LocateApi, LocateContext, Located } from "./fields";
import { locate, piecesOf } from "./highlight";
import { ImportSourcePicker } from "./ImportSourcePicker";
import { AnnexesEditor, DeadlinesEditor, LegalBasesEditor, SpeechesEditor, TasksEditor } from "./ReviewLists";
import { ConferencesEditor, RecipientsAndSigner, SectionsEditor } from "./ReviewMore";
import { SourceView } from "./SourceView";

/** Which tab of the form edits the field at a path (`deadlines.0.raw` → deadlines). */
function tabOf(id: string): string {
  const head = id.split(".")[0];
  if (["legalBases", "annexes"].includes(head)) return "bases";
  if (["recipients", "signer"].includes(head)) return "closing";
  if (["deadlines", "tasks", "conferences", "speeches", "sections"].includes(head)) return head;
  return "general";
}

const fileNameFor = (result: ImportResult) =>
  `${
    searchKey(result.number ?? result.title ?? "ke-hoach")
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, 60) || "ke-hoach"
  }.json`;

/** Nhập kế hoạch: read a plan, review every recognised field beside the source, correct it, keep the reviewed JSON. */
export function ImportPlanPage() {
  const { t } = useTranslation();
  const read = useImportPlan();
  const [answer, setAnswer] = useState<ImportPlanResponse | null>(null);
  const [form] = Form.useForm<ImportResult>();
  const [tab, setTab] = useState("general");
  const [active, setActive] = useState<string | null>(null);
  const fieldScroll = useRef<string | null>(null);

  const found = useMemo(() => (answer ? locate(answer.sourceText, piecesOf(answer.result)) : []), [answer]);
  const locateApi: LocateApi = useMemo(
    () => ({
      found: new Set(found.map((f) => f.id)),
      active,
      showInSource: (id: string) => {
        setActive(id);
        document.querySelector(`.kh-hl[data-fields~="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
      },
    }),
    [found, active],
  );

  // A click in the source opens the field's tab; scroll once that tab has rendered the field.
  useEffect(() => {
    const id = fieldScroll.current;
    if (!id) return;
    const el = document.getElementById(`field-${id}`);
    if (!el) return;
    fieldScroll.current = null;
    el.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [tab, active]);

  const pickFromSource = (id: string) => {
    fieldScroll.current = id;
    setActive(id);
    setTab(tabOf(id));
  };

  /** The reviewed result, or null (with the reason shown) when a corrected field is invalid. */
  const reviewed = (): ImportResult | null => {
    if (!answer) return null;
    const parsed = ZImportResult.safeParse({ ...answer.result, ...form.getFieldsValue(true) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      showError(null, t("importPlan.invalid", { path: issue.path.join("."), message: issue.message }));
      return null;
    }
    return parsed.data;
  };

  const downloadReviewed = () => {
    const result = reviewed();
    if (!result) return;
    saveBlob(new Blob([JSON.stringify(result, null, 2)], { type: "application/json" }), fileNameFor(result));
    showSuccess(t("importPlan.downloaded"));
  };

  if (!answer) {
    return (
      <>
        <Typography.Title level={3} data-testid="page-title">
          {t("importPlan.title")}
        </Typography.Title>
        <ImportSourcePicker
          pending={read.isPending}
          error={read.error?.message ?? null}
          onRead={(source) =>
            read.mutate(source, {
              onSuccess: (res) => {
                setAnswer(res);
                setTab("general");
                setActive(null);
              },
            })
          }
        />
      </>
    );
  }

  return (
    <LocateContext.Provider value={locateApi}>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {t("importPlan.reviewTitle")}
        </Typography.Title>
        <Space>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              setAnswer(null);
              read.reset();
            }}
            data-testid="import-another"
          >
            {t("importPlan.another")}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={downloadReviewed} data-testid="import-download">
            {t("importPlan.download")}
          </Button>
          <CreateFromImportButton getResult={reviewed} />
        </Space>
      </Space>
      <Alert type="info" showIcon title={t("importPlan.saveLater")} style={{ marginBottom: 12 }} />
      {answer.result.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("importPlan.warnings")}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {answer.result.warnings.map((w, k) => (
                <li key={k}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={11}>
          <SourceView source={answer.sourceText} found={found} onPick={pickFromSource} />
        </Col>
        <Col xs={24} xl={13}>
          <Card styles={{ body: { maxHeight: "75vh", overflow: "auto" } }} title={t("importPlan.fields")}>
            <Form<ImportResult>
              form={form}
              layout="vertical"
              initialValues={answer.result}
              key={answer.sourceText.length + answer.result.title}
            >
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  {
                    key: "general",
                    label: t("importPlan.tabs.general"),
                    forceRender: true,
                    children: (
                      <>
                        <Form.Item
                          name="title"
                          label={<Located id="title">{t("importPlan.planTitle")}</Located>}
                          rules={[{ required: true, whitespace: true }]}
                        >
                          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="import-field-title" />
                        </Form.Item>
                        <Row gutter={8}>
                          <Col span={8}>
                            <Form.Item name="number" label={<Located id="number">{t("importPlan.number")}</Located>}>
                              <Input data-testid="import-field-number" />
                            </Form.Item>
                          </Col>
                          <Col span={4}>
                            <Form.Item name="kind" label={t("importPlan.kind")}>
                              <Input />
                            </Form.Item>
                          </Col>
                          <Col span={12}>
                            <Form.Item name="issuedOn" label={t("importPlan.issuedOn")}>
                              <DateField />
                            </Form.Item>
                          </Col>
                          <Col span={14}>
                            <Form.Item name="issuer" label={<Located id="issuer">{t("importPlan.issuer")}</Located>}>
                              <Input />
                            </Form.Item>
                          </Col>
                          <Col span={10}>
                            <Form.Item name="place" label={<Located id="place">{t("importPlan.place")}</Located>}>
                              <Input />
                            </Form.Item>
                          </Col>
                        </Row>
                      </>
                    ),
                  },
                  {
                    key: "deadlines",
                    label: t("importPlan.tabs.deadlines", { count: answer.result.deadlines.length }),
                    forceRender: true,
                    children: <DeadlinesEditor />,
                  },
                  {
                    key: "tasks",
                    label: t("importPlan.tabs.tasks", { count: answer.result.tasks.length }),
                    forceRender: true,
                    children: <TasksEditor />,
                  },
                  {
                    key: "conferences",
                    label: t("importPlan.tabs.conferences", { count: answer.result.conferences.length }),
                    forceRender: true,
                    children: <ConferencesEditor />,
                  },
                  {
                    key: "speeches",
                    label: t("importPlan.tabs.speeches", { count: answer.result.speeches.length }),
                    forceRender: true,
                    children: <SpeechesEditor />,
                  },
                  { key: "closing", label: t("importPlan.tabs.closing"), forceRender: true, children: <RecipientsAndSigner /> },
                  {
                    key: "bases",
                    label: t("importPlan.tabs.bases"),
                    forceRender: true,
                    children: (
                      <>
                        <LegalBasesEditor />
                        <Typography.Title level={5} style={{ marginTop: 16 }}>
                          {t("importPlan.annexes")}
                        </Typography.Title>
                        <AnnexesEditor />
                      </>
                    ),
                  },
                  { key: "sections", label: t("importPlan.tabs.sections"), forceRender: true, children: <SectionsEditor /> },
                ]}
              />
            </Form>
          </Card>
        </Col>
      </Row>
    </LocateContext.Provider>
  );
}
