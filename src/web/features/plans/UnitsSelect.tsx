import { Select } from "antd";
import { useMemo } from "react";
import { matches } from "../../../domain/text/vietnamese";
import { useUnits } from "../organisations/api";

const NO_NAMES: Record<string, string> = {};

/** Several units by name (search ignores diacritics); the label carries the parent for look-alike names. */
export function UnitsSelect({
  value,
  onChange,
  placeholder,
  testId,
  disabled,
  knownNames = NO_NAMES,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  placeholder?: string;
  testId?: string;
  disabled?: boolean;
  /** Names the server sent for units this user cannot list (another tree), so a chosen one shows by name. */
  knownNames?: Record<string, string>;
}) {
  const units = useUnits().data?.units;
  const options = useMemo(() => {
    const all = units ?? [];
    const nameOf = new Map(all.map((u) => [u.id, u.name]));
    const listed = all
      .filter((u) => !u.archived)
      .map((u) => {
        const parent = u.parentId ? nameOf.get(u.parentId) : undefined;
        return { value: u.id, label: u.name, search: `${u.name} ${u.shortName ?? ""} ${parent ?? ""}`, parent };
      });
    const others = Object.entries(knownNames)
      .filter(([id]) => !nameOf.has(id))
      .map(([id, name]) => ({ value: id, label: name, search: name, parent: undefined }));
    return [...listed, ...others];
  }, [units, knownNames]);
  return (
    <Select<string[]>
      mode="multiple"
      value={value ?? []}
      onChange={(ids) => onChange?.(ids)}
      options={options}
      optionRender={(o) => (
        <span>
          {o.data.label}
          {o.data.parent && <span style={{ color: "rgba(0,0,0,0.45)" }}> · {o.data.parent}</span>}
        </span>
      )}
      showSearch={{ filterOption: (input, option) => matches(option?.search ?? "", input) }}
      placeholder={placeholder}
      style={{ width: "100%" }}
      disabled={disabled}
      data-testid={testId}
      maxTagCount="responsive"
    />
  );
}
