import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Empty, List, Popover, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { Notification } from "../../../contracts/notifications";
import { formatVietnamTime } from "../tracking/time";
import { useMarkRead, useNotifications } from "./api";
import { useLiveUpdates } from "./live";

/**
 * The header bell: unread count and the latest notifications, kept current by the live stream (no reload);
 * opening one marks it read and goes to its page (the obligation, the unit's work list, or the plan).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  useLiveUpdates();
  const navigate = useNavigate();
  const list = useNotifications();
  const markRead = useMarkRead();
  const [shown, setShown] = useState(false);
  const open = (n: Notification) => {
    setShown(false);
    if (!n.readAt) markRead.mutate(n.id);
    void navigate(n.link);
  };
  const items = list.data?.items ?? [];
  const content = (
    <div style={{ width: 380, maxHeight: 420, overflow: "auto" }} data-testid="notification-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("notifications.empty")} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              onClick={() => open(n)}
              data-testid="notification-item"
              data-kind={n.kind}
              style={{ cursor: "pointer", background: n.readAt ? undefined : "#fff1f0" }}
            >
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary">{formatVietnamTime(n.createdAt)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      open={shown}
      onOpenChange={setShown}
      placement="bottomRight"
      title={t("notifications.title")}
      content={content}
    >
      <Badge count={list.data?.unread ?? 0} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined style={{ color: "#fff", fontSize: 18 }} />}
          aria-label={t("notifications.title")}
          data-testid="notification-bell"
          data-unread={list.data?.unread ?? 0}
        />
      </Badge>
    </Popover>
  );
}
