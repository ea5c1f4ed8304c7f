import { Card, Empty, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CompiledHeading } from "../../../contracts/report-compile";

interface Props {
  taskId: string;
  unitId?: string;
  headingId: string;
  compiled: CompiledHeading["compiled"];
  editable: boolean;
}

/**
 * The level's compiled draft of one heading. The shared rich-text editor of the units' sections had not landed on
 * main when this page was built: the draft shows as a read-only preview (passages are added with «Chọn đoạn này»).
 */
export function CompiledDraft({ compiled }: Props) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={`${t("reportCompile.compiledDraft")} — ${t("reportCompile.previewOnly")}`} data-testid="compiled-draft">
      {compiled ? (
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }} data-testid="compiled-draft-text">
          {compiled.text}
        </Typography.Paragraph>
      ) : (
        <Empty description={t("reportCompile.emptyDraft")} />
      )}
    </Card>
  );
}
