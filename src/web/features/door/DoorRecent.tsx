import { List, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DoorSession, DoorState } from "./door-session";
import { doorLabel, wallClock } from "./useDoorSession";

const TAG = { pending: "default", counted: "green", repeat: "gold", refused: "red" } as const;

/**
 * This device's latest check-ins with the server's answer once it came: a delegate another door counted first shows
 * as «đã vào lúc …, cửa …» here after the sync.
 */
export function DoorRecent({ session, state }: { session: DoorSession; state: DoorState }) {
  const { t } = useTranslation();
  const items = [...state.queue].reverse().slice(0, 30);
  if (items.length === 0) return null;
  return (
    <List
      data-testid="door-recent"
      header={<Typography.Title level={4}>{t("door.recent")}</Typography.Title>}
      dataSource={items}
      renderItem={(q) => {
        const status = q.result?.status ?? "pending";
        const name = q.result?.fullName || (q.forDelegate ? session.delegate(q.forDelegate)?.fullName : "") || "";
        const r = q.result;
        const note =
          r?.status === "repeat" && r.firstAt && r.firstDoor
            ? t("door.repeat", { time: wallClock(r.firstAt), door: doorLabel(r.firstDoor) })
            : r?.status === "refused"
              ? r.message
              : "";
        return (
          <List.Item data-testid="door-recent-item" data-status={status} data-delegate-id={q.forDelegate ?? ""}>
            <span>
              <strong>{name}</strong> · {wallClock(q.scannedAt)} {note && <span data-testid="door-recent-note">· {note}</span>}
            </span>
            <Tag color={TAG[status]}>{t(`door.status.${status}`)}</Tag>
          </List.Item>
        );
      }}
    />
  );
}
