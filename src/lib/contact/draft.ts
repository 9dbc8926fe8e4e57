/**
 * The unsent message, kept in the visitor's own browser so that a reload, a crash or a failed
 * send never costs them what they typed. Storage may be missing (privacy modes), throw on access
 * or be full: every function here degrades to "no draft" instead of breaking the form.
 */

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Field name to value. */
export type DraftFields = Record<string, string>;

/** Bump the version when the stored shape changes, so an old draft is ignored, not misread. */
export const DRAFT_KEY = 'contact-draft:v1';

/** A draft on a shared computer should not outlive its usefulness by much. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

interface StoredDraft {
  savedAt: number;
  fields: DraftFields;
}

/** `window.localStorage` itself throws when storage is blocked, so even reaching it is guarded. */
export function browserStorage(): DraftStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const hasText = (fields: DraftFields) => Object.values(fields).some((value) => value.trim() !== '');

/** Returns whether the draft is now stored; an empty draft removes the stored one. */
export function saveDraft(storage: DraftStorage | undefined, fields: DraftFields, now = Date.now()): boolean {
  if (!storage) return false;
  try {
    if (!hasText(fields)) {
      storage.removeItem(DRAFT_KEY);
      return false;
    }
    storage.setItem(DRAFT_KEY, JSON.stringify({ savedAt: now, fields } satisfies StoredDraft));
    return true;
  } catch {
    return false;
  }
}

function parseStoredDraft(text: string): StoredDraft | undefined {
  try {
    const stored: unknown = JSON.parse(text);
    if (typeof stored !== 'object' || stored === null) return undefined;
    const { savedAt, fields } = stored as Partial<Record<keyof StoredDraft, unknown>>;
    if (typeof savedAt !== 'number' || typeof fields !== 'object' || fields === null) return undefined;
    const entries = Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    return { savedAt, fields: Object.fromEntries(entries) };
  } catch {
    return undefined;
  }
}

/** An expired or unreadable draft is removed, not just ignored, so it does not linger on the device. */
export function loadDraft(storage: DraftStorage | undefined, now = Date.now()): DraftFields | undefined {
  let text: string | null;
  try {
    text = storage?.getItem(DRAFT_KEY) ?? null;
  } catch {
    return undefined;
  }
  if (text === null) return undefined;
  const draft = parseStoredDraft(text);
  if (draft && now - draft.savedAt <= DRAFT_MAX_AGE_MS && hasText(draft.fields)) return draft.fields;
  clearDraft(storage);
  return undefined;
}

export function clearDraft(storage: DraftStorage | undefined): void {
  try {
    storage?.removeItem(DRAFT_KEY);
  } catch {
    // Nothing more can be done: the draft simply stays until storage works again.
  }
}
