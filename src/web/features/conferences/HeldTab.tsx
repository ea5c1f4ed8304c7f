import { Alert, Card, Col, Row, Space, Spin, Statistic, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { HeldUnitRow } from "../../../contracts/conference-held";
import { formatDate } from "../../i18n/index";
import { obligationStatusColors } from "../obligations/labels";
import { useHeldList } from "./held-api";

/**
 * Đơn vị tổ chức: for a conference every unit holds itself, each unit (held or not by the one count rule, when,
 * attendance, venue, a link to its obligation with the minutes and photos) and the totals.
 */
export function HeldTab({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const query = useHeldList(conferenceId);
  if (query.error) return <Alert type="error" showIcon title={query.error.message} />;
  if (!query.data) return <Spin />;
  const { units, totals } = query.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={12}>
          <Card size="small">
            <Statistic
              title={t("program.held.heldUnits")}
              value={totals.held}
              suffix={`/ ${totals.expected}`}
              data-testid="held-total"
              data-value={`${totals.held}/${totals.expected}`}
            />
          </Card>
        </Col>
        <Col xs={24} sm={12}>
          <Card size="small">
            <Statistic title={t("program.held.attendanceTotal")} value={totals.attendance} data-testid="held-attendance-total" />
          </Card>
        </Col>
      </Row>
      <Table<HeldUnitRow>
        rowKey="obligationId"
        size="small"
        pagination={false}
        dataSource={units}
        data-testid="held-table"
        locale={{ emptyText: t("program.held.empty") }}
        columns={[
          {
            title: t("program.held.unit"),
            dataIndex: "unitName",
            render: (name: string, r) => (
              <Link to={`/obligations/${r.obligationId}`} data-testid="held-unit">
                {name}
              </Link>
            ),
          },
          {
            title: t("program.status"),
            render: (_: unknown, r) => (
              <Space size={4} wrap data-testid="held-status">
                <Tag color={r.held ? "green" : obligationStatusColors[r.status]}>
                  {r.held ? t("program.held.held") : t("program.held.notHeld")}
                </Tag>
                {r.late && <Tag color="orange">{t("program.held.late")}</Tag>}
                {r.overdue && <Tag color="red">{t("program.held.overdue")}</Tag>}
              </Space>
            ),
          },
          {
            title: t("program.held.when"),
            render: (_: unknown, r) => (r.report ? `${r.report.heldTime} ${formatDate(r.report.heldDate)}` : "—"),
          },
          { title: t("program.held.attendance"), align: "right", render: (_: unknown, r) => r.report?.attendance ?? "—" },
          { title: t("program.held.venue"), render: (_: unknown, r) => r.report?.venue || "—" },
          {
            title: t("program.held.evidence"),
            render: (_: unknown, r) =>
              r.fileCount > 0 ? <Link to={`/obligations/${r.obligationId}`}>{t("program.held.files", { count: r.fileCount })}</Link> : "—",
          },
        ]}
      />
    </Space>
  );
}
