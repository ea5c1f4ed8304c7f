import { Alert, Col, Input, InputNumber, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";

export interface HeldDraft {
  heldDate: string;
  heldTime: string;
  attendance: number | null;
  venue: string;
}

export const emptyHeld: HeldDraft = { heldDate: "", heldTime: "", attendance: null, venue: "" };
export const heldComplete = (h: HeldDraft) => Boolean(h.heldDate && h.heldTime && h.attendance !== null && h.venue.trim());

/**
 * What a unit reports of the conference it held (per-unit conference): date and time, attendance, venue. The
 * minutes and photos go as the submission's files below.
 */
export function HeldFields({ value, onChange, error }: { value: HeldDraft; onChange: (v: HeldDraft) => void; error?: string }) {
  const { t } = useTranslation();
  const set = (patch: Partial<HeldDraft>) => onChange({ ...value, ...patch });
  return (
    <div data-testid="held-fields" style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary">{t("program.held.hint")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="held-error" />}
      <Row gutter={[8, 8]}>
        <Col xs={24} sm={8}>
          <Typography.Text>{t("program.held.date")}</Typography.Text>
          <Input type="date" value={value.heldDate} onChange={(e) => set({ heldDate: e.target.value })} data-testid="held-date" />
        </Col>
        <Col xs={24} sm={8}>
          <Typography.Text>{t("program.held.time")}</Typography.Text>
          <Input type="time" value={value.heldTime} onChange={(e) => set({ heldTime: e.target.value })} data-testid="held-time" />
        </Col>
        <Col xs={24} sm={8}>
          <Typography.Text>{t("program.held.attendance")}</Typography.Text>
          <InputNumber
            min={0}
            precision={0}
            style={{ width: "100%" }}
            value={value.attendance}
            onChange={(v) => set({ attendance: typeof v === "number" ? v : null })}
            data-testid="held-attendance"
          />
        </Col>
        <Col span={24}>
          <Typography.Text>{t("program.held.venue")}</Typography.Text>
          <Input value={value.venue} maxLength={500} onChange={(e) => set({ venue: e.target.value })} data-testid="held-venue" />
        </Col>
      </Row>
    </div>
  );
}
