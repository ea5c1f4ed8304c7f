import { Progress } from "antd";
import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import type { Attendance } from "../../../contracts/checkin";

type Count = { key: string; name: string; present: number; expected: number };

const percent = (c: { present: number; expected: number }) => (c.expected ? Math.round((c.present / c.expected) * 100) : 0);

/** The projector's colours (light on dark, readable from the back of the hall) and the tab's (the page's own). */
const themes = {
  screen: { text: "#f5f5f5", muted: "#bfbfbf", trail: "#2b3a55", stroke: "#52c41a", card: "#14243f" },
  tab: { text: "inherit", muted: "rgba(0,0,0,0.55)", trail: "#f0f0f0", stroke: "#389e0d", card: "#fafafa" },
} as const;

/**
 * Present / expected in large type, then a progress bar per group and one per unit. The projector view
 * (`variant="screen"`) sizes everything by the viewport; the tab shows the same, smaller.
 */
export function AttendanceBoard({ attendance, variant }: { attendance: Attendance; variant: "screen" | "tab" }) {
  const { t } = useTranslation();
  const theme = themes[variant];
  const big = variant === "screen";
  const bar = (c: Count, testId: string, style: CSSProperties) => (
    <div
      key={c.key}
      data-testid={testId}
      data-key={c.key}
      data-name={c.name}
      data-present={c.present}
      data-expected={c.expected}
      style={{ background: theme.card, borderRadius: 6, padding: big ? "0.6vw 1vw" : "6px 10px", ...style }}
    >
      <div style={{ display: "flex", justifyContent: "space-between", gap: 8, color: theme.text }}>
        <span style={{ fontWeight: 600, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>{c.name}</span>
        <span style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
          {c.present}/{c.expected}
        </span>
      </div>
      <Progress
        percent={percent(c)}
        showInfo={false}
        strokeColor={theme.stroke}
        railColor={theme.trail}
        size={{ height: big ? 14 : 8 }}
        style={{ margin: 0 }}
      />
    </div>
  );
  return (
    <div data-testid="attendance-board" style={{ color: theme.text }}>
      <div style={{ display: "flex", alignItems: "baseline", gap: big ? "2vw" : 16, flexWrap: "wrap" }}>
        <span style={{ fontSize: big ? "2.4vw" : 16, color: theme.muted }}>{t("attendance.present")}</span>
        <span style={{ fontSize: big ? "9vw" : 48, fontWeight: 700, lineHeight: 1, fontVariantNumeric: "tabular-nums" }}>
          <span data-testid="attendance-present" data-value={attendance.present}>
            {attendance.present}
          </span>
          <span style={{ color: theme.muted }}> / </span>
          <span data-testid="attendance-expected" data-value={attendance.expected}>
            {attendance.expected}
          </span>
        </span>
        <span data-testid="attendance-percent" style={{ fontSize: big ? "4vw" : 24, color: theme.stroke }}>
          {percent(attendance)}%
        </span>
      </div>
      <h3 style={{ color: theme.muted, fontSize: big ? "1.8vw" : 15, margin: big ? "1.5vw 0 0.6vw" : "16px 0 8px" }}>
        {t("attendance.byGroup")}
      </h3>
      <div style={{ display: "grid", gap: big ? "0.6vw" : 8, fontSize: big ? "1.9vw" : 14 }}>
        {attendance.byGroup.map((g) => bar(g, "attendance-group", {}))}
      </div>
      <h3 style={{ color: theme.muted, fontSize: big ? "1.8vw" : 15, margin: big ? "1.5vw 0 0.6vw" : "16px 0 8px" }}>
        {t("attendance.byUnit")}
      </h3>
      <div
        style={{
          display: "grid",
          gap: big ? "0.5vw" : 8,
          gridTemplateColumns: `repeat(auto-fill, minmax(${big ? "22vw" : "240px"}, 1fr))`,
          fontSize: big ? "1.2vw" : 13,
        }}
      >
        {attendance.byUnit.map((u) => bar(u, "attendance-unit", {}))}
      </div>
    </div>
  );
}
