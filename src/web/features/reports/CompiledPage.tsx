import { Alert, App, Button, Card, Col, Input, Menu, Row, Select, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router-dom";
import { showError, showSuccess } from "../../app/notify";
import { CompiledHeadingPanel } from "./CompiledHeading";
import { CompiledNumbers } from "./CompiledNumbers";
import { CompiledUnits } from "./CompiledUnits";
import { CompiledStatusTag, CompiledUpwardNotice } from "./CompiledUpward";
import { exportDocx, exportXlsx, isReady, markFinal, useCompileAction, useCompiledView } from "./compile-api";

/**
 * The compiled view of a report task at a level (the plan's issuer, or `?unitId=`): the headings on the left, each
 * heading's unit texts side by side with the level's compiled draft, the units' reports to review, the numbers,
 * and the level's actions (exports, mark final).
 */
export function CompiledPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { id = "" } = useParams();
  const [search] = useSearchParams();
  const unitId = search.get("unitId") ?? undefined;
  const [below, setBelow] = useState<string | undefined>();
  const [q, setQ] = useState("");
  const [headingId, setHeadingId] = useState<string | undefined>();
  const view = useCompiledView(id, { unitId, below, q });
  const final = useCompileAction((version: number) => markFinal(id, { unitId, version }));
  const data = view.data;
  if (view.error && !data) return <Alert type="error" showIcon title={(view.error as Error).message} data-testid="compiled-error" />;
  if (!data) return <Spin />;
  if (!isReady(data))
    return <Alert type="info" showIcon title={t("reportCompile.noForm", { level: data.level.name })} data-testid="compiled-no-form" />;
  const current = data.headings.find((h) => h.headingId === headingId) ?? data.headings[0];
  const heading = data.form.headings.find((h) => h.id === current?.headingId);
  const confirmFinal = () =>
    modal.confirm({
      title: t("reportCompile.markFinal"),
      content: t("reportCompile.markFinalConfirm"),
      okButtonProps: { ...({ "data-testid": "compiled-final-ok" } as object) },
      onOk: () =>
        final
          .mutateAsync(data.report.version)
          .then((r) =>
            showSuccess(t(r.submittedObligationId ? "reportCompile.finalSent" : "reportCompile.finalDone", { number: r.documentNumber })),
          )
          .catch((error) => showError(error, t("reportCompile.markFinal"))),
    });
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="compiled-page">
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("reportCompile.title", { level: data.level.name })} <CompiledStatusTag report={data.report} />
        </Typography.Title>
        <Space wrap>
          <Button
            onClick={() => exportDocx(id, unitId).catch((e) => showError(e, t("reportCompile.exportDocx")))}
            data-testid="compiled-export-docx"
          >
            {t("reportCompile.exportDocx")}
          </Button>
          <Button
            onClick={() => exportXlsx(id, unitId).catch((e) => showError(e, t("reportCompile.exportXlsx")))}
            data-testid="compiled-export-xlsx"
          >
            {t("reportCompile.exportXlsx")}
          </Button>
          {data.report.canEdit && (
            <Button type="primary" onClick={confirmFinal} loading={final.isPending} data-testid="compiled-final" data-safe-action="dialog">
              {t("reportCompile.markFinal")}
            </Button>
          )}
        </Space>
      </Space>
      <CompiledUpwardNotice upward={data.upward} />
      <CompiledUnits taskId={id} view={data} />
      <Card size="small">
        <Space wrap>
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            style={{ minWidth: 260 }}
            placeholder={t("reportCompile.filterUnit")}
            value={below}
            onChange={setBelow}
            options={data.units.map((u) => ({ value: u.unitId, label: u.unitName }))}
            data-testid="compiled-filter-unit"
          />
          <Input.Search
            allowClear
            style={{ minWidth: 320 }}
            placeholder={t("reportCompile.search")}
            onSearch={setQ}
            data-testid="compiled-search"
          />
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Card size="small" title={t("reportCompile.headings")}>
            <Menu
              mode="inline"
              selectedKeys={current ? [current.headingId] : []}
              onClick={({ key }) => setHeadingId(key)}
              data-testid="compiled-headings"
              items={data.form.headings.map((h) => ({
                key: h.id,
                label: `${h.number} ${h.heading}`,
                style: { paddingLeft: 12 + h.depth * 16 },
                "data-testid": "compiled-heading-item",
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} md={18}>
          {current && heading && (
            <CompiledHeadingPanel key={current.headingId} taskId={id} unitId={unitId} view={data} heading={heading} compiled={current} />
          )}
        </Col>
      </Row>
      <CompiledNumbers view={data} />
    </Space>
  );
}
