/**
 * The site built with a contact e-mail address and served on a free port, for the tests of what the
 * address adds (the form's e-mail way out, the privacy page's deletion by e-mail). The address is a
 * documentation one: the site's real address is configuration, never test data.
 */
import { expect } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { startStaticServer } from '../../../scripts/static-server.ts';
import { buildFixture } from './fixture-build.ts';

export const DOCUMENTATION_ADDRESS = 'inbox@example.org';

export async function withContactEmailBuild(use: (origin: string) => Promise<void>): Promise<void> {
  const build = await buildFixture({}, { PUBLIC_CONTACT_EMAIL: DOCUMENTATION_ADDRESS });
  expect(build.ok, build.output).toBe(true);
  const server = await startStaticServer({ root: build.outDir, port: 0 });
  try {
    const { port } = server.address() as AddressInfo;
    await use(`http://localhost:${port}`);
  } finally {
    server.close();
  }
}
