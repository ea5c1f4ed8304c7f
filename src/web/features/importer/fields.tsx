import { AimOutlined } from "@ant-design/icons";
import { Button, DatePicker, TimePicker, Tooltip } from "antd";
import dayjs from "dayjs";
import { createContext, type ReactNode, useContext } from "react";
import { useTranslation } from "react-i18next";
import { DATE_FORMAT } from "../../i18n/index";

/** Shared by the source view and the form: which pieces were found, which is active, how to jump. */
export interface LocateApi {
  found: ReadonlySet<string>;
  active: string | null;
  showInSource(id: string): void;
}
export const LocateContext = createContext<LocateApi>({ found: new Set(), active: null, showInSource: () => undefined });

/** A field label that, when the value was found in the source, jumps to its highlight. */
export function Located({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { found, active, showInSource } = useContext(LocateContext);
  if (!found.has(id)) return <span id={`field-${id}`}>{children}</span>;
  return (
    <span id={`field-${id}`} className={active === id ? "kh-field-active" : undefined}>
      {children}{" "}
      <Tooltip title={t("importPlan.showInSource")}>
        <Button type="link" size="small" icon={<AimOutlined />} onClick={() => showInSource(id)} data-testid={`locate-${id}`} />
      </Tooltip>
    </span>
  );
}

/** An ISO date (`2026-05-31`) edited as dd/MM/yyyy. */
export function DateField({ value, onChange }: { value?: string | null; onChange?: (v: string | null) => void }) {
  return (
    <DatePicker
      format={DATE_FORMAT}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format("YYYY-MM-DD") : null)}
      style={{ width: "100%" }}
    />
  );
}

/** A time of day (`08:00`) edited as HH:mm. */
export function TimeField({ value, onChange }: { value?: string | null; onChange?: (v: string | null) => void }) {
  return (
    <TimePicker
      format="HH:mm"
      minuteStep={5}
      needConfirm={false}
      value={value ? dayjs(`2000-01-01T${value}`) : null}
      onChange={(d) => onChange?.(d ? d.format("HH:mm") : null)}
      style={{ width: "100%" }}
    />
  );
}
