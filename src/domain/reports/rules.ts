/**
 * The rules of a report form's numeric indicators, as pure functions: whether a form's rules make sense
 * (a ratio names two entered indicators of the form, `≤` rules never loop) and whether a unit's values keep
 * them. Every refusal is one Vietnamese sentence naming the indicator and the rule.
 */

export type IndicatorKind = "integer" | "decimal" | "percentage";

export interface IndicatorRule {
  id: string;
  code: string;
  name: string;
  kind: IndicatorKind;
  /** `≥ min` */
  min: number | null;
  /** `≤ indicator X` (another indicator of the same form). */
  notAboveId: string | null;
  /** `= numerator ÷ denominator × 100`: computed, never entered. */
  ratio: { numeratorId: string; denominatorId: string } | null;
}

const label = (i: { name: string }) => `«${i.name}»`;

/** Vietnamese number formatting for messages: `fmt(1234.5)` → "1.234,5". */
export function fmt(value: number): string {
  return value.toLocaleString("vi-VN", { maximumFractionDigits: 4 });
}

/**
 * The first thing wrong with a form's rules, or null: `formRuleProblem([a, b, {…ratio: {a, b}}])` → null;
 * a `≤` loop a ≤ b ≤ a → "Các quy tắc «≤» tạo thành vòng lặp: «A» → «B» → «A». …".
 */
export function formRuleProblem(indicators: readonly IndicatorRule[]): string | null {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  for (const i of indicators) {
    if (i.ratio) {
      const parts = [byId.get(i.ratio.numeratorId), byId.get(i.ratio.denominatorId)];
      if (parts.some((p) => !p)) return `Tỷ lệ ${label(i)} phải lấy tử số và mẫu số là hai chỉ tiêu của cùng biểu mẫu. Hãy chọn lại.`;
      if (i.ratio.numeratorId === i.ratio.denominatorId) return `Tỷ lệ ${label(i)} cần tử số và mẫu số là hai chỉ tiêu khác nhau.`;
      const computedPart = parts.find((p) => p?.ratio || p?.id === i.id);
      if (computedPart) return `Tỷ lệ ${label(i)} chỉ được tính từ chỉ tiêu nhập số liệu; ${label(computedPart)} là chỉ tiêu tính tự động.`;
      if (i.min !== null || i.notAboveId) return `Chỉ tiêu ${label(i)} được tính tự động nên không đặt thêm quy tắc «≥» hay «≤».`;
    }
    if (i.notAboveId) {
      const target = byId.get(i.notAboveId);
      if (!target) return `Quy tắc «≤» của ${label(i)} phải so với một chỉ tiêu của cùng biểu mẫu. Hãy chọn lại.`;
      if (target.id === i.id) return `Chỉ tiêu ${label(i)} không thể so «≤» với chính nó.`;
      if (target.ratio)
        return `Quy tắc «≤» của ${label(i)} phải so với chỉ tiêu nhập số liệu, không so với tỷ lệ tính tự động ${label(target)}.`;
    }
  }
  for (const start of indicators) {
    const seen: IndicatorRule[] = [start];
    let next = start.notAboveId ? byId.get(start.notAboveId) : undefined;
    while (next) {
      if (next.id === start.id) {
        const chain = [...seen, start].map(label).join(" → ");
        return `Các quy tắc «≤» tạo thành vòng lặp: ${chain}. Hãy bỏ một quy tắc trong vòng.`;
      }
      if (seen.includes(next)) break;
      seen.push(next);
      next = next.notAboveId ? byId.get(next.notAboveId) : undefined;
    }
  }
  return null;
}

/** A ratio of two entered values, × 100, or null when it cannot be computed: `ratioOf(3, 4)` → 75. */
export function ratioOf(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined || denominator === 0) return null;
  return (numerator / denominator) * 100;
}

/**
 * Every rule a unit's values break, one Vietnamese sentence each, in form order: values are entered
 * indicators only (a computed ratio given a value is refused). Empty values break nothing.
 * `valueProblems([newMembers], new Map([[newMembers.id, -1]]))` → ["Chỉ tiêu «Số đảng viên mới» phải ≥ 0 (đang là -1)."]
 */
export function valueProblems(indicators: readonly IndicatorRule[], values: ReadonlyMap<string, number>): string[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const problems: string[] = [];
  for (const id of values.keys())
    if (!byId.has(id)) problems.push("Có số liệu cho chỉ tiêu không thuộc biểu mẫu này. Hãy tải lại biểu mẫu.");
  for (const i of indicators) {
    const value = values.get(i.id);
    if (value === undefined) continue;
    if (i.ratio) {
      problems.push(`Chỉ tiêu ${label(i)} được tính tự động (tỷ lệ), không nhập số liệu.`);
      continue;
    }
    if (!Number.isFinite(value)) problems.push(`Chỉ tiêu ${label(i)} phải là một số.`);
    else if (i.kind === "integer" && !Number.isInteger(value))
      problems.push(`Chỉ tiêu ${label(i)} phải là số nguyên (đang là ${fmt(value)}).`);
    else if (i.kind === "percentage" && (value < 0 || value > 100))
      problems.push(`Chỉ tiêu ${label(i)} là tỷ lệ phần trăm, phải từ 0 đến 100 (đang là ${fmt(value)}).`);
    if (i.min !== null && value < i.min) problems.push(`Chỉ tiêu ${label(i)} phải ≥ ${fmt(i.min)} (đang là ${fmt(value)}).`);
    const bound = i.notAboveId ? byId.get(i.notAboveId) : undefined;
    const limit = bound ? values.get(bound.id) : undefined;
    if (bound && limit !== undefined && value > limit)
      problems.push(`${label(i)} không được lớn hơn ${label(bound)} (${fmt(value)} > ${fmt(limit)}).`);
  }
  return [...new Set(problems)];
}
