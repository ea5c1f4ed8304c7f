import { useQuery } from "@tanstack/react-query";
import { Alert, Space } from "antd";
import { useTranslation } from "react-i18next";
import { compileEndpoints as e } from "../../../contracts/report-compile";
import { call } from "../../app/api";
import { formatDate } from "../../i18n";

/** One comment of the level above, anchored to a heading of the report it concerns. */
export interface HeadingComment {
  id: string;
  headingId: string | null;
  author: string | null;
  createdAt: string;
  body: string;
}

/** The comments of `comments` made on `headingId`, each a warning with its author and date; nothing when none. */
export function HeadingComments({
  comments,
  headingId,
  testId,
}: {
  comments: readonly HeadingComment[];
  headingId: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const here = comments.filter((c) => c.headingId === headingId);
  if (here.length === 0) return null;
  return (
    <Space orientation="vertical" size={4} style={{ width: "100%" }}>
      {here.map((c) => (
        <Alert
          key={c.id}
          type="warning"
          showIcon
          data-testid={testId}
          title={t("reportCompile.commentBy", { author: c.author ?? t("reportCompile.reviewer"), date: formatDate(c.createdAt) })}
          description={<span style={{ whiteSpace: "pre-wrap" }}>{c.body}</span>}
        />
      ))}
    </Space>
  );
}

/** The level above's comments on one heading of a unit's report (why it was sent back), shown where they apply. */
export function SectionComments({ obligationId, headingId }: { obligationId: string; headingId: string }) {
  const comments = useQuery({
    queryKey: ["report-comments", obligationId],
    queryFn: () => call(e.comments, { params: { id: obligationId } }),
    staleTime: 30_000,
  });
  return <HeadingComments comments={comments.data?.comments ?? []} headingId={headingId} testId="report-comment" />;
}
