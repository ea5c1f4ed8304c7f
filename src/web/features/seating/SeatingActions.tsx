import { ClearOutlined, DownloadOutlined, LayoutOutlined, ThunderboltOutlined } from "@ant-design/icons";
import { Button, Modal, Popconfirm, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConferenceDetail } from "../../../contracts/conferences";
import type { SeatingPlan } from "../../../contracts/seating";
import { showError, showSuccess } from "../../app/notify";
import { buttonProps } from "../../components/testId";
import { downloadSeatingChart, useAutoAssign, useClearSeating } from "./api";
import { LayoutDialog } from "./LayoutDialog";

/**
 * The organiser's buttons: the hall's layout, seating everyone by protocol (optionally a group on the presidium),
 * clearing every seat; each sends the plan's version, so a plan changed meanwhile answers 409 and is re-read.
 * The A3 chart is for every reader.
 */
export function SeatingActions({ conference, plan, seated }: { conference: ConferenceDetail; plan: SeatingPlan; seated: number }) {
  const { t } = useTranslation();
  const [layoutOpen, setLayoutOpen] = useState(false);
  const [autoOpen, setAutoOpen] = useState(false);
  const [presidiumGroupId, setPresidiumGroupId] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const auto = useAutoAssign(conference.id);
  const clear = useClearSeating(conference.id);
  const failed = (e: unknown) => showError(e, t("errors.unexpected"));
  const hasLayout = plan.layout !== null;

  return (
    <Space wrap>
      {conference.canOrganise && (
        <Button
          icon={<LayoutOutlined />}
          type={hasLayout ? "default" : "primary"}
          onClick={() => setLayoutOpen(true)}
          data-testid="seating-layout"
          data-safe-action="dialog"
        >
          {hasLayout ? t("seating.layout.replace") : t("seating.layout.create")}
        </Button>
      )}
      {conference.canOrganise && hasLayout && (
        <Button
          type="primary"
          icon={<ThunderboltOutlined />}
          onClick={() => setAutoOpen(true)}
          data-testid="seating-auto"
          data-safe-action="dialog"
        >
          {t("seating.auto.button")}
        </Button>
      )}
      {conference.canOrganise && hasLayout && (
        <Popconfirm
          title={t("seating.clear.confirm", { count: seated })}
          okText={t("seating.clear.button")}
          cancelText={t("common.cancel")}
          okButtonProps={buttonProps("seating-clear-confirm", { danger: true })}
          onConfirm={() => clear.mutate(plan.version, { onSuccess: () => showSuccess(t("seating.clear.done")), onError: failed })}
        >
          <Button danger icon={<ClearOutlined />} loading={clear.isPending} disabled={seated === 0} data-testid="seating-clear">
            {t("seating.clear.button")}
          </Button>
        </Popconfirm>
      )}
      {hasLayout && (
        <Button
          icon={<DownloadOutlined />}
          loading={downloading}
          data-testid="seating-chart"
          data-safe-action="download"
          onClick={() => {
            setDownloading(true);
            downloadSeatingChart(conference.id)
              .catch(failed)
              .finally(() => setDownloading(false));
          }}
        >
          {t("seating.chart")}
        </Button>
      )}
      {layoutOpen && <LayoutDialog plan={plan} open={layoutOpen} onClose={() => setLayoutOpen(false)} />}
      <Modal
        open={autoOpen}
        title={t("seating.auto.title")}
        okText={t("seating.auto.run")}
        cancelText={t("common.cancel")}
        okButtonProps={buttonProps("seating-auto-confirm", { loading: auto.isPending })}
        onCancel={() => setAutoOpen(false)}
        onOk={() =>
          auto.mutate(
            { version: plan.version, presidiumGroupId },
            {
              onSuccess: (next) => {
                setAutoOpen(false);
                showSuccess(t("seating.auto.done", { count: next.seats.filter((s) => s.delegate).length }));
              },
              onError: (e) => {
                setAutoOpen(false);
                failed(e);
              },
            },
          )
        }
      >
        <Typography.Paragraph>{t("seating.auto.help")}</Typography.Paragraph>
        {seated > 0 && <Typography.Paragraph type="warning">{t("seating.auto.replaces", { count: seated })}</Typography.Paragraph>}
        <Typography.Text>{t("seating.auto.presidiumGroup")}</Typography.Text>
        <Select
          allowClear
          style={{ width: "100%", marginTop: 4 }}
          placeholder={t("seating.auto.topRanks")}
          value={presidiumGroupId ?? undefined}
          onChange={(v: string | undefined) => setPresidiumGroupId(v ?? null)}
          options={conference.delegateGroups.map((g) => ({ value: g.id, label: g.name }))}
          data-testid="seating-presidium-group"
        />
      </Modal>
    </Space>
  );
}
