import { Button, DatePicker, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api";
import { showSuccess } from "../../app/notify";
import { useSetDeadline } from "./api";

const FORMAT = "DD/MM/YYYY HH:mm";
const shown = (iso: string) => dayjs(iso).format("HH:mm DD/MM/YYYY");

/**
 * The organisers' deadline for answering the personal links (xác báo): set, changed or cleared (then answers are taken
 * until the opening). Checked here first (a date is needed, before the opening) and again by the server; a deadline
 * already past is allowed with a warning, since it closes the answers.
 */
export function DeadlineControl({
  conferenceId,
  confirmBy,
  startsAt,
}: {
  conferenceId: string;
  confirmBy: string | null;
  startsAt: string | null;
}) {
  const { t } = useTranslation();
  const save = useSetDeadline(conferenceId);
  const [value, setValue] = useState<Dayjs | null>(confirmBy ? dayjs(confirmBy) : null);
  const [error, setError] = useState<string | null>(null);
  const submit = (next: Dayjs | null) => {
    setError(null);
    save.mutate(next ? next.toISOString() : null, {
      onSuccess: () => showSuccess(t(next ? "delegates.deadline.saved" : "delegates.deadline.cleared")),
      onError: (e) => setError(e instanceof ApiError ? e.message : t("errors.unexpected")),
    });
  };
  const onSave = () => {
    if (!value) return setError(t("delegates.deadline.required"));
    if (startsAt && value.isAfter(dayjs(startsAt))) return setError(t("delegates.deadline.afterStart", { at: shown(startsAt) }));
    submit(value);
  };
  const past = value?.isBefore(dayjs()) === true;
  return (
    <div data-testid="delegate-deadline-control">
      <Space wrap align="center">
        <Typography.Text>
          {t("delegates.tally.deadline")}:{" "}
          <b data-testid="delegate-deadline" data-value={confirmBy ?? ""}>
            {confirmBy ? shown(confirmBy) : t("delegates.tally.noDeadline")}
          </b>
        </Typography.Text>
        <DatePicker
          showTime={{ format: "HH:mm" }}
          format={FORMAT}
          value={value}
          onChange={(v) => {
            setValue(v);
            setError(null);
          }}
          placeholder={t("delegates.deadline.placeholder")}
          status={error ? "error" : undefined}
          data-testid="delegate-deadline-input"
        />
        <Button loading={save.isPending} onClick={onSave} data-testid="delegate-deadline-save">
          {t("delegates.tally.setDeadline")}
        </Button>
        {confirmBy && (
          <Button
            loading={save.isPending}
            onClick={() => {
              setValue(null);
              submit(null);
            }}
            data-testid="delegate-deadline-clear"
          >
            {t("delegates.deadline.clear")}
          </Button>
        )}
      </Space>
      {error && (
        <div>
          <Typography.Text type="danger" data-testid="delegate-deadline-error">
            {error}
          </Typography.Text>
        </div>
      )}
      {!error && past && (
        <div>
          <Typography.Text type="warning" data-testid="delegate-deadline-past">
            {t("delegates.deadline.past")}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
