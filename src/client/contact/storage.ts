import type { DraftStorage } from '../../lib/contact/draft-record.ts';

/** `window.localStorage` itself throws when storage is blocked, so even reaching it is guarded. */
export function browserStorage(): DraftStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** This tab's own storage, which a reload keeps and another tab never sees; guarded alike. */
export function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
