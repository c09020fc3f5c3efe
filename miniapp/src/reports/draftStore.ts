import { storedValue } from "../services/storage";
import type { SavedDraft } from "./draft";

/*
 * The report wizard's unsent draft in device storage, one per signed-in user: saved on every change,
 * offered back when the wizard opens, removed on submit or 重新开始.
 */
type Stored = SavedDraft & { userId: string };

const isSaved = (raw: unknown): raw is Stored =>
  typeof raw === "object" && raw !== null && (raw as { v?: unknown }).v === 1 && typeof (raw as { userId?: unknown }).userId === "string";

const store = storedValue<Stored | null>("civic.report-draft", (raw) => (isSaved(raw) ? raw : null));

/** The draft this user left, if any (another user's draft on a shared phone is not theirs to see). */
export function loadDraft(userId: string): SavedDraft | null {
  const saved = store.get();
  return saved && saved.userId === userId ? saved : null;
}

export const saveDraft = (userId: string, draft: SavedDraft): void => store.set({ ...draft, userId });
export const clearDraft = (): void => store.clear();
