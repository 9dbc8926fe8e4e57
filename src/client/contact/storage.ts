import type { DraftStorage } from '../../lib/contact/draft.ts';

/** `window.localStorage` itself throws when storage is blocked, so even reaching it is guarded. */
export function browserStorage(): DraftStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
