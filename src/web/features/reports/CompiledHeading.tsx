import { Button, Card, Col, Empty, Row, Space, Tag, Typography } from "antd";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { CompiledHeading } from "../../../contracts/report-compile";
import type { ReportHeading } from "../../../contracts/reports";
import { showError, showSuccess } from "../../app/notify";
import { CompiledDraft } from "./CompiledDraft";
import { CompiledUpwardComments } from "./CompiledUpward";
import { pick, type ReadyView, useCompileAction } from "./compile-api";

type Section = CompiledHeading["sections"][number];

interface Props {
  taskId: string;
  unitId?: string;
  view: ReadyView;
  heading: ReportHeading;
  compiled: CompiledHeading;
}

/** One heading: every unit's text side by side (missing units flagged), each pickable, and the level's draft of it. */
export function CompiledHeadingPanel({ taskId, unitId, view, heading, compiled }: Props) {
  const { t } = useTranslation();
  const picking = useCompileAction((input: { section: Section; selection?: string }) =>
    pick(taskId, {
      ...(unitId ? { unitId } : {}),
      headingId: heading.id,
      obligationId: input.section.obligationId,
      ...(input.selection ? { selection: input.selection } : {}),
      version: compiled.compiled?.version ?? 0,
    }),
  );
  const run = (section: Section, selection?: string) =>
    picking
      .mutateAsync({ section, selection })
      .then(() => showSuccess(t("reportCompile.picked", { unit: section.unitName })))
      .catch((error) => showError(error, t("reportCompile.pick")));
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }} data-testid="compiled-heading">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {heading.number} {heading.heading}
      </Typography.Title>
      {heading.guidance && <Typography.Paragraph type="secondary">{heading.guidance}</Typography.Paragraph>}
      <CompiledUpwardComments upward={view.upward} headingId={heading.id} />
      {compiled.missing.length > 0 && (
        <Space wrap data-testid="compiled-missing">
          {compiled.missing.map((m) => (
            <Tag key={m.unitId} color="red" data-testid="compiled-missing-unit">
              {m.unitName}: {t("reportCompile.missing")}
            </Tag>
          ))}
        </Space>
      )}
      {view.report.canEdit && <Typography.Text type="secondary">{t("reportCompile.pickHelp")}</Typography.Text>}
      {compiled.sections.length === 0 ? (
        <Empty description={t("reportCompile.noText")} />
      ) : (
        <Row gutter={[12, 12]}>
          {compiled.sections.map((s) => (
            <Col key={s.obligationId} xs={24} lg={12} xl={8}>
              <UnitText section={s} canPick={view.report.canEdit} busy={picking.isPending} onPick={(selection) => run(s, selection)} />
            </Col>
          ))}
        </Row>
      )}
      <CompiledDraft taskId={taskId} unitId={unitId} headingId={heading.id} compiled={compiled.compiled} editable={view.report.canEdit} />
    </Space>
  );
}

interface UnitTextProps {
  section: Section;
  canPick: boolean;
  busy: boolean;
  onPick: (selection?: string) => void;
}

/** A unit's text under the heading; picking takes the text selected inside it, or the whole section. */
function UnitText({ section, canPick, busy, onPick }: UnitTextProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const selected = () => {
    const selection = window.getSelection();
    const text = selection?.toString().trim();
    if (!selection || !text || !box.current || !selection.anchorNode || !box.current.contains(selection.anchorNode)) return undefined;
    return text;
  };
  return (
    <Card
      size="small"
      title={section.unitName}
      data-testid="compiled-unit-text"
      extra={
        canPick && (
          // Read the selection on mouse down, before the click moves the focus and clears it.
          <Button
            size="small"
            loading={busy}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(selected())}
            data-testid="compiled-pick"
          >
            {t("reportCompile.pick")}
          </Button>
        )
      }
    >
      <div ref={box} style={{ whiteSpace: "pre-wrap" }} data-testid="compiled-unit-body">
        {section.text}
      </div>
    </Card>
  );
}
