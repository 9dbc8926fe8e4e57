/**
 * `npm run audit`: Lighthouse (mobile, simulated slow 4G) on the pages of the build, served the way
 * the supported static hosts serve it: as a brotli host (Netlify, Cloudflare Pages: brotli and the
 * headers of `_headers`) and as a gzip host (GitHub Pages: gzip, no `_headers`). Prints per page and
 * host the scores and the speed figures (LCP, FCP, CLS, TBT, bytes transferred, the document's bytes
 * as sent against the first round trip), and fails below 100 for accessibility, best practices and
 * SEO (audited once, on the brotli host), below 95 for performance on the brotli host, or on any
 * layout shift. The timing targets (LCP, FCP, TBT) are reported, not enforced:
 * Lighthouse scales the CPU time it observes, so a busy machine misses them that a quiet one meets. Pages marked noindex (404, thanks) skip the one audit that
 * checks a page may be indexed: keeping them out of search results is the point.
 *
 *   npm run audit                                  every page
 *   npm run audit -- --page / --page /contact/     only these pages
 *   npm run audit -- --compare ../peer/dist [--page / --peer-page /] [--rounds 3]
 *                                                  ours against another built site (every page, or
 *                                                  the ones given), alternately, medians, both hosts
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, systemChromium } from './find-browser.ts';
import { outDir, readPages } from './quality/build-output.ts';
import { FIRST_ROUND_TRIP_BYTES, measureSent } from './quality/first-round-trip.ts';
import { HOST_KINDS, type HostKind } from './static-server.ts';
import {
  formatFigures,
  medianFigures,
  ratio,
  speedFigures,
  type SpeedFigures,
} from './lighthouse-figures.ts';
import { formatTable } from './quality/table.ts';

const { values: options } = parseArgs({
  options: {
    page: { type: 'string', multiple: true },
    compare: { type: 'string' },
    'peer-page': { type: 'string', multiple: true },
    rounds: { type: 'string', default: '3' },
  },
});
const port = Number(process.env.AUDIT_PORT ?? 4340);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const minimum: Record<(typeof categories)[number], number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};
/** The speed targets: the first paint in the first round trip, nothing blocking; reported when missed. */
const targets = { lcp: 800, fcp: 800, tbt: 0 } satisfies Partial<SpeedFigures>;
/** Nothing moves: a layout shift does not depend on the machine's load, so it fails the audit. */
const maximumShift = 0;
const figureHeader = ['LCP ms', 'FCP ms', 'CLS', 'TBT ms', 'transfer B'];
const documentHeader = `document B (${FIRST_ROUND_TRIP_BYTES.toLocaleString('en')})`;
const bytes = (value: number | undefined) =>
  value === undefined ? '-' : value.toLocaleString('en');

const allPages = readPages(outDir);
if (allPages.length === 0) {
  console.error(`No pages in ${outDir}/: run npm run build first.`);
  process.exit(1);
}
const unknown = (options.page ?? []).filter(
  (route) => !allPages.some((page) => page.route === route),
);
if (unknown.length > 0) {
  console.error(`No such page in ${outDir}/: ${unknown.join(', ')}`);
  process.exit(1);
}

/**
 * Serves a build from a child process. Lighthouse simulates the network from the server times it
 * observes, and a server sharing this process's event loop answers late whenever Lighthouse is busy:
 * in one process every page measured some 200 ms slower.
 */
