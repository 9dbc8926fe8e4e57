/**
 * A page's first network round trip can end anywhere, the header included. The header's items are packed
 * to the right, so a frame painted with half of it would show them sliding left when the rest arrives.
 * Here a server stops every page's bytes inside the header's last link for a moment, as a slow network
 * does, and the page must show no half header: nothing moves once the rest arrives.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { site } from '../../src/config';
import { expectNoShift } from './support/layout-shift';
import { fileOfUrl } from './support/seo-output';
import { builtRoutes, outDir } from './support/site';

/** Long enough for the browser to paint whatever it has, many frames over. */
const STALL_MS = 500;

let server: Server;
let origin: string;

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!builtRoutes().includes(path)) {
      response.writeHead(404).end();
      return;
    }
    const html = readFileSync(fileOfUrl(outDir, path));
    const header = html.indexOf('<header');
    const stop = html.indexOf(`>${site.cta.label}<`, header) + 1;
    expect(header, `${path} has the site header`).toBeGreaterThan(0);
    expect(stop, `${path}: the header links to ${site.cta.href}`).toBeGreaterThan(header);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.write(html.subarray(0, stop));
    setTimeout(() => response.end(html.subarray(stop)), STALL_MS);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

for (const path of builtRoutes()) {
  test(`${path}: bytes that stop inside the header paint no half header`, async ({ page }) => {
    await page.goto(origin + path, { waitUntil: 'load' });
    await expect(page.getByRole('link', { name: site.cta.label }).first()).toBeVisible();
    await expectNoShift(page, 'after the stalled header');
  });
}
