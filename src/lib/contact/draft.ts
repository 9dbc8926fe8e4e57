/**
 * The unsent message, kept in the visitor's own browser so that a reload, a crash or a failed
 * send never costs them what they typed. Storage may be missing (privacy modes), throw on access
 * or be full: every function here degrades to "no draft" instead of breaking the form.
 */

/** The part of the browser's `localStorage` the draft uses. */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Field name to value. */
export type DraftFields = Record<string, string>;

/** Bump the version when the stored shape changes, so an old draft is ignored, not misread. */
export const DRAFT_KEY = 'contact-draft:v1';

/** A draft on a shared computer should not outlive its usefulness by much. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

interface StoredDraft {
  savedAt: number;
  fields: DraftFields;
  /** Saved as a send began and not yet answered: if the page went away meanwhile, the message may have arrived. */
  sending?: true;
}

export interface RestoredDraft {
  fields: DraftFields;
  /** A send of this draft was in flight when the page went away: it may have arrived. */
  wasSending: boolean;
}

const hasText = (fields: DraftFields) => Object.values(fields).some((value) => value.trim() !== '');

function store(storage: DraftStorage | undefined, draft: StoredDraft): boolean {
  if (!storage) return false;
  try {
    if (!hasText(draft.fields)) {
      storage.removeItem(DRAFT_KEY);
      return false;
    }
    storage.setItem(DRAFT_KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** Returns whether the draft is now stored; an empty draft removes the stored one. */
export const saveDraft = (
  storage: DraftStorage | undefined,
  fields: DraftFields,
  now = Date.now(),
): boolean => store(storage, { savedAt: now, fields });

/** Saves the draft marked as being sent, just before the request leaves, so a reload meanwhile can say so. */
export const saveDraftAsSending = (
  storage: DraftStorage | undefined,
  fields: DraftFields,
  now = Date.now(),
): boolean => store(storage, { savedAt: now, fields, sending: true });

function parseStoredDraft(text: string): StoredDraft | undefined {
  try {
    const stored: unknown = JSON.parse(text);
    if (typeof stored !== 'object' || stored === null) return undefined;
    const { savedAt, fields, sending } = stored as Partial<Record<keyof StoredDraft, unknown>>;
    if (typeof savedAt !== 'number' || typeof fields !== 'object' || fields === null)
      return undefined;
    const entries = Object.entries(fields).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    return { savedAt, fields: Object.fromEntries(entries), ...(sending === true && { sending }) };
  } catch {
    return undefined;
  }
}

/** An expired or unreadable draft is removed, not just ignored, so it does not linger on the device. */
export function loadDraft(
  storage: DraftStorage | undefined,
  now = Date.now(),
): RestoredDraft | undefined {
  let text: string | null;
  try {
    text = storage?.getItem(DRAFT_KEY) ?? null;
  } catch {
    return undefined;
  }
  if (text === null) return undefined;
  const draft = parseStoredDraft(text);
  if (draft && now - draft.savedAt <= DRAFT_MAX_AGE_MS && hasText(draft.fields)) {
    return { fields: draft.fields, wasSending: draft.sending === true };
  }
  clearDraft(storage);
  return undefined;
}

/**
 * The thanks page's part: it confirms a send whose answer the form did not read, and only a draft marked
 * as being sent can be that send's. Any other draft is unsent, so a visit to the page leaves it alone.
 */
export function clearSentDraft(storage: DraftStorage | undefined, now = Date.now()): void {
  if (loadDraft(storage, now)?.wasSending) clearDraft(storage);
}

export function clearDraft(storage: DraftStorage | undefined): void {
  try {
    storage?.removeItem(DRAFT_KEY);
  } catch {
    // Nothing more can be done: the draft simply stays until storage works again.
  }
}
