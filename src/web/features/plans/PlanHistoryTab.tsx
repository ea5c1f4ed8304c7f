import { Empty, Spin, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatVietnamTime } from "../tracking/time";
import { useAmendments } from "./api";

/** Lịch sử: every amendment of the issued plan, newest first, with who, when, why and which parts changed. */
export function PlanHistoryTab({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const amendments = useAmendments(planId);
  if (amendments.isPending) return <Spin />;
  const rows = amendments.data?.amendments ?? [];
  if (rows.length === 0) return <Empty description={t("plans.history.empty")} />;
  return (
    <Timeline
      data-testid="plan-history"
      items={rows.map((a) => ({
        key: a.id,
        content: (
          <>
            <Typography.Text strong>{formatVietnamTime(a.at)}</Typography.Text> · {a.actorName ?? t("plans.history.unknownActor")}
            <div>{a.note}</div>
            <div>
              {Object.keys(typeof a.after === "object" && a.after !== null ? a.after : {}).map((field) => (
                <Tag key={field}>{t(`plans.fields.${field}`, { defaultValue: field })}</Tag>
              ))}
            </div>
          </>
        ),
      }))}
    />
  );
}
