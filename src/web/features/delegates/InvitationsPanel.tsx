import { FilePdfOutlined, FileZipOutlined, MailOutlined } from "@ant-design/icons";
import { Alert, Button, Checkbox, List, Progress, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { matches } from "../../../domain/text/vietnamese";
import { showError, showSuccess } from "../../app/notify";
import { downloadInvitations, useCreateInvitations, useInvitationBatches, useTally } from "./api";

const ALL = "all";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Giấy mời in bulk, for every delegate or for one unit's delegates (one letter each): the request, each batch's bar
 * (read from the server, so it survives a reload, then moved by the job's live events) and downloads.
 */
export function InvitationsPanel({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const batches = useInvitationBatches(conferenceId);
  const create = useCreateInvitations(conferenceId);
  // No delegate, no letter: the button waits for the list (the server would answer 409).
  const tally = useTally(conferenceId).data;
  const total = tally?.totals.total ?? 0;
  // Units of the organisation tree the delegates belong to (a unit written only as text has no id to ask for).
  const units = (tally?.byUnit ?? []).filter((u) => UUID.test(u.key));
  const unitName = new Map(units.map((u) => [u.key, u.label]));
  const [sendEmail, setSendEmail] = useState(false);
  const [unitId, setUnitId] = useState<string | null>(null);
  const get = (batchId: string, kind: "zip" | "pdf") =>
    downloadInvitations(conferenceId, batchId, kind).catch((e: unknown) => showError(e, t("errors.unexpected")));
  return (
    <div>
      <Typography.Title level={5}>{t("delegates.invitations.title")}</Typography.Title>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button
          type="primary"
          icon={<MailOutlined />}
          loading={create.isPending}
          disabled={total === 0}
          data-testid="invitations-make"
          onClick={() =>
            create.mutate(
              { sendEmail, unitId },
              { onSuccess: () => showSuccess(t("delegates.invitations.queued")), onError: (e) => showError(e, t("errors.unexpected")) },
            )
          }
        >
          {t(unitId ? "delegates.invitations.makeForUnit" : "delegates.invitations.make")}
        </Button>
        <Select<string>
          style={{ minWidth: 260 }}
          value={unitId ?? ALL}
          onChange={(v) => setUnitId(v === ALL ? null : v)}
          showSearch={{ filterOption: (input, option) => matches(String(option?.label ?? ""), input) }}
          data-testid="invitations-unit"
          options={[
            { value: ALL, label: t("delegates.invitations.allUnits") },
            ...units.map((u) => ({ value: u.key, label: t("delegates.invitations.unitOption", { unit: u.label, n: u.total }) })),
          ]}
        />
        <Checkbox checked={sendEmail} onChange={(e) => setSendEmail(e.target.checked)} data-testid="invitations-email">
          {t("delegates.invitations.sendEmail")}
        </Checkbox>
      </Space>
      {batches.error && <Alert type="error" showIcon title={batches.error.message} />}
      <List
        data-testid="invitation-batches"
        data-live={batches.live}
        locale={{ emptyText: t("delegates.invitations.empty") }}
        dataSource={batches.data?.batches ?? []}
        renderItem={(b) => (
          <List.Item data-testid="invitation-batch" data-state={b.state}>
            <Space wrap>
              <Typography.Text>
                {t("delegates.invitations.number")} {b.documentNumber}
              </Typography.Text>
              <Typography.Text type="secondary" data-testid="invitation-batch-scope">
                {b.unitId ? (unitName.get(b.unitId) ?? t("delegates.invitations.oneUnit")) : t("delegates.invitations.allUnits")}
              </Typography.Text>
              <Tag color={b.state === "done" ? "green" : b.state === "failed" ? "red" : "blue"}>
                {t(`delegates.invitations.state.${b.state}`)}
              </Tag>
              <Progress
                style={{ width: 240 }}
                percent={b.total ? Math.round((b.done / b.total) * 100) : 0}
                format={() => `${b.done}/${b.total}`}
                status={b.state === "failed" ? "exception" : b.state === "done" ? "success" : "active"}
                data-testid="invitation-progress"
              />
              {b.zipReady && (
                <Button
                  size="small"
                  icon={<FileZipOutlined />}
                  onClick={() => void get(b.id, "zip")}
                  data-testid="invitations-zip"
                  data-safe-action="download"
                >
                  {t("delegates.invitations.zip")}
                </Button>
              )}
              {b.pdfReady && (
                <Button
                  size="small"
                  icon={<FilePdfOutlined />}
                  onClick={() => void get(b.id, "pdf")}
                  data-testid="invitations-pdf"
                  data-safe-action="download"
                >
                  {t("delegates.invitations.pdf")}
                </Button>
              )}
              {b.error && <Typography.Text type="danger">{b.error}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
