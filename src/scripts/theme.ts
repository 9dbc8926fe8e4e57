/**
 * Part of the head script (head.ts): it runs before the first paint, so a stored scheme never
 * flashes the wrong colours. It also wires the toggle and closes the menu on Escape, so that pages
 * without interactive parts need no script file at all.
 */
import { SCRIPTED_CLASS, SITE_MENU_ID, THEME_STORAGE_KEY, THEME_TOGGLE_ID } from './names.ts';

const root = document.documentElement;
const systemScheme = matchMedia('(prefers-color-scheme: dark)');

root.classList.add(SCRIPTED_CLASS);
try {
  const stored = localStorage.getItem(THEME_STORAGE_KEY);
  if (stored === 'light' || stored === 'dark') root.dataset.theme = stored;
} catch {
  // Storage is blocked: the page follows the system's scheme.
}

const isDark = () => (root.dataset.theme || (systemScheme.matches ? 'dark' : 'light')) === 'dark';

addEventListener('DOMContentLoaded', () => {
  const toggle = document.getElementById(THEME_TOGGLE_ID);
  if (toggle) {
    const sync = () => toggle.setAttribute('aria-pressed', String(isDark()));
    sync();
    systemScheme.addEventListener('change', sync);
    toggle.addEventListener('click', () => {
      const scheme = isDark() ? 'light' : 'dark';
      root.dataset.theme = scheme;
      try {
        localStorage.setItem(THEME_STORAGE_KEY, scheme);
      } catch {
        // Storage is blocked: the choice holds for this page only.
      }
      sync();
    });
  }
  const menu = document.getElementById(SITE_MENU_ID) as HTMLDetailsElement | null;
  menu?.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu.open) {
      menu.open = false;
      menu.querySelector('summary')!.focus();
    }
  });
});
