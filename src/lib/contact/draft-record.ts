/**
 * One kept draft as stored: its key, its shape and what it says about an earlier send. This is the part
 * the thanks page needs too, kept apart from ./draft.ts so that page loads only this.
 */

/** The part of the browser's `localStorage` the drafts use. */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

/** Field name to value. */
export type DraftFields = Record<string, string>;

/** One key per draft: `contact-draft:v2:<draft id>`. Bump the version when the stored shape changes. */
export const DRAFT_KEY_PREFIX = 'contact-draft:v2:';
/** The one shared draft of the first version, read once as a draft from an earlier visit. */
export const LEGACY_DRAFT_KEY = 'contact-draft:v1';

export interface Draft {
  /** The key's suffix; a tab that adopts a draft keeps writing under its id. */
  id: string;
  /** The tab whose form wrote it last. */
  tab: string;
  savedAt: number;
  fields: DraftFields;
  /** Saved as a send began and not answered yet: if the page went away meanwhile, it may have arrived. */
  sending: boolean;
  /**
   * The text of a send whose outcome nobody could read (a time-out, a broken connection, a page that
   * went away mid-send): it may already have arrived, so sending the same text again needs a yes.
   */
  mayHaveArrived: DraftFields | undefined;
}

/** The same words in every field, as far as the visitor is concerned: blank and missing are alike. */
export function sameText(a: DraftFields, b: DraftFields): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].every((name) => (a[name] ?? '').trim() === (b[name] ?? '').trim());
}

/** The text whose send may have arrived: asking before sending it again is the form's duty. */
export function mayHaveArrivedText(draft: Draft): DraftFields | undefined {
  return draft.mayHaveArrived ?? (draft.sending ? draft.fields : undefined);
}

const isStringRecord = (value: unknown): value is DraftFields =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((field) => typeof field === 'string');

function stringFields(value: unknown): DraftFields | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

export function parseDraft(id: string, text: string, legacy: boolean): Draft | undefined {
  try {
    const stored = JSON.parse(text) as Record<string, unknown> | null;
    if (typeof stored !== 'object' || stored === null) return undefined;
    const fields = stringFields(stored.fields);
    if (typeof stored.savedAt !== 'number' || !fields) return undefined;
    const tab = legacy ? '' : stored.tab;
    if (typeof tab !== 'string') return undefined;
    return {
      id,
      tab,
      savedAt: stored.savedAt,
      fields,
      sending: stored.sending === true,
      mayHaveArrived: isStringRecord(stored.mayHaveArrived) ? stored.mayHaveArrived : undefined,
    };
  } catch {
    return undefined;
  }
}

export function keysOf(storage: DraftStorage): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key !== null) keys.push(key);
  }
  return keys;
}

export function removeKey(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing more can be done: the draft simply stays until storage works again.
  }
}

export function removeDraft(storage: DraftStorage | undefined, id: string): void {
  if (storage) removeKey(storage, `${DRAFT_KEY_PREFIX}${id}`);
}

/**
 * The thanks page's part: it confirms a send whose answer the form did not read, and only a draft of
 * this tab being sent, or unchanged since a send that went unanswered, can be that send's. Any other
 * draft is unsent, or another tab's.
 */
export function clearSentDrafts(storage: DraftStorage | undefined, tab: string | undefined): void {
  if (!storage || tab === undefined) return;
  try {
    for (const key of keysOf(storage)) {
      if (!key.startsWith(DRAFT_KEY_PREFIX)) continue;
      const id = key.slice(DRAFT_KEY_PREFIX.length);
      const text = storage.getItem(key);
      const draft = text === null ? undefined : parseDraft(id, text, false);
      const arrived = draft && mayHaveArrivedText(draft);
      if (draft?.tab === tab && arrived && sameText(arrived, draft.fields)) removeKey(storage, key);
    }
  } catch {
    // Blocked storage: the draft stays, and the next visit asks before sending it again.
  }
}
