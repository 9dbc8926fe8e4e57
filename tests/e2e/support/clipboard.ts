import type { Page } from '@playwright/test';

/**
 * The site's Permissions-Policy allows writing the clipboard but never reading it, so tests record
 * what the page writes instead of reading it back. Call before the page loads.
 */
export async function recordClipboardWrites(page: Page): Promise<() => Promise<string>> {
  await page.context().grantPermissions(['clipboard-write']);
  await page.addInitScript(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    const copied: string[] = [];
    Object.assign(window, { copied });
    clipboard.writeText = (text) => write(text).then(() => void copied.push(text));
  });
  return () => page.evaluate(() => (window as unknown as { copied: string[] }).copied.at(-1) ?? '');
}
