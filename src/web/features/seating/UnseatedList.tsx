import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { SeatedDelegate } from "../../../contracts/seating";
import { delegateHint, UNGROUPED_COLOUR } from "./hall";

/** The delegates without a seat, in protocol order: each one dragged onto a seat, or picked then placed with a click. */
export const UnseatedList = memo(function UnseatedList({
  delegates,
  colours,
  found,
  selectedDelegateId,
  canEdit,
}: {
  delegates: readonly SeatedDelegate[];
  colours: ReadonlyMap<string, string>;
  /** Ids of the delegates the search found, or null without a search. */
  found: ReadonlySet<string> | null;
  selectedDelegateId: string | null;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="seating-unseated" data-testid="seating-unseated">
      <div className="seating-caption">{t("seating.unseatedTitle", { count: delegates.length })}</div>
      {delegates.map((d) => (
        <div
          key={d.id}
          className={["seating-unseated-item", found?.has(d.id) && "seat--found", d.id === selectedDelegateId && "seat--selected"]
            .filter(Boolean)
            .join(" ")}
          data-testid="unseated-delegate"
          data-unseated="true"
          data-delegate-id={d.id}
          data-delegate-name={d.fullName}
          draggable={canEdit}
          tabIndex={canEdit ? 0 : undefined}
          role={canEdit ? "button" : undefined}
          title={delegateHint(d)}
        >
          <span className="seating-dot" style={{ background: colours.get(d.groupName) ?? UNGROUPED_COLOUR }} />
          <span>
            {d.fullName}
            <small>{[d.title, d.unitName].filter(Boolean).join(" – ")}</small>
          </span>
        </div>
      ))}
    </div>
  );
});
