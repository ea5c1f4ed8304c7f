import { Alert, Card, Col, Result, Row, Space, Spin, Tag, Tree, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import type { ReportHeading, UnitReport } from "../../../contracts/reports";
import { valueProblems } from "../../../domain/reports/rules";
import { ApiError } from "../../app/api";
import { showError, showSuccess } from "../../app/notify";
import { useSaveValues, useUnitReport } from "./api";
import { DocxUpload } from "./DocxUpload";
import { IndicatorInputs } from "./IndicatorInputs";
import { SectionComments } from "./SectionComments";
import { SectionEditor } from "./SectionEditor";

type TreeItem = { key: string; title: string; children: TreeItem[] };

function outlineTree(headings: readonly ReportHeading[]): TreeItem[] {
  const byParent = new Map<string | null, TreeItem[]>();
  for (const h of headings) {
    const item = { key: h.id, title: `${h.number}. ${h.heading}`, children: [] as TreeItem[] };
    byParent.set(h.parentId, [...(byParent.get(h.parentId) ?? []), item]);
  }
  const attach = (items: TreeItem[]): TreeItem[] => items.map((i) => ({ ...i, children: attach(byParent.get(i.key) ?? []) }));
  return attach(byParent.get(null) ?? []);
}

/** The unit's values as typed (not yet saved) over the saved ones. */
function useValueDraft(report: UnitReport) {
  const [typed, setTyped] = useState(new Map<string, number | null>());
  const values = useMemo(() => {
    const all = new Map(report.values.map((v) => [v.indicatorId, v.value]));
    for (const [k, v] of typed) all.set(k, v);
    return all;
  }, [report.values, typed]);
  const problems = useMemo(() => {
    const entered = new Map([...values].filter((e): e is [string, number] => e[1] !== null));
    return valueProblems(report.form.indicators, entered);
  }, [report.form.indicators, values]);
  return { typed, setTyped, values, problems };
}

function Body({ report }: { report: UnitReport }) {
  const { t } = useTranslation();
  const [generation, setGeneration] = useState(0);
  const draft = useValueDraft(report);
  const saveValues = useSaveValues(report.obligationId);
  const sectionOf = (id: string) =>
    report.sections.find((s) => s.headingId === id) ?? {
      headingId: id,
      doc: { type: "doc", content: [{ type: "paragraph" }] },
      version: 0,
      updatedAt: null,
    };
  const save = () =>
    saveValues.mutate(
      { version: report.version, values: [...draft.typed].map(([indicatorId, value]) => ({ indicatorId, value })) },
      {
        onSuccess: () => {
          draft.setTyped(new Map());
          showSuccess(t("reportWriting.values.saved"));
        },
        onError: (e) => showError(e, t("errors.unexpected")),
      },
    );
  return (
    <Row gutter={16}>
      <Col xs={24} lg={7}>
        <Card size="small" title={t("reportWriting.outline")} style={{ position: "sticky", top: 8 }}>
          <Tree
            data-testid="report-outline"
            defaultExpandAll
            selectable
            treeData={outlineTree(report.form.headings)}
            onSelect={([key]) => document.getElementById(`heading-${String(key)}`)?.scrollIntoView({ behavior: "smooth" })}
          />
        </Card>
      </Col>
      <Col xs={24} lg={17}>
        <Space orientation="vertical" size={12} style={{ width: "100%" }} key={generation}>
          {report.canEdit && <DocxUpload report={report} onPlaced={() => setGeneration((g) => g + 1)} />}
          {report.form.headings.map((h) => {
            const indicators = report.form.indicators.filter((i) => i.headingId === h.id);
            return (
              <Card
                key={h.id}
                id={`heading-${h.id}`}
                size="small"
                data-testid="report-heading"
                data-number={h.number}
                title={<span style={{ paddingLeft: h.depth * 16 }}>{`${h.number}. ${h.heading}`}</span>}
              >
                <Space orientation="vertical" style={{ width: "100%" }} size={8}>
                  {h.guidance && (
                    <Typography.Paragraph type="secondary" style={{ whiteSpace: "pre-wrap", margin: 0 }} data-testid="report-guidance">
                      {h.guidance}
                    </Typography.Paragraph>
                  )}
                  <SectionComments obligationId={report.obligationId} headingId={h.id} />
                  <SectionEditor obligationId={report.obligationId} section={sectionOf(h.id)} editable={report.canEdit} />
                  {indicators.length > 0 && (
                    <IndicatorInputs
                      indicators={indicators}
                      values={draft.values}
                      problems={draft.problems}
                      editable={report.canEdit}
                      saving={saveValues.isPending}
                      dirty={draft.typed.size > 0}
                      onChange={(id, v) => draft.setTyped((m) => new Map(m).set(id, v))}
                      onSave={save}
                    />
                  )}
                </Space>
              </Card>
            );
          })}
        </Space>
      </Col>
    </Row>
  );
}

/** "Báo cáo": a unit writes its report along the form of the task, heading by heading, numbers beside the text. */
export function ReportWritingPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const query = useUnitReport(id);
  if (query.isPending) return <Spin />;
  if (!query.data) {
    const missing = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 403);
    return (
      <Result
        status={missing ? "404" : "error"}
        title={query.error?.message ?? t("errors.unexpected")}
        extra={<Link to={`/obligations/${id}`}>{t("reportWriting.backToObligation")}</Link>}
      />
    );
  }
  const report = query.data;
  return (
    <>
      <Space orientation="vertical" size={4} style={{ marginBottom: 12 }}>
        <Link to={`/obligations/${id}`}>{t("reportWriting.backToObligation")}</Link>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {t("reportWriting.title", { unit: report.unit.name })}
        </Typography.Title>
        <Space wrap>
          <Tag data-testid="report-obligation-status">{t(`obligations.status.${report.obligationStatus}`)}</Tag>
          <Link to={`/obligations/${id}`} data-testid="report-submit-link">
            {t("reportWriting.submitLink")}
          </Link>
        </Space>
      </Space>
      {!report.canEdit && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("reportWriting.readOnly")} />}
      <Body report={report} />
    </>
  );
}
