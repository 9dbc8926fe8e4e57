/**
 * Which Chromium the end-to-end tests drive: `CHROMIUM_PATH` when set, else the system's Chromium
 * (Debian's /usr/bin/chromium and the usual alternatives), else Playwright's own download.
 * `undefined` means "let Playwright use its own browser".
 */
import { existsSync } from 'node:fs';

const systemChromiums = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export function systemChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(
        `CHROMIUM_PATH=${fromEnv} does not exist. Unset it or point it at a Chromium binary.`,
      );
    return fromEnv;
  }
  return systemChromiums.find((path) => existsSync(path));
}

/** Flags for a headless Chromium on a machine without network or GPU. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
