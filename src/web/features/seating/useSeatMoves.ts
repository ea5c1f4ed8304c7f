import { type DragEvent, type KeyboardEvent, type MouseEvent, useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { showError, showSuccess } from "../../app/notify";
import { useMoveDelegate, useSwapDelegates } from "./api";

/** A delegate being moved: who, and the seat the organiser saw them in (null when unseated). */
export interface MoveSource {
  delegateId: string;
  fromSeatId: string | null;
  name: string;
}

const DRAG_TYPE = "application/x-kehoach-delegate";

/** The seat or unseated delegate under an event, read from the data attributes the grid and the list carry. */
function pieceOf(target: EventTarget | null): { seatId: string | null; delegateId: string | null; name: string } | null {
  const el = target instanceof Element ? target.closest<HTMLElement>("[data-seat-id], [data-unseated]") : null;
  if (!el) return null;
  return { seatId: el.dataset.seatId ?? null, delegateId: el.dataset.delegateId ?? null, name: el.dataset.delegateName ?? "" };
}

const seatElement = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>("[data-seat-id]") : null);

/**
 * Moving delegates by hand, for the whole workspace at once (one handler set, not one per seat): drag a delegate
 * from the unseated list or a seat onto a free seat (a move) or onto someone's seat (a swap); or click (Enter) a
 * delegate, then a seat. Every request names the seat the organiser saw: if someone moved first, the server's 409
 * message is shown (by the app's mutation cache: these mutations have no onError of their own) and the plan re-read.
 */
export function useSeatMoves(conferenceId: string, canEdit: boolean) {
  const { t } = useTranslation();
  const move = useMoveDelegate(conferenceId);
  const swap = useSwapDelegates(conferenceId);
  const [selected, setSelected] = useState<MoveSource | null>(null);
  const dragged = useRef<MoveSource | null>(null);

  const place = useCallback(
    (source: MoveSource, seatId: string, occupantId: string | null, seatLabel: string) => {
      setSelected(null);
      if (source.fromSeatId === seatId || source.delegateId === occupantId) return;
      const done = () => showSuccess(t("seating.moved", { name: source.name, seat: seatLabel }));
      if (!occupantId) {
        move.mutate({ delegateId: source.delegateId, fromSeatId: source.fromSeatId, toSeatId: seatId }, { onSuccess: done });
        return;
      }
      if (!source.fromSeatId) {
        showError(null, t("seating.occupied"));
        return;
      }
      swap.mutate(
        { a: { delegateId: source.delegateId, seatId: source.fromSeatId }, b: { delegateId: occupantId, seatId } },
        { onSuccess: () => showSuccess(t("seating.swapped", { name: source.name, seat: seatLabel })) },
      );
    },
    [move, swap, t],
  );

  const activate = useCallback(
    (target: EventTarget | null) => {
      const piece = pieceOf(target);
      if (!piece) return;
      const label = seatElement(target)?.dataset.label ?? "";
      if (selected && piece.seatId) {
        place(selected, piece.seatId, piece.delegateId, label);
        return;
      }
      if (!piece.delegateId) return;
      setSelected(
        selected?.delegateId === piece.delegateId ? null : { delegateId: piece.delegateId, fromSeatId: piece.seatId, name: piece.name },
      );
    },
    [selected, place],
  );

  const handlers = useMemo(() => {
    if (!canEdit) return {};
    return {
      onClick: (e: MouseEvent) => activate(e.target),
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key === "Escape") setSelected(null);
        if (e.key !== "Enter" && e.key !== " ") return;
        if (!pieceOf(e.target)) return;
        e.preventDefault();
        activate(e.target);
      },
      onDragStart: (e: DragEvent) => {
        const piece = pieceOf(e.target);
        if (!piece?.delegateId) return;
        const source = { delegateId: piece.delegateId, fromSeatId: piece.seatId, name: piece.name };
        dragged.current = source;
        e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(source));
        e.dataTransfer.setData("text/plain", piece.name);
        e.dataTransfer.effectAllowed = "move";
      },
      onDragEnd: () => {
        dragged.current = null;
      },
      onDragOver: (e: DragEvent) => {
        if (!seatElement(e.target)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "move";
      },
      onDragEnter: (e: DragEvent) => seatElement(e.target)?.classList.add("seat--over"),
      onDragLeave: (e: DragEvent) => seatElement(e.target)?.classList.remove("seat--over"),
      onDrop: (e: DragEvent) => {
        const seat = seatElement(e.target);
        if (!seat) return;
        e.preventDefault();
        seat.classList.remove("seat--over");
        const carried = e.dataTransfer.getData(DRAG_TYPE);
        const source = carried ? (JSON.parse(carried) as MoveSource) : dragged.current;
        dragged.current = null;
        if (source) place(source, seat.dataset.seatId ?? "", seat.dataset.delegateId ?? null, seat.dataset.label ?? "");
      },
    };
  }, [canEdit, activate, place]);

  return { selected, clearSelection: () => setSelected(null), handlers, busy: move.isPending || swap.isPending };
}
