import { List, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { StageProgram } from "../../../contracts/stage";
import { formatVietnamTime } from "../tracking/time";

/** A part of the programme the operator may time. */
export interface Part {
  kind: "agenda" | "speech";
  id: string;
}

interface Props {
  program: StageProgram;
  picked: Part | null;
  /** The part on the hall's screen now. */
  active: { kind: string | undefined; id: string | null };
  onPick: (part: Part) => void;
}

const clock = (iso: string | null) => (iso ? formatVietnamTime(iso).slice(-5) : "");

/** The agenda in order, the speeches listed under the «Tham luận» item (or at the end when there is none). */
export function ProgramList({ program, picked, active, onPick }: Props) {
  const { t } = useTranslation();
  const rows: Array<Part & { key: string; text: string; extra: string; indent: boolean }> = [];
  const speeches = program.speeches.map((s) => ({
    kind: "speech" as const,
    id: s.id,
    key: `speech-${s.id}`,
    text: `${s.runningOrder}. ${s.unitName}${s.unitName && s.topic ? " — " : ""}${s.topic}`,
    extra: t("stage.limitMinutes", { n: Math.round(s.timeLimitSeconds / 60) }),
    indent: true,
  }));
  for (const a of program.agenda) {
    const hours = a.startsAt && a.endsAt ? `${clock(a.startsAt)}–${clock(a.endsAt)}` : "";
    rows.push({ kind: "agenda", id: a.id, key: `agenda-${a.id}`, text: a.content, extra: hours, indent: false });
    if (a.kind === "speeches") rows.push(...speeches);
  }
  if (!program.agenda.some((a) => a.kind === "speeches")) rows.push(...speeches);
  if (rows.length === 0) return <Typography.Text type="secondary">{t("stage.emptyProgram")}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={rows}
      renderItem={(row) => {
        const isPicked = picked?.kind === row.kind && picked.id === row.id;
        const onStage = active.kind === row.kind && active.id === row.id;
        return (
          <List.Item
            key={row.key}
            data-testid="stage-part"
            data-kind={row.kind}
            data-id={row.id}
            aria-selected={isPicked}
            onClick={() => onPick({ kind: row.kind, id: row.id })}
            style={{ cursor: "pointer", paddingLeft: row.indent ? 32 : 12, background: isPicked ? "#fff1f0" : undefined }}
          >
            <span>
              {row.text} {onStage && <Tag color="red">{t("stage.onStage")}</Tag>}
            </span>
            <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
              {row.extra}
            </Typography.Text>
          </List.Item>
        );
      }}
    />
  );
}