async function serveApart(
  root: string,
  atPort: number,
  host: HostKind,
): Promise<{ close: () => void }> {
  const script = fileURLToPath(new URL('./static-server.ts', import.meta.url));
  const child = spawn(process.execPath, [script, root, String(atPort), host], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the server for ${root}/ exited (${code})`)));
  });
  return { close: () => child.kill() };
}

/**
 * A run in which Lighthouse itself failed (a runtime error, or a metric it could not compute) says
 * nothing about the page: it is run again, up to twice, and reported with Lighthouse's reason if it
 * keeps failing. A low score is never retried.
 */
async function auditUrl(url: string, onlyCategories: readonly string[], skipAudits: string[] = []) {
  let reason = '';
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    // A browser of its own for every run: one that has loaded other pages from the same server keeps
    // its connection warm, and Lighthouse's simulation then measured every later page ~200 ms slower.
    const chrome = await chromeLauncher.launch({
      chromePath: systemChromium() ?? chromium.executablePath(),
      chromeFlags: ['--headless=new', ...chromiumArgs],
    });
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...onlyCategories],
      skipAudits,
    }).finally(() => chrome.kill());
    const errors = result
      ? [
          ...(result.lhr.runtimeError ? [result.lhr.runtimeError.message] : []),
          ...Object.entries(result.lhr.audits).flatMap(([id, audit]) =>
            audit.errorMessage ? [`${id}: ${audit.errorMessage}`] : [],
          ),
        ]
      : ['Lighthouse returned no result'];
    if (result && errors.length === 0) return result;
    // One failed trace fails every audit built on it: the first two errors say what happened.
    reason = errors.slice(0, 2).join('; ');
    console.warn(`${url}: Lighthouse failed to measure (attempt ${attempt}): ${reason}`);
  }
  throw new Error(`${url}: Lighthouse could not audit the page: ${reason}`);
}

/**
 * Every page (or the chosen ones) on each kind of host: scores and figures, checked against the
 * minimums and targets. Accessibility, best practices and SEO do not depend on the encoding: they
 * are audited on the brotli host only.
 */
async function auditSite(): Promise<boolean> {
  const pages = options.page
    ? allPages.filter((page) => options.page?.includes(page.route))
    : allPages;
  const failures: string[] = [];
  const missedTargets: string[] = [];
  const rows: string[][] = [];
  for (const host of HOST_KINDS) {
    const sent = await measureSent(outDir, pages, host);
    const server = await serveApart(outDir, port, host);
    const audited = host === 'brotli' ? categories : (['performance'] as const);
    try {
      for (const { route, document } of pages) {
        const noindex = /noindex/.test(
          document.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '',
        );
        const result = await auditUrl(
          `http://localhost:${port}${route}`,
          audited,
          noindex ? ['is-crawlable'] : [],
        );
        const scores = categories.map((category) => {
          const score = result.lhr.categories[category]?.score;
          return score === undefined || score === null ? undefined : Math.round(score * 100);
        });
        const figures = speedFigures(result.lhr);
        rows.push([
          route,
          host,
          ...scores.map((score) => (score === undefined ? '-' : String(score))),
          ...formatFigures(figures),
          bytes(sent.get(route)),
        ]);
        categories.forEach((category, index) => {
          const score = scores[index];
          if (score === undefined || score >= minimum[category]) return;
          const failed = (result.lhr.categories[category]?.auditRefs ?? [])
            .map((ref) => result.lhr.audits[ref.id])
            .filter(
              (audit) =>
                audit &&
                audit.score !== null &&
                audit.score < 1 &&
                audit.scoreDisplayMode !== 'informative',
            )
            .map((audit) => audit?.title);
          // A gzip host (GitHub Pages) also caches for ten minutes only, which no build can
          // change and Lighthouse counts against the score: its score is reported, not enforced.
          (host === 'brotli' ? failures : missedTargets).push(
            `${route} (${host}): ${category} ${score} < ${minimum[category]} (${failed.join('; ')})`,
          );
        });
        if (figures.cls > maximumShift)
          failures.push(`${route} (${host}): CLS ${figures.cls.toFixed(4)}, layout shifts at load`);
        for (const [figure, target] of Object.entries(targets) as [
          keyof typeof targets,
          number,
        ][]) {
          if (figures[figure] > target)
            missedTargets.push(
              `${route} (${host}): ${figure.toUpperCase()} ${Math.round(figures[figure])} ms, target ${target} ms`,
            );
        }
      }
    } finally {
      server.close();
    }
  }
  console.log(
    formatTable(
      ['page', 'host', 'perf', 'a11y', 'best', 'seo', ...figureHeader, documentHeader],
      rows,
    ),
  );
  if (missedTargets.length > 0)
    console.warn(
      `\nMissed speed targets (meet them on a quiet machine):\n${missedTargets.join('\n')}`,
    );
  if (failures.length > 0) {
    console.error(`\n${failures.join('\n')}`);
    return false;
  }
  console.log(
    `\nLighthouse: ${pages.length} pages on ${HOST_KINDS.join(' and ')} hosts at or above perf ${minimum.performance}, a11y/best/seo 100, CLS ${maximumShift}`,
  );
  return true;
}

