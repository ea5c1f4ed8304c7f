import { Result } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { ApiError } from "../../app/api";
import { TimerFace } from "./TimerFace";
import { useServerNow, useStageTimer } from "./useStageTimer";

/**
 * The hall screen (full screen, no menu): the current item or speaker and the countdown, in type readable from the
 * back of the hall. It follows the live stream; a reload reads the state back from the server.
 */
export function HallPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { state, offsetMs, error } = useStageTimer(id);
  const now = useServerNow(offsetMs);
  useEffect(() => {
    document.title = t("stage.hallTitle");
  }, [t]);
  if (error && !state)
    return (
      <Result
        status={error instanceof ApiError && error.status === 403 ? "403" : "404"}
        title={error instanceof ApiError ? error.message : t("errors.unexpected")}
      />
    );
  return (
    <main
      data-testid="stage-hall"
      style={{ position: "fixed", inset: 0, background: "#000", display: "grid", placeItems: "center", padding: "3vw", overflow: "hidden" }}
    >
      <TimerFace state={state} now={now} />
    </main>
  );
}
