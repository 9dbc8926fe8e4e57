import { describe, expect, it } from 'vitest';
import {
  clearSentDrafts,
  DRAFT_KEY_PREFIX,
  LEGACY_DRAFT_KEY,
  mayHaveArrivedText,
  removeDraft,
  sameText,
  type Draft,
  type DraftStorage,
} from '../../src/lib/contact/draft-record.ts';
import {
  DRAFT_MAX_AGE_MS,
  mayHaveBeenSent,
  readDrafts,
  writeDraft,
} from '../../src/lib/contact/draft.ts';

class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const blocked = () => {
  throw new DOMException('blocked', 'SecurityError');
};
const failing: DraftStorage = {
  getItem: blocked,
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem: blocked,
  key: blocked,
  get length(): number {
    return blocked();
  },
};

const fields = { name: 'Ada', message: 'Line one\nZeile zwei: Grüße <b>', intent: 'pilot' };
const draft = (changes: Partial<Draft> = {}): Draft => ({
  id: 'd1',
  tab: 't1',
  savedAt: 1000,
  fields,
  sending: false,
  mayHaveArrived: undefined,
  ...changes,
});

describe('contact drafts', () => {
  it('keeps each draft under a key of its own, and reads them back newest first', () => {
    const storage = new MemoryStorage();
    expect(writeDraft(storage, draft())).toBe(true);
    writeDraft(storage, draft({ id: 'd2', tab: 't2', savedAt: 3000, fields: { message: 'B' } }));
    expect([...storage.items.keys()].sort()).toEqual([
      `${DRAFT_KEY_PREFIX}d1`,
      `${DRAFT_KEY_PREFIX}d2`,
    ]);
    expect(readDrafts(storage, 4000).map(({ id, tab }) => [id, tab])).toEqual([
      ['d2', 't2'],
      ['d1', 't1'],
    ]);
    expect(readDrafts(storage, 4000)[1]).toEqual(draft());
  });

  it('removing one draft leaves the others', () => {
    const storage = new MemoryStorage();
    writeDraft(storage, draft());
    writeDraft(storage, draft({ id: 'd2', tab: 't2' }));
    removeDraft(storage, 'd1');
    expect(readDrafts(storage, 2000).map(({ id }) => id)).toEqual(['d2']);
  });

  it('remembers a send in flight and a text whose send went unanswered', () => {
    const storage = new MemoryStorage();
    writeDraft(storage, draft({ sending: true }));
    const [sending] = readDrafts(storage, 2000);
    expect(sending && mayHaveBeenSent(sending)).toBe(true);
    expect(sending && mayHaveArrivedText(sending)).toEqual(fields);
    const edited = { ...fields, message: 'Edited since' };
    writeDraft(storage, draft({ fields: edited, mayHaveArrived: fields }));
    const [unanswered] = readDrafts(storage, 2000);
    expect(unanswered?.sending).toBe(false);
    expect(unanswered && mayHaveArrivedText(unanswered)).toEqual(fields);
    writeDraft(storage, draft());
    const [unsent] = readDrafts(storage, 2000);
    expect(unsent && mayHaveBeenSent(unsent)).toBe(false);
  });

  it('compares texts as the visitor would: blank and missing fields are alike', () => {
    expect(sameText({ name: 'Ada ', company: '' }, { name: 'Ada' })).toBe(true);
    expect(sameText({ name: 'Ada' }, { name: 'Ada', message: 'Hi' })).toBe(false);
  });

  it('the thanks page clears only a draft of its own tab that was being sent, or is unchanged since', () => {
    const storage = new MemoryStorage();
    writeDraft(storage, draft({ id: 'unsent' }));
    writeDraft(storage, draft({ id: 'other-tab', tab: 't2', sending: true }));
    writeDraft(storage, draft({ id: 'sent', sending: true }));
    writeDraft(storage, draft({ id: 'unanswered', mayHaveArrived: fields }));
    const edited = { ...fields, message: 'Changed after the unanswered send' };
    writeDraft(storage, draft({ id: 'edited', fields: edited, mayHaveArrived: fields }));
    clearSentDrafts(storage, 't1');
    const left = () =>
      readDrafts(storage, 2000)
        .map(({ id }) => id)
        .sort();
    expect(left()).toEqual(['edited', 'other-tab', 'unsent']);
    clearSentDrafts(storage, undefined);
    expect(left()).toEqual(['edited', 'other-tab', 'unsent']);
  });

  it('an all-blank draft removes the stored one instead of keeping an empty shell', () => {
    const storage = new MemoryStorage();
    writeDraft(storage, draft());
    expect(writeDraft(storage, draft({ fields: { name: '  ', message: '' } }))).toBe(false);
    expect(storage.items.size).toBe(0);
  });

  it('expires, and an expired draft is deleted', () => {
    const storage = new MemoryStorage();
    writeDraft(storage, draft({ savedAt: 0 }));
    expect(readDrafts(storage, DRAFT_MAX_AGE_MS)).toHaveLength(1);
    expect(readDrafts(storage, DRAFT_MAX_AGE_MS + 1)).toEqual([]);
    expect(storage.items.size).toBe(0);
  });

  it("reads the first version's shared draft once, as a draft of no open tab", () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_DRAFT_KEY, JSON.stringify({ savedAt: 5, fields, sending: true }));
    const [legacy] = readDrafts(storage, 10);
    expect(legacy).toMatchObject({ tab: '', fields, sending: true });
    expect(storage.getItem(LEGACY_DRAFT_KEY)).toBeNull();
    expect(readDrafts(storage, 10).map(({ id }) => id)).toEqual([legacy?.id]);
  });

  it('discards corrupt or foreign data, keeps only string values and ignores other keys', () => {
    const storage = new MemoryStorage();
    storage.setItem('theme', 'dark');
    storage.setItem(`${DRAFT_KEY_PREFIX}a`, '{not json');
    storage.setItem(`${DRAFT_KEY_PREFIX}b`, JSON.stringify({ tab: 't', fields: { name: 'x' } }));
    storage.setItem(
      `${DRAFT_KEY_PREFIX}c`,
      JSON.stringify({ tab: 't', savedAt: 5, fields: { name: 'Ada', count: 3 }, sending: 'yes' }),
    );
    expect(readDrafts(storage, 10)).toEqual([
      draft({ id: 'c', tab: 't', savedAt: 5, fields: { name: 'Ada' } }),
    ]);
    expect([...storage.items.keys()].sort()).toEqual([`${DRAFT_KEY_PREFIX}c`, 'theme']);
  });

  it('tolerates missing, blocked and full storage', () => {
    expect(writeDraft(undefined, draft())).toBe(false);
    expect(readDrafts(undefined)).toEqual([]);
    expect(() => removeDraft(undefined, 'd1')).not.toThrow();
    expect(writeDraft(failing, draft())).toBe(false);
    expect(readDrafts(failing)).toEqual([]);
    expect(() => removeDraft(failing, 'd1')).not.toThrow();
    expect(() => clearSentDrafts(failing, 't1')).not.toThrow();
  });
});
