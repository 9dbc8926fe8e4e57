import { describe, expect, it } from 'vitest';
import {
  clearDraft,
  clearSentDraft,
  DRAFT_KEY,
  DRAFT_MAX_AGE_MS,
  loadDraft,
  saveDraft,
  saveDraftAsSending,
  type DraftStorage,
} from '../../src/lib/contact/draft.ts';

class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
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

const failing: DraftStorage = {
  getItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
};

const fields = { name: 'Ada', message: 'Line one\nZeile zwei: Grüße <b>', intent: 'pilot' };

describe('contact draft', () => {
  it('restores what was saved', () => {
    const storage = new MemoryStorage();
    expect(saveDraft(storage, fields, 1000)).toBe(true);
    expect(loadDraft(storage, 2000)).toEqual({ fields, wasSending: false });
  });

  it('remembers that a send was in flight, until the draft is saved again', () => {
    const storage = new MemoryStorage();
    saveDraftAsSending(storage, fields, 1000);
    expect(loadDraft(storage, 2000)).toEqual({ fields, wasSending: true });
    saveDraft(storage, fields, 3000);
    expect(loadDraft(storage, 4000)).toEqual({ fields, wasSending: false });
  });

  it('the thanks page clears only a draft that was being sent', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, fields);
    clearSentDraft(storage);
    expect(loadDraft(storage)?.fields).toEqual(fields);
    saveDraftAsSending(storage, fields);
    clearSentDraft(storage);
    expect(storage.items.size).toBe(0);
  });

  it('stores under a versioned key', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, fields);
    expect([...storage.items.keys()]).toEqual([DRAFT_KEY]);
    expect(DRAFT_KEY).toMatch(/:v\d+$/);
  });

  it('is gone after clearDraft', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, fields);
    clearDraft(storage);
    expect(loadDraft(storage)).toBeUndefined();
    expect(storage.items.size).toBe(0);
  });

  it('an all-blank draft removes the stored one instead of keeping an empty shell', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, fields);
    expect(saveDraft(storage, { name: '  ', message: '' })).toBe(false);
    expect(storage.items.size).toBe(0);
  });

  it('expires, and an expired draft is deleted', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, fields, 0);
    expect(loadDraft(storage, DRAFT_MAX_AGE_MS)?.fields).toEqual(fields);
    expect(loadDraft(storage, DRAFT_MAX_AGE_MS + 1)).toBeUndefined();
    expect(storage.items.size).toBe(0);
  });

  it('discards corrupt or foreign data and keeps only string values', () => {
    const storage = new MemoryStorage();
    storage.setItem(DRAFT_KEY, '{not json');
    expect(loadDraft(storage)).toBeUndefined();
    expect(storage.items.size).toBe(0);
    storage.setItem(DRAFT_KEY, JSON.stringify({ fields: { name: 'no timestamp' } }));
    expect(loadDraft(storage)).toBeUndefined();
    storage.setItem(
      DRAFT_KEY,
      JSON.stringify({ savedAt: 5, fields: { name: 'Ada', count: 3, nested: { a: 1 } } }),
    );
    expect(loadDraft(storage, 10)).toEqual({ fields: { name: 'Ada' }, wasSending: false });
    storage.setItem(
      DRAFT_KEY,
      JSON.stringify({ savedAt: 5, fields: { name: 'Ada' }, sending: 'yes' }),
    );
    expect(loadDraft(storage, 10)?.wasSending).toBe(false);
  });

  it('tolerates missing, blocked and full storage', () => {
    expect(saveDraft(undefined, fields)).toBe(false);
    expect(loadDraft(undefined)).toBeUndefined();
    expect(() => clearDraft(undefined)).not.toThrow();
    expect(saveDraft(failing, fields)).toBe(false);
    expect(loadDraft(failing)).toBeUndefined();
    expect(() => clearDraft(failing)).not.toThrow();
    expect(saveDraftAsSending(failing, fields)).toBe(false);
    expect(() => clearSentDraft(failing)).not.toThrow();
  });
});
