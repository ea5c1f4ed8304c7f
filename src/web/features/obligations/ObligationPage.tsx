import { FileAddOutlined, FileTextOutlined, PaperClipOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Descriptions, Empty, List, Result, Row, Space, Spin, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import type { ObligationDetail } from "../../../contracts/obligations";
import { ApiError } from "../../app/api";
import { showError, showSuccess } from "../../app/notify";
import { deadlineLabel, deliverableLabel } from "../plans/labels";
import { formatVietnamTime } from "../tracking/time";
import { fileUrl, useImplementationPlan, useObligation } from "./api";
import { fileSize, obligationStatusColors } from "./labels";
import { ReviewActions } from "./ReviewActions";
import { SubmitForm } from "./SubmitForm";

function Submissions({ obligation }: { obligation: ObligationDetail }) {
  const { t } = useTranslation();
  if (obligation.submissions.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("obligations.noSubmissions")} />;
  return (
    <List
      data-testid="submissions"
      dataSource={obligation.submissions}
      renderItem={(s) => (
        <List.Item key={s.id} data-testid="submission">
          <Space orientation="vertical" style={{ width: "100%" }} size={4}>
            <Space wrap>
              <Typography.Text strong>{s.submittedByName}</Typography.Text>
              <Typography.Text type="secondary">{formatVietnamTime(s.submittedAt)}</Typography.Text>
              {s.late && <Tag color="red">{t("obligations.lateTag")}</Tag>}
            </Space>
            {s.text && <div style={{ whiteSpace: "pre-wrap" }}>{s.text}</div>}
            {s.files.map((f) => (
              <a key={f.id} href={fileUrl(f.id)} download={f.fileName} data-testid="submission-file">
                <PaperClipOutlined /> {f.fileName} ({fileSize(f.size)})
              </a>
            ))}
          </Space>
        </List.Item>
      )}
    />
  );
}

/**
 * The unit's own plan for this obligation: a link when it exists, else (for a manager of the unit) the button
 * that creates the draft in one call and opens it; a 409 naming an existing plan opens that one.
 */
function ImplementationPlan({ obligation: o }: { obligation: ObligationDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useImplementationPlan();
  if (o.childPlanId)
    return (
      <Link to={`/plans/${o.childPlanId}`} data-testid="obligation-child-plan">
        {t("obligations.openImplementationPlan")}
      </Link>
    );
  if (!o.canPlan) return null;
  return (
    <Button
      icon={<FileAddOutlined />}
      loading={create.isPending}
      data-testid="obligation-create-plan"
      onClick={() =>
        create.mutate(
          { id: o.id },
          {
            onSuccess: (r) => {
              showSuccess(t("obligations.implementationPlanCreated"));
              void navigate(`/plans/${r.planId}`);
            },
            onError: (e) => {
              const existing =
                e instanceof ApiError && e.code === "DUPLICATE" ? (e.details as { planId?: string } | undefined)?.planId : undefined;
              if (existing) void navigate(`/plans/${existing}`);
              else showError(e, t("errors.unexpected"));
            },
          },
        )
      }
    >
      {t("obligations.createImplementationPlan")}
    </Button>
  );
}

/** One unit's duty under one task: deadline, status, history, submissions, and the submit or review actions. */
export function ObligationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const query = useObligation(id);
  if (query.isPending) return <Spin />;
  if (!query.data) {
    const missing = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 403);
    return (
      <Result
        status={missing ? "404" : "error"}
        title={query.error?.message ?? t("errors.unexpected")}
        extra={<Link to="/my-work">{t("obligations.backToMyWork")}</Link>}
      />
    );
  }
  const o = query.data;
  const owed = o.status === "open" || o.status === "returned";
  return (
    <>
      <Space orientation="vertical" size={4} style={{ marginBottom: 12 }}>
        <Link to={`/plans/${o.planId}/board`}>{o.planTitle}</Link>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {o.what}
        </Typography.Title>
        <Space wrap>
          <Tag color={obligationStatusColors[o.status]} data-testid="obligation-status" data-status={o.status}>
            {t(`obligations.status.${o.status}`)}
          </Tag>
          {o.lateSubmission && (
            <Tag color="red" data-testid="obligation-late">
              {t("obligations.lateTag")}
            </Tag>
          )}
          {o.overdue && owed && (
            <Tag color="red" data-testid="obligation-overdue">
              {t("obligations.overdueTag")}
            </Tag>
          )}
          <Typography.Text type={o.overdue && owed ? "danger" : "secondary"}>{owed ? o.timeLeft : ""}</Typography.Text>
          <ImplementationPlan obligation={o} />
          {o.hasReportForm && (
            <Link to={`/obligations/${o.id}/report`} data-testid="obligation-report-link">
              <FileTextOutlined /> {t("reportWriting.openReport")}
            </Link>
          )}
        </Space>
      </Space>
      {o.status === "returned" && o.returnedReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("obligations.returnedBecause")}
          description={o.returnedReason}
          data-testid="obligation-returned-reason"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size={12} style={{ width: "100%" }}>
            <Card size="small">
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: "unit", label: t("obligations.unit"), children: <span data-testid="obligation-unit">{o.unitName}</span> },
                  { key: "deliverable", label: t("plans.tasks.deliverable"), children: deliverableLabel(o.deliverable, t) },
                  {
                    key: "deadline",
                    label: t("plans.tasks.deadline"),
                    children: <span data-testid="obligation-deadline">{deadlineLabel(o.dueDate, o.dueTime, t)}</span>,
                  },
                  { key: "submittedAt", label: t("obligations.submittedAt"), children: formatVietnamTime(o.submittedAt) || "—" },
                  { key: "acceptedAt", label: t("obligations.acceptedAt"), children: formatVietnamTime(o.acceptedAt) || "—" },
                ]}
              />
            </Card>
            {o.canSubmit && owed && <SubmitForm obligation={o} />}
            {o.canReview && o.status === "submitted" && <ReviewActions obligation={o} />}
            <Card size="small" title={t("obligations.submissions")}>
              <Submissions obligation={o} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t("obligations.history")}>
            <Timeline
              data-testid="obligation-history"
              items={o.events.map((e) => ({
                key: e.id,
                color: e.action === "returned" ? "orange" : e.action === "accepted" ? "green" : "blue",
                content: (
                  <>
                    <Typography.Text strong>{t(`obligations.actions.${e.action}`)}</Typography.Text> · {formatVietnamTime(e.at)}
                    <div>{e.actorName ?? t("obligations.system")}</div>
                    {e.note && <div style={{ whiteSpace: "pre-wrap", color: "rgba(0,0,0,0.65)" }}>{e.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
