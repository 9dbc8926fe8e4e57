/**
 * Which tab this is, and which tabs have a contact form open. The id lives in `sessionStorage`, which a
 * reload keeps and another tab never sees; each open form holds a Web Lock named after its tab for as
 * long as the page is shown, so a draft's tab can be told apart as open or gone, even after a crash.
 */
import { newId } from '../../lib/contact/draft.ts';
import { keepTabId, keptTabId } from './tab-id.ts';

const LOCK_PREFIX = 'contact-form-tab:';

const locks = (): LockManager | undefined =>
  'locks' in navigator ? (navigator.locks as LockManager | undefined) : undefined;

/**
 * Holds the lock until the page is hidden; resolves with false when another page holds it. With
 * `patienceMs`, waits that long for it first: a reloaded page may start before the page it replaces has
 * let go.
 */
function holdLock(manager: LockManager, id: string, patienceMs = 0): Promise<boolean> {
  const options: LockOptions =
    patienceMs > 0 ? { signal: AbortSignal.timeout(patienceMs) } : { ifAvailable: true };
  return new Promise((answered) => {
    void manager
      .request(`${LOCK_PREFIX}${id}`, options, (lock) => {
        answered(lock !== null);
        if (!lock) return undefined;
        // A page that holds a lock is kept out of the back/forward cache: it lets go as it is hidden.
        return new Promise<void>((release) =>
          addEventListener('pagehide', () => release(), { once: true }),
        );
      })
      .catch(() => answered(false));
  });
}

/** Long enough for the page a reload replaces to let go; a duplicated tab waits this once. */
const RELOAD_PATIENCE_MS = 1000;

export interface Tab {
  id: string;
  /** The tabs with a form open now, this one included; undefined when the browser cannot tell. */
  openTabs(): Promise<ReadonlySet<string> | undefined>;
}

export async function claimTab(): Promise<Tab> {
  const manager = locks();
  const kept = keptTabId();
  let id = kept ?? newId();
  // A duplicated tab starts with a copy of its original's session storage, and so with its id.
  if (manager && !(await holdLock(manager, id, kept ? RELOAD_PATIENCE_MS : 0))) {
    id = newId();
    await holdLock(manager, id);
  }
  keepTabId(id);
  if (manager)
    addEventListener('pageshow', (event) => {
      if (event.persisted) void holdLock(manager, id);
    });
  return {
    id,
    openTabs: async () => {
      if (!manager) return undefined;
      try {
        const { held = [] } = await manager.query();
        return new Set(
          held
            .map(({ name }) => name ?? '')
            .filter((name) => name.startsWith(LOCK_PREFIX))
            .map((name) => name.slice(LOCK_PREFIX.length)),
        );
      } catch {
        return undefined;
      }
    },
  };
}
