import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Empty, List, Popover, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { Notification } from "../../../contracts/notifications";
import { formatVietnamTime } from "../tracking/time";
import { useMarkRead, useNotifications } from "./api";

/** The header bell: unread count, the latest reminders; opening one marks it read and goes to its obligation. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useNotifications();
  const markRead = useMarkRead();
  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.obligationId) void navigate(`/obligations/${n.obligationId}`);
    else if (n.planId) void navigate(`/plans/${n.planId}`);
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
            <List.Item key={n.id} onClick={() => open(n)} style={{ cursor: "pointer", background: n.readAt ? undefined : "#fff1f0" }}>
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
    <Popover trigger="click" placement="bottomRight" title={t("notifications.title")} content={content}>
      <Badge count={list.data?.unread ?? 0} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined style={{ color: "#fff", fontSize: 18 }} />}
          aria-label={t("notifications.title")}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
