import { Alert, Button, Card, Col, InputNumber, Result, Row, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import type { TimerState } from "../../../contracts/stage";
import { nextPart } from "../../../domain/stage/program";
import { ApiError } from "../../app/api";
import { showError } from "../../app/notify";
import { type OperatorCommand, sendCommand, useStageProgram } from "./api";
import { type Part, ProgramList } from "./ProgramList";
import { TimerFace } from "./TimerFace";
import { useServerNow, useStageTimer } from "./useStageTimer";

/**
 * The stage operator's page (organisers of the conference): pick the agenda item or speech, then start, pause,
 * resume, reset, take or give a minute, move to the next part; the hall's screen is shown as the hall sees it.
 * Anyone else is refused with the server's message and sees no button.
 */
export function OperatorPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const program = useStageProgram(id);
  const timer = useStageTimer(id);
  const now = useServerNow(timer.offsetMs);
  const [picked, setPicked] = useState<Part | null>(null);
  const [minutes, setMinutes] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  if (program.isPending) return <Spin />;
  if (program.error)
    return (
      <Result
        data-testid="stage-refused"
        status={program.error.status === 403 ? "403" : "404"}
        title={t(program.error.status === 403 ? "stage.refusedTitle" : "stage.notFoundTitle")}
        subTitle={program.error.message}
      />
    );

  const state: TimerState | undefined = timer.state;
  const status = state?.status ?? "idle";
  const run = async (command: OperatorCommand) => {
    setBusy(true);
    try {
      timer.apply(await sendCommand(id, command, state?.seq ?? 0));
    } catch (error) {
      const current = error instanceof ApiError ? (error.details as { timer?: TimerState } | undefined)?.timer : undefined;
      if (current) timer.apply(current);
      showError(error, t("errors.unexpected"));
    } finally {
      setBusy(false);
    }
  };
  const start = () => {
    if (!picked) return;
    const limitSeconds = minutes ? Math.round(minutes * 60) : undefined;
    void run({ command: "start", subject: { kind: picked.kind, id: picked.id, ...(limitSeconds ? { limitSeconds } : {}) } });
  };
  const hasNext = state ? nextPart({ kind: state.subjectKind, id: state.subjectId }, program.data) !== null : false;
  const active = { kind: state?.subjectKind, id: state?.subjectId ?? null };

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }} data-testid="stage-operator">
      <Space style={{ justifyContent: "space-between", width: "100%" }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("stage.operatorTitle")}: {program.data.title}
        </Typography.Title>
        <Link to={`/conferences/${id}/stage/hall`} target="_blank" data-testid="stage-open-hall">
          {t("stage.openHall")}
        </Link>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t("stage.pickTitle")}>
            <ProgramList program={program.data} picked={picked} active={active} onPick={setPicked} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <div style={{ background: "#000", padding: 24, borderRadius: 8 }} data-testid="stage-preview">
              <TimerFace state={state} now={now} scale={0.32} />
            </div>
            {status === "idle" && <Alert type="info" showIcon title={t("stage.idleHint")} />}
            <Space wrap>
              <InputNumber
                min={1}
                max={360}
                value={minutes}
                onChange={(v) => setMinutes(v)}
                placeholder={t("stage.minutesPlaceholder")}
                suffix={t("stage.minutes")}
                data-testid="stage-minutes"
                style={{ width: 170 }}
              />
              <Button type="primary" disabled={!picked || busy} onClick={start} data-testid="stage-start">
                {t("stage.start")}
              </Button>
            </Space>
            <Space wrap>
              <Button disabled={busy || status !== "running"} onClick={() => void run({ command: "pause" })} data-testid="stage-pause">
                {t("stage.pause")}
              </Button>
              <Button
                disabled={busy || (status !== "paused" && status !== "ready")}
                onClick={() => void run({ command: "resume" })}
                data-testid="stage-resume"
              >
                {t("stage.resume")}
              </Button>
              <Button
                disabled={busy || (status !== "running" && status !== "paused")}
                onClick={() => void run({ command: "reset" })}
                data-testid="stage-reset"
              >
                {t("stage.reset")}
              </Button>
              <Button
                disabled={busy || status === "idle"}
                onClick={() => void run({ command: "adjust", deltaMs: -60_000 })}
                data-testid="stage-minus"
              >
                {t("stage.minusMinute")}
              </Button>
              <Button
                disabled={busy || status === "idle"}
                onClick={() => void run({ command: "adjust", deltaMs: 60_000 })}
                data-testid="stage-plus"
              >
                {t("stage.plusMinute")}
              </Button>
              <Button disabled={busy || !hasNext} onClick={() => void run({ command: "next" })} data-testid="stage-next">
                {t("stage.next")}
              </Button>
            </Space>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
