import { CalendarOutlined, CopyOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { calendarEndpoints } from "../../../contracts/calendar";
import { call } from "../../app/api";
import { showSuccess } from "../../app/notify";

/**
 * The unit's deadlines as an .ics feed behind a secret address. The address is shown once; making a new one
 * cancels the old, so a leaked link is fixed by making another.
 */
export function CalendarLink({ unitId, unitName }: { unitId: string; unitName: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const create = useMutation({
    mutationFn: () => call(calendarEndpoints.createToken, { params: { id: unitId } }),
    onError: () => undefined,
  });
  const copy = async (url: string) => {
    await navigator.clipboard.writeText(url);
    showSuccess(t("calendar.copied"));
  };
  return (
    <>
      <Button icon={<CalendarOutlined />} onClick={() => setOpen(true)} data-testid="calendar-open">
        {t("calendar.open")}
      </Button>
      <Modal
        open={open}
        title={t("calendar.title", { unit: unitName })}
        onCancel={() => {
          setOpen(false);
          create.reset();
        }}
        footer={null}
      >
        <Typography.Paragraph>{t("calendar.help")}</Typography.Paragraph>
        {create.error && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 12 }} />}
        {create.data ? (
          <Space.Compact style={{ width: "100%" }}>
            <Input readOnly value={create.data.url} data-testid="calendar-url" onFocus={(e) => e.target.select()} />
            <Button icon={<CopyOutlined />} onClick={() => void copy(create.data.url)}>
              {t("calendar.copy")}
            </Button>
          </Space.Compact>
        ) : (
          <Button type="primary" loading={create.isPending} onClick={() => create.mutate()} data-testid="calendar-create">
            {t("calendar.create")}
          </Button>
        )}
      </Modal>
    </>
  );
}
