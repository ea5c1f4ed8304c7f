import { Button, Input, List, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { buttonProps } from "../../components/testId";
import type { DoorSession, DoorState } from "./door-session";
import { wallClock } from "./useDoorSession";

/** Finding a delegate typed with or without diacritics (the roster's search key), and checking them in by name. */
export function DoorSearchPanel({
  session,
  state,
  onPick,
}: {
  session: DoorSession;
  state: DoorState;
  onPick: (delegateId: string) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  // `state` changes when the roster or arrivals do: the matches and their "in since" tags follow.
  const found = state.roster ? session.find(query) : [];
  return (
    <div>
      <label htmlFor="door-search" style={{ fontSize: 16 }}>
        {t("door.search")}
      </label>
      <Input
        id="door-search"
        size="large"
        allowClear
        data-testid="door-search"
        value={query}
        placeholder={t("door.searchPlaceholder")}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
        style={{ fontSize: 20 }}
      />
      {query.trim() !== "" && (
        <List
          data-testid="door-search-results"
          locale={{ emptyText: t("door.noMatch") }}
          dataSource={found}
          renderItem={(d) => {
            const arrival = state.arrivals.get(d.id);
            return (
              <List.Item
                data-testid="door-search-item"
                data-delegate-id={d.id}
                actions={[
                  <Button
                    key="in"
                    type="primary"
                    size="large"
                    onClick={() => {
                      onPick(d.id);
                      setQuery("");
                    }}
                    {...buttonProps("door-search-checkin")}
                  >
                    {t("door.checkIn")}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={<span style={{ fontSize: 20 }}>{d.fullName}</span>}
                  description={
                    <>
                      <Typography.Text>{[d.title, d.unitName, d.seatLabel].filter(Boolean).join(" · ")}</Typography.Text>{" "}
                      {arrival && <Tag color="gold">{t("door.alreadyIn", { time: wallClock(arrival.at) })}</Tag>}
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
    </div>
  );
}
