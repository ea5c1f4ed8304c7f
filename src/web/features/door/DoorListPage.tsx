import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Empty, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { checkinEndpoints } from "../../../contracts/checkin";
import { ApiError, call } from "../../app/api";
import { savedRosters } from "./store";

/** The door list (the installed app's start page): the conferences this user checks in at, or those kept offline. */
export function DoorListPage() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ["door", "conferences"],
    queryFn: () => call(checkinEndpoints.doorConferences, {}),
    retry: false,
  });
  const [saved, setSaved] = useState<Array<{ id: string; title: string }>>([]);
  const unreachable = query.error instanceof ApiError && query.error.code === "NETWORK";
  useEffect(() => {
    document.title = t("door.listTitle");
    if (unreachable) void savedRosters().then(setSaved);
  }, [t, unreachable]);
  const list = query.data?.conferences ?? (unreachable ? saved.map((s) => ({ ...s, startsAt: null, venue: "" })) : []);
  return (
    <main style={{ maxWidth: 720, margin: "0 auto", padding: 16, fontSize: 18 }} data-testid="door-list">
      <Typography.Title level={2}>{t("door.listTitle")}</Typography.Title>
      <Typography.Paragraph>{t("door.listIntro")}</Typography.Paragraph>
      {query.isPending && <Spin size="large" />}
      {unreachable && <Alert type="warning" showIcon title={t("door.savedOnly")} style={{ marginBottom: 16 }} />}
      {query.error && !unreachable && <Alert type="error" showIcon title={query.error.message} />}
      {!query.isPending && list.length === 0 && !(query.error && !unreachable) && <Empty description={t("door.noConferences")} />}
      {list.map((c) => (
        <Link key={c.id} to={`/door/${c.id}`} data-testid="door-conference" style={{ display: "block", marginBottom: 12 }}>
          <Card hoverable>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {c.title}
            </Typography.Title>
            {(c.startsAt || c.venue) && (
              <Typography.Text type="secondary">
                {[c.startsAt ? new Date(c.startsAt).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" }) : "", c.venue]
                  .filter(Boolean)
                  .join(" · ")}
              </Typography.Text>
            )}
          </Card>
        </Link>
      ))}
    </main>
  );
}
