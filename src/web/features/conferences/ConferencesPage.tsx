import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useConferences } from "./api";
import { ConferenceList } from "./ConferenceList";

/** /conferences: every conference of the plans the user may read, upcoming first. */
export function ConferencesPage() {
  const { t } = useTranslation();
  const list = useConferences();
  return (
    <>
      <Typography.Title level={3}>{t("conferences.title")}</Typography.Title>
      <ConferenceList conferences={list.data?.conferences ?? []} loading={list.isPending} showPlan />
    </>
  );
}
