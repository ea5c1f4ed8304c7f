import { useQuery } from "@tanstack/react-query";
import { Alert, Space } from "antd";
import { useTranslation } from "react-i18next";
import { compileEndpoints as e } from "../../../contracts/report-compile";
import { call } from "../../app/api";
import { formatDate } from "../../i18n";

/** The level above's comments on one heading of a unit's report (why it was sent back), shown where they apply. */
export function SectionComments({ obligationId, headingId }: { obligationId: string; headingId: string }) {
  const { t } = useTranslation();
  const comments = useQuery({
    queryKey: ["report-comments", obligationId],
    queryFn: () => call(e.comments, { params: { id: obligationId } }),
    staleTime: 30_000,
  });
  const here = (comments.data?.comments ?? []).filter((c) => c.headingId === headingId);
  if (here.length === 0) return null;
  return (
    <Space orientation="vertical" size={4} style={{ width: "100%" }}>
      {here.map((c) => (
        <Alert
          key={c.id}
          type="warning"
          showIcon
          data-testid="report-comment"
          title={t("reportCompile.commentBy", { author: c.author ?? t("reportCompile.reviewer"), date: formatDate(c.createdAt) })}
          description={<span style={{ whiteSpace: "pre-wrap" }}>{c.body}</span>}
        />
      ))}
    </Space>
  );
}
