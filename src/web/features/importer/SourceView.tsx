import { Card, Typography } from "antd";
import { memo, useContext, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { LocateContext } from "./fields";
import { type Found, segments } from "./highlight";

const SourceText = memo(function SourceText({ source, found, onPick }: { source: string; found: Found[]; onPick: (id: string) => void }) {
  const runs = useMemo(() => segments(source, found), [source, found]);
  return (
    <div
      style={{ whiteSpace: "pre-wrap", fontFamily: "'Times New Roman', Tinos, serif", fontSize: 15, lineHeight: 1.55 }}
      data-testid="import-source"
    >
      {runs.map((run, k) =>
        run.ids.length === 0 ? (
          <span key={k}>{run.text}</span>
        ) : (
          <mark key={k} data-fields={run.ids.join(" ")} className="kh-hl" onClick={() => onPick(run.ids[0])}>
            {run.text}
          </mark>
        ),
      )}
    </div>
  );
});

/** The text the importer read, every recognised piece marked where it came from; clicking a mark opens its field. */
export function SourceView({ source, found, onPick }: { source: string; found: Found[]; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const { active } = useContext(LocateContext);
  return (
    <Card
      title={t("importPlan.source")}
      extra={<Typography.Text type="secondary">{t("importPlan.foundCount", { count: found.length })}</Typography.Text>}
      styles={{ body: { maxHeight: "75vh", overflow: "auto" } }}
    >
      {/* The active highlight is styled by attribute so the long text does not re-render on every click. */}
      <style>{`.kh-hl{background:#fff1b8;cursor:pointer;padding:0 1px;border-radius:2px}
.kh-hl:hover{background:#ffe58f}
${active ? `.kh-hl[data-fields~="${CSS.escape(active)}"]{background:#ffa940;outline:2px solid #d4380d}` : ""}
.kh-field-active{background:#fff7e6}`}</style>
      <SourceText source={source} found={found} onPick={onPick} />
    </Card>
  );
}
