import { Alert, Button, Card, Input, Result, Space, Spin, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { buttonProps } from "../../components/testId";
import { DoorRecent } from "./DoorRecent";
import { DoorResultCard } from "./DoorResultCard";
import { DoorScanPanel } from "./DoorScanPanel";
import { DoorSearchPanel } from "./DoorSearchPanel";
import { type DoorOutcome, doorKey } from "./door-session";
import { getSetting, setSetting } from "./store";
import { useDoorSession } from "./useDoorSession";

const LAST_DOOR = "door:last";

/** The door's name, chosen on the device and kept there (IndexedDB) for the next scans and visits. */
function DoorNameField({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  useEffect(() => {
    // A device usually stays at one door: the name it last used is offered for the next conference.
    void Promise.all([getSetting(doorKey(conferenceId)), getSetting(LAST_DOOR)]).then(([door, last]) => {
      setSaved(door ?? "");
      setDraft(door ?? last ?? "");
    });
  }, [conferenceId]);
  const save = async () => {
    const door = draft.trim();
    if (!door) return;
    await setSetting(doorKey(conferenceId), door);
    await setSetting(LAST_DOOR, door);
    setSaved(door);
  };
  return (
    <div>
      <label htmlFor="door-name" style={{ fontSize: 16 }}>
        {t("door.doorName")}
      </label>
      <Space.Compact style={{ width: "100%" }}>
        <Input
          id="door-name"
          size="large"
          maxLength={40}
          data-testid="door-name"
          value={draft}
          placeholder={t("door.doorNamePlaceholder")}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={() => void save()}
        />
        <Button size="large" onClick={() => void save()} {...buttonProps("door-name-save")}>
          {t("door.doorNameSave")}
        </Button>
      </Space.Compact>
      {saved !== null && (
        <Typography.Text data-testid="door-name-saved" type={saved ? "success" : "warning"}>
          {saved ? t("door.doorNameSaved", { door: saved }) : t("door.doorNameNeeded")}
        </Typography.Text>
      )}
    </div>
  );
}

/**
 * The door page on a phone: scan a delegate's QR code (verified offline) or find them by name, see who they are and
 * where they sit in large type; works from the device's copy of the roster when the network drops.
 */
export function DoorPage() {
  const { t } = useTranslation();
  const { conferenceId = "" } = useParams();
  const { session, state } = useDoorSession(conferenceId);
  const [outcome, setOutcome] = useState<DoorOutcome | null>(null);
  const onCode = useCallback((code: string) => void session.checkInCode(code).then(setOutcome), [session]);
  const onPick = useCallback((id: string) => void session.checkInDelegate(id).then(setOutcome), [session]);
  useEffect(() => {
    document.title = state.roster ? `${t("door.appTitle")} — ${state.roster.title}` : t("door.appTitle");
  }, [t, state.roster]);

  if (!state.loaded) return <Spin size="large" style={{ display: "block", margin: "30vh auto" }} />;
  if (state.denied && !state.roster)
    return (
      <div data-testid="door-denied">
        <Result status="403" title={state.denied} extra={<Link to="/door">{t("door.back")}</Link>} />
      </div>
    );
  const pending = session.pending();
  const present = state.arrivals.size;
  return (
    <main style={{ maxWidth: 720, margin: "0 auto", padding: 12, fontSize: 18 }} data-testid="door-page">
      <Space style={{ width: "100%", justifyContent: "space-between", flexWrap: "wrap" }}>
        <Link to="/door" data-testid="door-back">
          ← {t("door.back")}
        </Link>
        <Space wrap>
          <Tag
            color={state.online ? "green" : "red"}
            data-testid="door-online"
            data-online={state.online ? "true" : "false"}
            style={{ fontSize: 16, padding: 4 }}
          >
            {state.online ? t("door.online") : t("door.offline")}
          </Tag>
          <Tag color={pending ? "orange" : "default"} data-testid="door-pending" data-count={pending} style={{ fontSize: 16, padding: 4 }}>
            {t("door.pending", { count: pending })}
          </Tag>
        </Space>
      </Space>
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {state.roster?.title ?? t("door.appTitle")}
      </Typography.Title>
      {state.roster ? (
        <Space style={{ marginBottom: 8 }} wrap>
          <Typography.Text data-testid="door-roster-info">
            {t("door.rosterInfo", { count: state.roster.delegates.length, present })}
          </Typography.Text>
          <Button onClick={() => void session.refresh()} {...buttonProps("door-refresh")}>
            {t("door.refresh")}
          </Button>
        </Space>
      ) : (
        <Alert type="warning" showIcon title={t("door.rosterMissing")} data-testid="door-roster-missing" style={{ marginBottom: 12 }} />
      )}
      {state.syncError && <Alert type="error" showIcon title={state.syncError} style={{ marginBottom: 12 }} />}
      {outcome && <DoorResultCard outcome={outcome} />}
      <Card style={{ marginBottom: 16 }}>
        <Space orientation="vertical" style={{ width: "100%" }} size="large">
          <DoorNameField conferenceId={conferenceId} />
          <DoorScanPanel onCode={onCode} />
          <DoorSearchPanel session={session} state={state} onPick={onPick} />
        </Space>
      </Card>
      <DoorRecent session={session} state={state} />
    </main>
  );
}
