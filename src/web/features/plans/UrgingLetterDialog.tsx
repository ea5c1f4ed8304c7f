import { MailOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Spin, Table, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanDetail } from "../../../contracts/plans";
import { showError, showSuccess } from "../../app/notify";
import { downloadUrgingLetter, useUrgingLetterPreview } from "./api";

interface Row {
  key: string;
  unit: string;
  what: string;
  due: string;
  state: "overdue" | "returned";
  note: string | null;
}

/**
 * Công văn đôn đốc: first the late units and what each owes by when (what the letter will list), then the
 * letter itself, which takes the next number of the issuer's register of outgoing documents.
 */
export function UrgingLetterButton({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [making, setMaking] = useState(false);
  const preview = useUrgingLetterPreview(plan.id, open);
  // The letter is for units that are late or were sent back; with none, the server has nothing to write.
  const nothingLate = plan.counts.overdue + plan.counts.returned === 0;
  const rows: Row[] = (preview.data?.lateUnits ?? []).flatMap((u) =>
    u.items.map((item, i) => ({ key: `${u.unit}-${i}`, unit: u.unit, ...item })),
  );
  const make = () => {
    setMaking(true);
    downloadUrgingLetter(plan)
      .then(() => {
        showSuccess(t("plans.urging.made"));
        setOpen(false);
      })
      .catch((error: unknown) => showError(error, t("errors.unexpected")))
      .finally(() => setMaking(false));
  };
  return (
    <>
      <Tooltip title={nothingLate ? t("plans.actions.urgingNothingLate") : undefined}>
        <Button
          icon={<MailOutlined />}
          disabled={nothingLate}
          onClick={() => setOpen(true)}
          data-testid="plan-urging-letter"
          data-safe-action="dialog"
        >
          {t("plans.actions.urgingLetter")}
        </Button>
      </Tooltip>
      <Modal
        open={open}
        width={860}
        title={t("plans.urging.title")}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        footer={[
          <Button key="cancel" onClick={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>,
          <Button
            key="make"
            type="primary"
            icon={<MailOutlined />}
            loading={making}
            disabled={rows.length === 0}
            onClick={make}
            data-testid="urging-letter-download"
          >
            {t("plans.urging.download")}
          </Button>,
        ]}
      >
        {preview.isLoading && <Spin />}
        {preview.error && <Alert type="error" showIcon title={preview.error.message} />}
        {preview.data && (
          <div data-testid="urging-letter-preview">
            <Typography.Paragraph>
              {t("plans.urging.help", { units: preview.data.lateUnits.length, rows: rows.length })}
            </Typography.Paragraph>
            <Table<Row>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={rows}
              scroll={{ x: 640 }}
              columns={[
                { key: "unit", title: t("plans.urging.unit"), dataIndex: "unit", width: 200 },
                { key: "what", title: t("plans.urging.what"), dataIndex: "what" },
                { key: "due", title: t("plans.urging.due"), dataIndex: "due", width: 170 },
                {
                  key: "state",
                  title: t("plans.urging.state"),
                  width: 170,
                  render: (_, r) => `${t(`plans.urging.states.${r.state}`)}${r.note ? ` (${r.note})` : ""}`,
                },
              ]}
            />
          </div>
        )}
      </Modal>
    </>
  );
}
