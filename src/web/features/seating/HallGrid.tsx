import { memo, useLayoutEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { SeatedDelegate, SeatView } from "../../../contracts/seating";
import { delegateHint, type HallDrawing, shortName, UNGROUPED_COLOUR } from "./hall";
import "./seating.css";

/** What the grid marks: the seats the search found, the delegate picked for a click-to-move. */
export interface HallMarks {
  found: ReadonlySet<string>;
  selectedDelegateId: string | null;
}

interface SeatProps {
  seat: SeatView;
  colour: string;
  found: boolean;
  selected: boolean;
  canEdit: boolean;
}

/**
 * One seat: a plain div carrying its ids in data attributes. The workspace around the grid handles clicks, keys and
 * drag and drop for every seat at once (no handler per seat), so a seat re-renders only when what it shows changes.
 */
const Seat = memo(function Seat({ seat, colour, found, selected, canEdit }: SeatProps) {
  const d = seat.delegate;
  const className = [
    "seat",
    d ? "seat--taken" : "seat--free",
    canEdit && "seat--edit",
    found && "seat--found",
    selected && "seat--selected",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div
      className={className}
      data-testid="seat"
      data-seat-id={seat.id}
      data-label={seat.label}
      data-delegate-id={d?.id}
      data-delegate-name={d?.fullName}
      data-found={found ? "true" : undefined}
      draggable={canEdit && d !== null}
      tabIndex={canEdit ? 0 : undefined}
      role={canEdit ? "button" : undefined}
      title={d ? delegateHint(d, seat.label) : seat.label}
      style={d ? { background: colour } : undefined}
    >
      {d ? shortName(d.fullName) : seat.number}
    </div>
  );
});

function SeatRow({
  row,
  colours,
  marks,
  canEdit,
}: {
  row: SeatView[];
  colours: ReadonlyMap<string, string>;
  marks: HallMarks;
  canEdit: boolean;
}) {
  const colourOf = (d: SeatedDelegate | null) => (d ? (colours.get(d.groupName) ?? UNGROUPED_COLOUR) : "");
  return (
    <div className="seat-row">
      <span className="seat-row-no">{row[0]?.row}</span>
      <div className="seat-row-seats" style={{ gridTemplateColumns: `repeat(${row.length}, var(--seat-w))` }}>
        {row.map((s) => (
          <Seat
            key={s.id}
            seat={s}
            colour={colourOf(s.delegate)}
            found={marks.found.has(s.id)}
            selected={s.delegate !== null && s.delegate.id === marks.selectedDelegateId}
            canEdit={canEdit}
          />
        ))}
      </div>
    </div>
  );
}

/** The hall as drawn from the stage: the presidium's rows on stage, the blocks side by side below, rows numbered. */
export const HallGrid = memo(function HallGrid({
  drawing,
  colours,
  marks,
  canEdit,
}: {
  drawing: HallDrawing;
  colours: ReadonlyMap<string, string>;
  marks: HallMarks;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const hall = useRef<HTMLDivElement>(null);
  const shape = [drawing.presidium.length, ...drawing.blocks.map((b) => `${b.rows.length}x${b.rows[0]?.length ?? 0}`)].join("/");
  // A hall wider than the screen opens centred on the stage, as one sees it from the aisle; only when its shape
  // changes, not after each move.
  useLayoutEffect(() => {
    const el = hall.current;
    if (el && shape) el.scrollLeft = Math.max(0, (el.scrollWidth - el.clientWidth) / 2);
  }, [shape]);
  return (
    <div className="seating-hall" data-testid="seating-hall" ref={hall}>
      <div className="seating-hall-inner">
        <div className="seating-stage" data-testid="seating-stage">
          <div className="seating-caption">{t("seating.stage")}</div>
          {drawing.presidium.map((row) => (
            <SeatRow key={row[0].id} row={row} colours={colours} marks={marks} canEdit={canEdit} />
          ))}
        </div>
        <div className="seating-blocks">
          {drawing.blocks.map((block) => (
            <div className="seating-block" key={block.index} data-testid="seating-block">
              <div className="seating-caption">{block.name}</div>
              {block.rows.map((row) => (
                <SeatRow key={row[0].id} row={row} colours={colours} marks={marks} canEdit={canEdit} />
              ))}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
});
