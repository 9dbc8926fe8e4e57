/**
 * Unsent messages, kept in the visitor's own browser so that a reload, a crash, a failed send or a
 * second tab never costs them what they typed. Each open form writes only its own draft, under a key of
 * its own, and names the tab that wrote it (an id the tab keeps in `sessionStorage`), so that a send in
 * one tab clears only the draft it sent, and a later visit or another tab can tell whose text it sees.
 *
 * Storage may be missing (privacy modes), throw on access or be full: every function here degrades to
 * "no draft" instead of breaking the form.
 */
import {
  DRAFT_KEY_PREFIX,
  keysOf,
  LEGACY_DRAFT_KEY,
  parseDraft,
  removeKey,
  type Draft,
  type DraftFields,
  type DraftStorage,
} from './draft-record.ts';

/** A draft on a shared computer should not outlive its usefulness by much. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

const hasText = (fields: DraftFields) => Object.values(fields).some((value) => value.trim() !== '');

export const draftHasText = hasText;

/** Whether the draft's text, or an earlier version of it, may already be with the consultant. */
export const mayHaveBeenSent = (draft: Draft): boolean =>
  draft.sending || draft.mayHaveArrived !== undefined;

/** A new id for a tab or a draft; random, so two tabs opened in the same millisecond still differ. */
export const newId = (): string => crypto.randomUUID();

/**
 * Every draft in storage, newest first. An expired or unreadable one is removed, not just ignored, so
 * it does not linger on the device; the first version's shared draft becomes a draft of no open tab.
 */
export function readDrafts(storage: DraftStorage | undefined, now = Date.now()): Draft[] {
  if (!storage) return [];
  let keys: string[];
  try {
    keys = keysOf(storage);
  } catch {
    return [];
  }
  const drafts: Draft[] = [];
  for (const key of keys) {
    const legacy = key === LEGACY_DRAFT_KEY;
    if (!legacy && !key.startsWith(DRAFT_KEY_PREFIX)) continue;
    const id = legacy ? newId() : key.slice(DRAFT_KEY_PREFIX.length);
    let text: string | null;
    try {
      text = storage.getItem(key);
    } catch {
      continue;
    }
    const draft = text === null ? undefined : parseDraft(id, text, legacy);
    const usable = draft && now - draft.savedAt <= DRAFT_MAX_AGE_MS && hasText(draft.fields);
    if (legacy || !usable) removeKey(storage, key);
    if (!usable) continue;
    if (legacy) writeDraft(storage, draft);
    drafts.push(draft);
  }
  return drafts.sort((a, b) => b.savedAt - a.savedAt);
}

/** Stores the draft under its id; a draft without text removes the stored one. Returns whether it is stored. */
export function writeDraft(storage: DraftStorage | undefined, draft: Draft): boolean {
  if (!storage) return false;
  const key = `${DRAFT_KEY_PREFIX}${draft.id}`;
  if (!hasText(draft.fields)) {
    removeKey(storage, key);
    return false;
  }
  const { tab, savedAt, fields, sending, mayHaveArrived } = draft;
  try {
    storage.setItem(
      key,
      JSON.stringify({
        tab,
        savedAt,
        fields,
        ...(sending && { sending }),
        ...(mayHaveArrived && { mayHaveArrived }),
      }),
    );
    return true;
  } catch {
    return false;
  }
}
