import { Alert, Button, Empty, Input, Space, Spin, Statistic, Typography } from "antd";
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConferenceDetail } from "../../../contracts/conferences";
import { useSeatingPlan } from "./api";
import { HallGrid, type HallMarks } from "./HallGrid";
import { drawHall, findsDelegate, groupColours } from "./hall";
import { SeatingActions } from "./SeatingActions";
import { UnseatedList } from "./UnseatedList";
import { useSeatMoves } from "./useSeatMoves";

function scrollToFound(behavior: ScrollBehavior): void {
  document.querySelector<HTMLElement>('[data-found="true"]')?.scrollIntoView({ block: "nearest", inline: "center", behavior });
}

/**
 * Sơ đồ chỗ ngồi: the hall drawn from the stage, each seat showing who sits there in their group's colour. Readers
 * of the conference see it and download the A3 chart; organisers define the hall, seat everyone by protocol, and
 * move delegates by drag and drop or by click (a delegate, then a seat). The server checks every change.
 */
export function SeatingTab({ conference }: { conference: ConferenceDetail }) {
  const { t } = useTranslation();
  const plan = useSeatingPlan(conference.id);
  const canEdit = conference.canOrganise;
  const moves = useSeatMoves(conference.id, canEdit);
  const [query, setQuery] = useState("");
  const q = useDeferredValue(query.trim());

  const seats = plan.data?.seats;
  const unseated = plan.data?.unseated;
  const drawing = useMemo(() => drawHall(seats ?? []), [seats]);
  const colours = useMemo(() => groupColours(conference.delegateGroups.map((g) => g.name)), [conference.delegateGroups]);
  const seated = useMemo(() => (seats ?? []).filter((s) => s.delegate).length, [seats]);
  const foundSeats = useMemo(
    () => new Set(q ? (seats ?? []).filter((s) => s.delegate && findsDelegate(s.delegate, q)).map((s) => s.id) : []),
    [seats, q],
  );
  const foundUnseated = useMemo(
    () => (q ? new Set((unseated ?? []).filter((d) => findsDelegate(d, q)).map((d) => d.id)) : null),
    [unseated, q],
  );
  const marks = useMemo<HallMarks>(
    () => ({ found: foundSeats, selectedDelegateId: moves.selected?.delegateId ?? null }),
    [foundSeats, moves.selected],
  );

  // A search brings the first seat it found into view (the hall may be wider and taller than the screen).
  useEffect(() => {
    if (foundSeats.size > 0) scrollToFound("smooth");
  }, [foundSeats]);

  if (plan.error) return <Alert type="error" showIcon title={plan.error.message} />;
  if (!plan.data) return <Spin />;
  const p = plan.data;
  const usedGroups = new Set([
    ...p.seats.flatMap((s) => (s.delegate ? [s.delegate.groupName] : [])),
    ...p.unseated.map((d) => d.groupName),
  ]);
  const found = foundSeats.size + (foundUnseated?.size ?? 0);

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="seating-tab">
      <SeatingActions conference={conference} plan={p} seated={seated} />
      {!p.layout ? (
        <Empty description={canEdit ? t("seating.noLayoutOrganiser") : t("seating.noLayout")} data-testid="seating-empty" />
      ) : (
        <>
          <Space size="large" wrap>
            <Statistic title={t("seating.capacity")} value={p.capacity} data-testid="seating-capacity" />
            <Statistic title={t("seating.seated")} value={seated} data-testid="seating-seated" />
            <Statistic title={t("seating.unseated")} value={p.unseated.length} data-testid="seating-unseated-count" />
            <Statistic title={t("seating.free")} value={p.capacity - seated} data-testid="seating-free" />
          </Space>
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t("seating.search")}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onSearch={() => scrollToFound("smooth")}
              style={{ width: 320, maxWidth: "100%" }}
              data-testid="seating-search"
            />
            {q && (
              <Typography.Text type={found ? undefined : "warning"} data-testid="seating-found" data-value={found}>
                {t("seating.found", { count: found })}
              </Typography.Text>
            )}
          </Space>
          <div className="seating-legend" data-testid="seating-legend">
            {[...colours.entries()]
              .filter(([name]) => usedGroups.has(name))
              .map(([name, colour]) => (
                <span key={name}>
                  <span className="seating-dot" style={{ background: colour }} />
                  {name || t("seating.ungrouped")}
                </span>
              ))}
          </div>
          {canEdit && (
            <Alert
              type={moves.selected ? "info" : undefined}
              showIcon={!!moves.selected}
              data-testid="seating-hint"
              title={moves.selected ? t("seating.picked", { name: moves.selected.name }) : t("seating.howToMove")}
              action={
                moves.selected && (
                  <Button size="small" onClick={moves.clearSelection} data-testid="seating-unpick">
                    {t("common.cancel")}
                  </Button>
                )
              }
            />
          )}
          <div className="seating-workspace" data-testid="seating-workspace" aria-busy={moves.busy} {...moves.handlers}>
            {p.unseated.length > 0 && (
              <UnseatedList
                delegates={p.unseated}
                colours={colours}
                found={foundUnseated}
                selectedDelegateId={moves.selected?.delegateId ?? null}
                canEdit={canEdit}
              />
            )}
            <HallGrid drawing={drawing} colours={colours} marks={marks} canEdit={canEdit} />
          </div>
        </>
      )}
    </Space>
  );
}
