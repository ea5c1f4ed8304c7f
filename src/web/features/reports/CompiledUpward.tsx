import { Alert, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { CompiledView } from "../../../contracts/report-compile";
import { HeadingComments } from "./SectionComments";

type Report = CompiledView["report"];
type Upward = CompiledView["upward"];

const COLOR: Record<Report["status"], string> = { draft: "blue", final: "green", returned: "orange", accepted: "cyan" };

/** Where the level's compiled report stands: a draft, final (sent), sent back by the level above, or accepted. */
export function CompiledStatusTag({ report }: { report: Report }) {
  const { t } = useTranslation();
  const label = {
    draft: t("reportCompile.draft"),
    final: t("reportCompile.final", { number: report.documentNumber }),
    returned: t("reportCompile.returnedTag"),
    accepted: t("reportCompile.acceptedTag", { number: report.documentNumber }),
  }[report.status];
  return (
    <Tag color={COLOR[report.status]} data-testid="compiled-status">
      {label}
    </Tag>
  );
}

/** The level above's answer to the level's final report: why it was sent back, or that it is accepted and locked. */
export function CompiledUpwardNotice({ upward }: { upward: Upward }) {
  const { t } = useTranslation();
  if (upward?.status === "accepted")
    return <Alert type="success" showIcon title={t("reportCompile.upwardAccepted")} data-testid="compiled-upward-accepted" />;
  if (upward?.status !== "returned") return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="compiled-upward-returned"
      title={t("reportCompile.upwardReturned")}
      description={<span style={{ whiteSpace: "pre-wrap" }}>{upward.returnedReason}</span>}
    />
  );
}

/** The level above's comments on one heading of the level's compiled report, shown at that heading. */
export function CompiledUpwardComments({ upward, headingId }: { upward: Upward; headingId: string }) {
  return <HeadingComments comments={upward?.comments ?? []} headingId={headingId} testId="compiled-upward-comment" />;
}
