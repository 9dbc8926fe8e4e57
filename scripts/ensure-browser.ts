/**
 * `pretest`: makes sure a Chromium exists before the suite starts, so `npm test` works on a fresh
 * machine: a system Chromium, else Playwright's, else Playwright downloads one, else (root on Debian)
 * apt installs Debian's. Otherwise it stops with the one line that fixes it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { systemChromium } from './find-browser.ts';

const run = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: 'inherit' }).status === 0;
const playwrightChromium = () => existsSync(chromium.executablePath());
const found = () =>
  systemChromium() ?? (playwrightChromium() ? chromium.executablePath() : undefined);

let browser = found();
if (!browser) {
  console.log('No Chromium found: asking Playwright to download one.');
  run('npx', ['playwright', 'install', 'chromium']);
  browser = found();
}
if (!browser && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log("Playwright's download failed: installing Debian's chromium.");
  if (run('apt-get', ['update', '-qq'])) run('apt-get', ['install', '-y', '-qq', 'chromium']);
  browser = found();
}
if (!browser) {
  console.error(
    'No Chromium for the end-to-end tests: install one (apt-get install chromium) or set CHROMIUM_PATH=/path/to/chromium.',
  );
  process.exit(1);
}
console.log(`End-to-end tests use ${browser}`);
