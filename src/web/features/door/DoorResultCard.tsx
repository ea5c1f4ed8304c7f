import { Card, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DoorOutcome } from "./door-session";
import { doorLabel, wallClock } from "./useDoorSession";

const COLOURS = { counted: "#f6ffed", repeat: "#fffbe6", refused: "#fff1f0" } as const;
const BORDERS = { counted: "#52c41a", repeat: "#faad14", refused: "#ff4d4f" } as const;

/** The last scan or pick in large type: who (name, title, unit, seat) and whether to let them in. */
export function DoorResultCard({ outcome }: { outcome: DoorOutcome }) {
  const { t } = useTranslation();
  const style = { background: COLOURS[outcome.kind], borderColor: BORDERS[outcome.kind], borderWidth: 3, marginBottom: 16 };
  if (outcome.kind === "refused")
    return (
      <Card data-testid="door-result" data-status="refused" style={style}>
        <Typography.Title level={2} data-testid="door-result-message" style={{ margin: 0, color: "#a8071a" }}>
          {t(`door.refused.${outcome.reason}`)}
        </Typography.Title>
      </Card>
    );
  const d = outcome.delegate;
  const message =
    outcome.kind === "repeat" ? t("door.repeat", { time: wallClock(outcome.at), door: doorLabel(outcome.door) }) : t("door.welcome");
  return (
    <Card data-testid="door-result" data-status={outcome.kind} data-delegate-id={outcome.delegateId} style={style}>
      <Typography.Title level={2} data-testid="door-result-message" style={{ marginTop: 0 }}>
        {message}
      </Typography.Title>
      {d ? (
        <>
          <div data-testid="door-result-name" style={{ fontSize: 36, fontWeight: 700, lineHeight: 1.2 }}>
            {d.fullName}
          </div>
          <div data-testid="door-result-title" style={{ fontSize: 24 }}>
            {d.title}
          </div>
          <div data-testid="door-result-unit" style={{ fontSize: 24 }}>
            {d.unitName}
          </div>
          <div data-testid="door-result-seat" style={{ fontSize: 32, fontWeight: 700, marginTop: 8 }}>
            {d.seatLabel ? t("door.seat", { seat: d.seatLabel }) : t("door.noSeat")}
          </div>
        </>
      ) : (
        <Typography.Paragraph style={{ fontSize: 20 }}>{t("door.unknownDelegate")}</Typography.Paragraph>
      )}
    </Card>
  );
}
