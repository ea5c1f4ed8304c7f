import { BellOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Spin, Table, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ConfirmationTally } from "../../../contracts/delegate-answers";
import { showError, showSuccess } from "../../app/notify";
import { useRemind, useTally } from "./api";
import { DeadlineControl } from "./DeadlineControl";

type Row = ConfirmationTally["byGroup"][number];

/**
 * The confirmation tally by group and unit, the deadline for answering, and "remind those who have not answered"
 * (e-mail through the outbox).
 */
export function ConfirmationPanel({ conferenceId, startsAt }: { conferenceId: string; startsAt: string | null }) {
  const { t } = useTranslation();
  const tally = useTally(conferenceId);
  const remind = useRemind(conferenceId);
  if (tally.error) return <Alert type="error" showIcon title={tally.error.message} />;
  if (!tally.data) return <Spin />;
  const { totals, byGroup, byUnit, confirmBy } = tally.data;
  const columns = [
    { key: "label", title: t("delegates.tally.name"), dataIndex: "label" },
    ...(["attending", "absent", "substitute", "none"] as const).map((k) => ({
      key: k,
      title: t(`delegates.answers.${k}`),
      dataIndex: k,
      width: 110,
    })),
    { key: "total", title: t("delegates.tally.total"), dataIndex: "total", width: 80 },
  ];
  const table = (rows: Row[], testId: string) => (
    <Table<Row> size="small" rowKey="key" pagination={false} dataSource={rows} columns={columns} data-testid={testId} />
  );
  return (
    <div data-testid="delegate-tally">
      <Typography.Title level={5}>{t("delegates.tally.title")}</Typography.Title>
      <Space wrap style={{ marginBottom: 8 }}>
        {(["attending", "absent", "substitute", "none"] as const).map((k) => (
          <Typography.Text key={k} data-testid={`tally-${k}`} data-value={totals[k]}>
            {t(`delegates.answers.${k}`)}: <b>{totals[k]}</b>
          </Typography.Text>
        ))}
        <Button
          icon={<BellOutlined />}
          loading={remind.isPending}
          disabled={totals.none === 0 || !tally.data.open}
          data-testid="delegate-remind"
          onClick={() =>
            remind.mutate(undefined, {
              onSuccess: (r) => showSuccess(t(r.emailDisabled ? "delegates.tally.emailOff" : "delegates.tally.reminded", r)),
              onError: (e) => showError(e, t("errors.unexpected")),
            })
          }
        >
          {t("delegates.tally.remind")}
        </Button>
      </Space>
      <DeadlineControl key={confirmBy ?? "none"} conferenceId={conferenceId} confirmBy={confirmBy} startsAt={startsAt} />
      <Tabs
        items={[
          { key: "group", label: t("delegates.tally.byGroup"), children: table(byGroup, "tally-by-group") },
          { key: "unit", label: t("delegates.tally.byUnit"), children: table(byUnit, "tally-by-unit") },
        ]}
      />
    </div>
  );
}
