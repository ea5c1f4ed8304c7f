import { Input, List, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { UnitView } from "../../../contracts/organisations";
import { useUnitSearch } from "./api";
import { treeLabel } from "./labels";

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Search typed with or without diacritics (`dong hai` finds `Phường Đông Hải`); picking a result shows it in the tree. */
export function UnitSearch({ onPick }: { onPick: (unit: UnitView) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const q = useDebounced(text, 250);
  const search = useUnitSearch(q);
  return (
    <div>
      <Input.Search
        allowClear
        placeholder={t("organisations.searchPlaceholder")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        loading={search.isFetching}
        data-testid="unit-search"
      />
      {text.trim() !== "" && q.trim() !== "" && search.data && (
        <List<UnitView>
          size="small"
          bordered
          style={{ marginTop: 8, maxHeight: 260, overflow: "auto" }}
          data-testid="unit-search-results"
          // The query these results answer; empty while older results stand in for a pending search.
          data-query={search.isPlaceholderData || q !== text ? "" : q.trim()}
          locale={{ emptyText: t("organisations.searchEmpty") }}
          dataSource={search.data.units}
          renderItem={(unit) => (
            <List.Item
              style={{ cursor: "pointer" }}
              data-testid="unit-search-result"
              onClick={() => {
                onPick(unit);
                setText("");
              }}
            >
              <span>{unit.name}</span>
              <Typography.Text type="secondary">{treeLabel(unit.tree, t)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
