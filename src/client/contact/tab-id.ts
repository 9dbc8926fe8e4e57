/** This tab's id, kept in `sessionStorage`: apart from ./tab.ts, so the thanks page loads only this. */
import { tabStorage } from './storage.ts';

export const TAB_KEY = 'contact-tab:v1';

/** This tab's id as last kept, without making one: the thanks page asks, it never claims. */
export function keptTabId(): string | undefined {
  try {
    return tabStorage()?.getItem(TAB_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function keepTabId(id: string): void {
  try {
    tabStorage()?.setItem(TAB_KEY, id);
  } catch {
    // Without session storage a reload is a new tab: its draft is then offered as an earlier visit's.
  }
}
