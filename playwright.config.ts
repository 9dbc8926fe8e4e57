import { defineConfig, devices } from '@playwright/test';
import { LOCAL_INBOX_PORT } from './src/build/local-inbox.ts';
import { chromiumArgs, systemChromium } from './scripts/find-browser';
import { outDir } from './scripts/quality/build-output';

/** A port of its own, so a running `npm run dev` (4321) is never mistaken for the build under test. */
const port = Number(process.env.E2E_PORT ?? 4330);

export default defineConfig({
  testDir: 'tests/e2e',
  // Builds the copies of the site that tests change (tests/e2e/support/fixture-build.ts), once per run.
  globalSetup: './tests/e2e/support/fixture-builder.ts',
  // One folder per build under test, so runs against different builds never delete each other's traces.
  outputDir: `test-results/${outDir}`,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: systemChromium(), args: chromiumArgs },
      },
    },
  ],
  webServer: {
    command: 'node scripts/serve.ts',
    url: `http://localhost:${port}/`,
    env: {
      PORT: String(port),
      ASTRO_OUT_DIR: outDir,
      FORM_INBOX_PORT: process.env.FORM_INBOX_PORT ?? String(LOCAL_INBOX_PORT),
    },
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
