import { FileWordOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Progress, Row, Space, Spin, Statistic, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { Readiness } from "../../../contracts/conference-program";
import { showError } from "../../app/notify";
import { formatDate } from "../../i18n/index";
import { obligationStatusColors } from "../obligations/labels";
import { usePlan } from "../plans/api";
import { UrgingLetterButton } from "../plans/UrgingLetterDialog";
import { downloadMcScript, useReadiness } from "./program-api";

type Tally = Readiness["speechesReceived"];

function TallyCard({ title, tally, testId }: { title: string; tally: Tally; testId: string }) {
  const percent = tally.total === 0 ? 0 : Math.round((tally.done / tally.total) * 100);
  return (
    <Card size="small">
      <Statistic
        title={title}
        value={tally.done}
        suffix={`/ ${tally.total}`}
        data-testid={testId}
        data-value={`${tally.done}/${tally.total}`}
      />
      <Progress percent={percent} size="small" showInfo={false} />
    </Card>
  );
}

/** The plan's urging letter, from its own dialog on the plan page's data; shown to those who may make it. */
function UrgeLate({ planId }: { planId: string }) {
  const plan = usePlan(planId).data;
  return plan ? <UrgingLetterButton plan={plan} /> : null;
}

/** Sẵn sàng: readiness at a glance, the late items with a way to urge them, and the MC's script. */
export function ReadinessTab({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const query = useReadiness(conferenceId);
  const [downloading, setDownloading] = useState(false);
  if (query.error) return <Alert type="error" showIcon title={query.error.message} />;
  if (!query.data) return <Spin />;
  const r = query.data;
  const script = () => {
    setDownloading(true);
    downloadMcScript(conferenceId)
      .catch((e: unknown) => showError(e, t("errors.unexpected")))
      .finally(() => setDownloading(false));
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t("program.readiness.timeLeft")}
              value={r.timeLeft ? t("program.readiness.daysHours", r.timeLeft) : "—"}
              data-testid="readiness-time-left"
            />
            {r.startsAt && <Typography.Text type="secondary">{formatDate(r.startsAt)}</Typography.Text>}
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <TallyCard title={t("program.readiness.speechesReceived")} tally={r.speechesReceived} testId="readiness-received" />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <TallyCard title={t("program.readiness.speechesApproved")} tally={r.speechesApproved} testId="readiness-approved" />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <TallyCard title={t("program.readiness.logisticsDone")} tally={r.logisticsDone} testId="readiness-logistics" />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <TallyCard title={t("program.readiness.awardsReady")} tally={r.awardsReady} testId="readiness-awards" />
        </Col>
      </Row>
      <Space wrap>
        {r.canUrge && r.late.length > 0 && <UrgeLate planId={r.planId} />}
        {r.canOrganise && (
          <Button icon={<FileWordOutlined />} loading={downloading} onClick={script} data-testid="mc-script" data-safe-action="download">
            {t("program.readiness.mcScript")}
          </Button>
        )}
      </Space>
      <Card size="small" title={t("program.readiness.late", { count: r.late.length })}>
        <Table
          rowKey="obligationId"
          size="small"
          pagination={false}
          dataSource={r.late}
          data-testid="readiness-late"
          locale={{ emptyText: t("program.readiness.noneLate") }}
          columns={[
            {
              key: "kind",
              title: t("program.readiness.kind"),
              width: 120,
              render: (_, l) => <Tag>{t(`program.readiness.kinds.${l.kind}`)}</Tag>,
            },
            {
              key: "what",
              title: t("program.logistics.what"),
              render: (_, l) => (
                <Link to={`/obligations/${l.obligationId}`} data-testid="readiness-late-item">
                  {l.what}
                </Link>
              ),
            },
            { key: "unit", title: t("program.logistics.unit"), width: 220, render: (_, l) => l.unitName },
            { key: "due", title: t("program.speeches.deadline"), width: 130, render: (_, l) => formatDate(l.dueAt) },
            {
              key: "status",
              title: t("program.status"),
              width: 130,
              render: (_, l) => <Tag color={obligationStatusColors[l.status]}>{t(`obligations.status.${l.status}`)}</Tag>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
