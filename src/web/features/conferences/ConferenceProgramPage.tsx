import { Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { type ProgramTabKey, programTabItems, programTabKeys } from "./ProgramTabs";

/**
 * The conference's program on a page of its own (/conferences/:id/program/:tab): the tabs the conference page
 * also lists, reachable by address until that page holds them.
 */
export function ConferenceProgramPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = "", tab } = useParams();
  const active: ProgramTabKey = (programTabKeys as readonly string[]).includes(tab ?? "") ? (tab as ProgramTabKey) : "speeches";
  return (
    <>
      <Typography.Title level={3}>{t("program.title")}</Typography.Title>
      <Tabs
        activeKey={active}
        destroyOnHidden
        onChange={(key) => void navigate(`/conferences/${id}/program/${key}`)}
        items={programTabItems(id, t)}
      />
    </>
  );
}
