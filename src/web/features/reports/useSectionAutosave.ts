import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReportSection, UnitReport } from "../../../contracts/reports";
import { ApiError } from "../../app/api";
import { saveSection, unitReportKey } from "./api";
import { clearDraft, readDraft, writeDraft } from "./drafts";

type Doc = Record<string, unknown>;
export type SaveStatus = "idle" | "saving" | "saved" | "offline" | "conflict" | "refused";

const DEBOUNCE_MS = 800;
const RETRY_MS = 10_000;

/**
 * One heading's text kept safe: every change goes to IndexedDB at once and to the server after a pause, with the
 * version it was typed over. A 409 stops the autosave and hands back the server's copy (`conflict`) so both can be
 * shown; a network failure keeps the local copy and retries. On opening, a local copy the server lacks is restored.
 */
export function useSectionAutosave(obligationId: string, section: ReportSection, editable: boolean) {
  const [doc, setDocState] = useState<Doc>(section.doc);
  const [ready, setReady] = useState(false);
  const [editorKey, setEditorKey] = useState(0);
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [savedAt, setSavedAt] = useState<string | null>(section.updatedAt);
  const [conflict, setConflict] = useState<ReportSection | null>(null);
  const [refusal, setRefusal] = useState("");
  const live = useRef({ doc: section.doc, version: section.version, typedAt: 0, pending: false, saving: false, blocked: false });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { headingId } = section;
  const queryClient = useQueryClient();
  // The page's copy of the report follows every save, so a remount or an upload starts from the current version.
  const remember = useCallback(
    (saved: ReportSection) =>
      queryClient.setQueryData<UnitReport>(
        unitReportKey(obligationId),
        (r) => r && { ...r, sections: [...r.sections.filter((x) => x.headingId !== saved.headingId), saved] },
      ),
    [queryClient, obligationId],
  );

  const flush = useCallback(async () => {
    const s = live.current;
    if (!s.pending || s.saving || s.blocked) return;
    s.saving = true;
    const typedAt = s.typedAt;
    setStatus("saving");
    try {
      const saved = await saveSection(obligationId, headingId, s.version, s.doc);
      s.version = saved.version;
      remember(saved);
      setSavedAt(saved.updatedAt);
      if (s.typedAt === typedAt) {
        s.pending = false;
        setStatus("saved");
        await clearDraft(obligationId, headingId, typedAt);
      }
    } catch (error) {
      const e = error instanceof ApiError ? error : undefined;
      const current = (e?.details as { current?: ReportSection } | undefined)?.current;
      if (e?.code === "VERSION_CONFLICT" && current) {
        s.blocked = true;
        setConflict(current);
        setStatus("conflict");
      } else if (e && e.status >= 400 && e.status < 500) {
        s.blocked = e.status === 409;
        setRefusal(e.message);
        setStatus("refused");
      } else {
        setStatus("offline");
        timer.current = setTimeout(() => void flush(), RETRY_MS);
      }
    } finally {
      s.saving = false;
    }
    if (s.pending && !s.blocked && s.typedAt !== typedAt) timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
  }, [obligationId, headingId, remember]);

  const change = useCallback(
    (next: Doc) => {
      const s = live.current;
      s.doc = next;
      s.typedAt = Date.now();
      s.pending = true;
      setDocState(next);
      void writeDraft(obligationId, headingId, { doc: next, baseVersion: s.version, at: s.typedAt });
      clearTimeout(timer.current);
      if (!s.blocked) timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [obligationId, headingId, flush],
  );

  // On opening: a local copy typed over this server version is restored and saved; over an older one, both are shown.
  useEffect(() => {
    let gone = false;
    void readDraft(obligationId, headingId).then((draft) => {
      if (gone) return;
      const s = live.current;
      if (draft && editable && JSON.stringify(draft.doc) !== JSON.stringify(section.doc)) {
        s.doc = draft.doc;
        s.typedAt = draft.at;
        s.pending = true;
        setDocState(draft.doc);
        if (draft.baseVersion === section.version) void flush();
        else {
          s.blocked = true;
          setConflict(section);
          setStatus("conflict");
        }
      } else if (draft && JSON.stringify(draft.doc) === JSON.stringify(section.doc)) void clearDraft(obligationId, headingId);
      // A copy the report can no longer take (accepted meanwhile) stays on this machine rather than vanish.
      setReady(true);
    });
    const online = () => void flush();
    window.addEventListener("online", online);
    return () => {
      gone = true;
      window.removeEventListener("online", online);
      clearTimeout(timer.current);
    };
    // Runs once per heading: the server copy it compares with is the one the page opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [obligationId, headingId]);

  /** Keeps the text typed here: saved over the server's copy that was shown. */
  const keepMine = useCallback(() => {
    const s = live.current;
    if (!conflict) return;
    s.version = conflict.version;
    s.blocked = false;
    s.pending = true;
    setConflict(null);
    void flush();
  }, [conflict, flush]);

  /** Takes the server's copy; the local one is dropped. */
  const takeServer = useCallback(() => {
    const s = live.current;
    if (!conflict) return;
    Object.assign(s, { doc: conflict.doc, version: conflict.version, blocked: false, pending: false });
    setDocState(conflict.doc);
    remember(conflict);
    setSavedAt(conflict.updatedAt);
    setConflict(null);
    setStatus("saved");
    setEditorKey((k) => k + 1);
    void clearDraft(obligationId, headingId);
  }, [conflict, obligationId, headingId, remember]);

  return { doc, ready, editorKey, status, savedAt, conflict, refusal, change, keepMine, takeServer };
}