/**
 * Ours against another built site in one run: both served by the same server code on loopback, as
 * each kind of host, a page of each audited alternately (so machine load hits both alike), the
 * median of each figure printed.
 */
async function compareSites(peerDir: string): Promise<void> {
  const rounds = Number(options.rounds);
  if (!Number.isInteger(rounds) || rounds < 3)
    throw new Error('--rounds: at least 3, for a median that means something');
  const ourRoutes = options.page ?? allPages.map((page) => page.route);
  const peerRoutes = options['peer-page'] ?? ourRoutes;
  if (peerRoutes.length !== ourRoutes.length)
    throw new Error('give one --peer-page for each --page');
  const ourPages = allPages.filter((page) => ourRoutes.includes(page.route));
  const peerPages = readPages(peerDir).filter((page) => peerRoutes.includes(page.route));

  const rows: string[][] = [];
  for (const host of HOST_KINDS) {
    const [ourSent, peerSent] = await Promise.all([
      measureSent(outDir, ourPages, host),
      measureSent(peerDir, peerPages, host),
    ]);
    const ours = await serveApart(outDir, port, host);
    const peer = await serveApart(peerDir, port + 1, host);
    try {
      for (const [index, ourRoute] of ourRoutes.entries()) {
        const peerRoute = peerRoutes[index] ?? '/';
        const runs = { ours: [] as SpeedFigures[], peer: [] as SpeedFigures[] };
        for (let round = 1; round <= rounds; round += 1) {
          runs.ours.push(
            speedFigures(
              (await auditUrl(`http://localhost:${port}${ourRoute}`, ['performance'])).lhr,
            ),
          );
          runs.peer.push(
            speedFigures(
              (await auditUrl(`http://localhost:${port + 1}${peerRoute}`, ['performance'])).lhr,
            ),
          );
          console.warn(
            `${host} round ${round}/${rounds}: ${ourRoute} against the peer's ${peerRoute}`,
          );
        }
        const [mine, theirs] = [medianFigures(runs.ours), medianFigures(runs.peer)];
        const [mySent, theirSent] = [ourSent.get(ourRoute), peerSent.get(peerRoute)];
        rows.push([`ours ${ourRoute}`, host, ...formatFigures(mine), bytes(mySent)]);
        rows.push([`peer ${peerRoute}`, host, ...formatFigures(theirs), bytes(theirSent)]);
        rows.push([
          'ours / peer',
          host,
          ratio(mine.lcp, theirs.lcp),
          ratio(mine.fcp, theirs.fcp),
          '',
          '',
          ratio(mine.transfer, theirs.transfer),
          ratio(mySent ?? 0, theirSent ?? 0),
        ]);
      }
    } finally {
      ours.close();
      peer.close();
    }
  }
  console.log(`Medians of ${rounds} alternating runs each (peer: ${peerDir})\n`);
  console.log(formatTable(['page', 'host', ...figureHeader, documentHeader], rows));
}

const passed = options.compare ? (await compareSites(options.compare), true) : await auditSite();
if (!passed) process.exit(1);
