/**
 * A page's bytes can stop anywhere: the first network round trip ends mid-page, a slow network delivers
 * it a packet at a time. The browser paints what it has, so nothing painted may move when the rest
 * arrives: no layout whose earlier parts wait on later ones (items packed to the right, a column as wide
 * as its widest label, a footer pinned to the bottom, a value drawn above its label). A server here
 * delivers each page two ways, and nothing may shift in either.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { expect, test } from '@playwright/test';
import { site } from '../../src/config';
import { PAGE_SCRIPT_ATTRIBUTE } from '../../src/scripts/names';
import { expectNoShift } from './support/layout-shift';
import { fileOfUrl } from './support/seo-output';
import { builtRoutes, outDir, visit } from './support/site';

const routes = builtRoutes();

/** Long enough for the browser to paint whatever it has, many frames over. */
const STALL_MS = 500;
/** A slow link: a few packets at a time, each pause longer than a frame. */
const DRIP_BYTES = 600;
const DRIP_MS = 40;

const pause = (ms: number) => new Promise((resume) => setTimeout(resume, ms));

/** Where the header's last link (the call to action) has its start tag but not yet its words. */
function insideHeader(html: Buffer, path: string): number {
  const header = html.indexOf('<header');
  const stop = html.indexOf(`>${site.cta.label}<`, header) + 1;
  expect(header, `${path} has the site header`).toBeGreaterThan(0);
  expect(stop, `${path}: the header links to ${site.cta.href}`).toBeGreaterThan(header);
  return stop;
}

let server: Server;
let origin: string;

test.beforeAll(async () => {
  server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const isPage = routes.includes(url.pathname);
      let body: Buffer;
      try {
        body = readFileSync(fileOfUrl(outDir, url.pathname));
      } catch {
        response.writeHead(404).end();
        return;
      }
      if (!isPage) {
        const js = ['.js', '.mjs'].includes(extname(url.pathname));
        response.writeHead(200, js ? { 'content-type': 'text/javascript' } : {}).end(body);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      if (url.searchParams.get('arrival') === 'stall') {
        const stop = insideHeader(body, url.pathname);
        response.write(body.subarray(0, stop));
        await pause(STALL_MS);
        response.end(body.subarray(stop));
        return;
      }
      // The head is whole before anything can paint; the body comes a few packets at a time.
      let sent = body.indexOf('<body');
      response.write(body.subarray(0, sent));
      while (sent < body.length) {
        await pause(DRIP_MS);
        response.write(body.subarray(sent, sent + DRIP_BYTES));
        sent += DRIP_BYTES;
      }
      response.end();
    })();
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

for (const path of routes) {
  test(`${path}: bytes that stop inside the header paint no half header`, async ({ page }) => {
    await page.goto(`${origin}${path}?arrival=stall`, { waitUntil: 'load' });
    await expect(page.getByRole('link', { name: site.cta.label }).first()).toBeVisible();
    await expectNoShift(page, 'after the stalled header');
  });

  test(`${path}: arriving a few packets at a time, nothing painted moves`, async ({ page }) => {
    for (const width of [390, 800, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${origin}${path}?arrival=drip`, { waitUntil: 'load' });
      await expectNoShift(page, `${width} px wide`);
    }
  });
}

test('no page fetches a script before its first paint, and every page runs its scripts', async ({
  page,
}) => {
  let loaded = 0;
  for (const path of routes) {
    await visit(page, path);
    const { firstPaint, fetched, moduleTags, loaders } = await page.evaluate(
      (attribute) => ({
        firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        fetched: performance
          .getEntriesByType('resource')
          .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
          .map(({ name, startTime }) => ({ name, startTime })),
        moduleTags: document.querySelectorAll('script[src]').length,
        loaders: document.querySelectorAll(`script[${attribute}]`).length,
      }),
      PAGE_SCRIPT_ATTRIBUTE,
    );
    expect(firstPaint, `${path} reports its first paint`).toBeDefined();
    expect(moduleTags, `${path} names no script for the browser to fetch on sight`).toBe(0);
    for (const { name, startTime } of fetched)
      expect(startTime, `${path} fetched ${name} before its first paint`).toBeGreaterThan(
        firstPaint ?? Infinity,
      );
    expect(fetched.length, `${path} fetched each of its scripts`).toBeGreaterThanOrEqual(loaders);
    loaded += loaders;
  }
  expect(loaded, 'the pages with a script were seen').toBeGreaterThan(0);
});
