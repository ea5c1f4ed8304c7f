import { Card, Descriptions, Result, Spin, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { ApiError } from "../../app/api";
import { useConference } from "./api";
import { whenText } from "./format";
import { conferenceTabs } from "./tabs";

/** /conferences/:id[/:tab]. One conference: its details and agenda, and the tabs other features add (tabs.tsx). */
export function ConferencePage() {
  const { t } = useTranslation();
  const { id = "", tab } = useParams();
  const navigate = useNavigate();
  const conference = useConference(id);
  if (conference.isPending) return <Spin />;
  if (conference.error || !conference.data)
    return (
      <Result
        status={conference.error instanceof ApiError && conference.error.status === 404 ? "404" : "error"}
        title={conference.error instanceof ApiError ? conference.error.message : t("conferences.notFound")}
      />
    );
  const c = conference.data;
  const tabs = conferenceTabs.filter((x) => x.shownTo?.(c) ?? true);
  const active = tabs.find((x) => x.key === tab)?.key ?? tabs[0].key;
  return (
    <>
      <Typography.Title level={3} data-testid="conference-title">
        {c.title}
      </Typography.Title>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: "plan",
              label: t("conferences.plan"),
              children: <Link to={`/plans/${c.planId}`}>{c.planNumber ? `${c.planNumber} – ${c.planTitle}` : c.planTitle}</Link>,
            },
            { key: "when", label: t("conferences.when"), children: whenText(c) || "—" },
            { key: "venue", label: t("conferences.venue"), children: c.venue || "—" },
            { key: "host", label: t("conferences.host"), children: c.hostUnitName },
          ]}
        />
      </Card>
      <Tabs
        style={{ marginTop: 8 }}
        activeKey={active}
        onChange={(key) => void navigate(key === tabs[0].key ? `/conferences/${c.id}` : `/conferences/${c.id}/${key}`)}
        items={tabs.map((x) => ({
          key: x.key,
          label: <span data-testid={`conference-tab-${x.key}`}>{t(x.labelKey)}</span>,
          children: x.render(c),
        }))}
      />
    </>
  );
}
