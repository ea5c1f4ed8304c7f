import { Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { ConferenceSummary } from "../../../contracts/conferences";
import { whenText } from "./format";

/** Conferences as a table whose titles open the conference's page; the plan column is left out on a plan's own page. */
export function ConferenceList({
  conferences,
  loading,
  showPlan,
}: {
  conferences: ConferenceSummary[];
  loading: boolean;
  showPlan: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table<ConferenceSummary>
      data-testid="conference-list"
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={conferences}
      locale={{ emptyText: showPlan ? t("conferences.empty") : t("conferences.planEmpty") }}
      columns={[
        {
          key: "title",
          title: t("conferences.conferenceTitle"),
          render: (_, c) => (
            <Link to={`/conferences/${c.id}`} data-testid="conference-link">
              {c.title}
            </Link>
          ),
        },
        { key: "when", title: t("conferences.when"), width: 240, render: (_, c) => whenText(c) || "—" },
        {
          key: "venue",
          title: t("conferences.venue"),
          render: (_, c) => <Typography.Text ellipsis={{ tooltip: c.venue }}>{c.venue || "—"}</Typography.Text>,
        },
        ...(showPlan
          ? [
              {
                key: "plan",
                title: t("conferences.plan"),
                render: (_: unknown, c: ConferenceSummary) => <Link to={`/plans/${c.planId}`}>{c.planNumber ?? c.planTitle}</Link>,
              },
            ]
          : []),
      ]}
    />
  );
}
