import { type IDBPDatabase, openDB } from "idb";

/**
 * The local copy of every heading being written, in IndexedDB: written on each change, removed once the server
 * has the same text. Closing the tab or losing the network loses no typing; on reopen the copy is found here.
 */
export interface LocalDraft {
  doc: Record<string, unknown>;
  /** The server version the text was typed over. */
  baseVersion: number;
  /** When it was typed (ms since epoch). */
  at: number;
}

const STORE = "sections";
let opened: Promise<IDBPDatabase> | undefined;
const db = () => {
  opened ??= openDB("kehoach-report-drafts", 1, { upgrade: (d) => void d.createObjectStore(STORE) });
  return opened;
};
const key = (obligationId: string, headingId: string) => `${obligationId}:${headingId}`;

export async function readDraft(obligationId: string, headingId: string): Promise<LocalDraft | undefined> {
  try {
    return (await (await db()).get(STORE, key(obligationId, headingId))) as LocalDraft | undefined;
  } catch {
    return undefined;
  }
}

export async function writeDraft(obligationId: string, headingId: string, draft: LocalDraft): Promise<void> {
  try {
    await (await db()).put(STORE, draft, key(obligationId, headingId));
  } catch {
    // Private windows may refuse IndexedDB: the server autosave still runs.
  }
}

/** Removes the local copy, unless a newer one was typed meanwhile (`typedAt` is the copy the server now holds). */
export async function clearDraft(obligationId: string, headingId: string, typedAt?: number): Promise<void> {
  try {
    const d = await db();
    const current = (await d.get(STORE, key(obligationId, headingId))) as LocalDraft | undefined;
    if (current && typedAt !== undefined && current.at > typedAt) return;
    await d.delete(STORE, key(obligationId, headingId));
  } catch {
    // Nothing to clear.
  }
}
