/**
 * `npm run audit`: Lighthouse (mobile) on every page of the build, served the way a static host
 * serves it. Prints the four scores per page and fails below 100 for accessibility, best practices
 * and SEO, or below 95 for performance. Pages marked noindex (404, thanks) skip the one audit that
 * checks a page may be indexed: keeping them out of search results is the point.
 */
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, systemChromium } from './find-browser.ts';
import { outDir, readPages } from './quality/build-output.ts';
import { formatTable } from './quality/table.ts';
import { startStaticServer } from './static-server.ts';

const port = Number(process.env.AUDIT_PORT ?? 4340);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const minimum: Record<(typeof categories)[number], number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};

const pages = readPages(outDir);
if (pages.length === 0) {
  console.error(`No pages in ${outDir}/: run npm run build first.`);
  process.exit(1);
}

const server = await startStaticServer({ root: outDir, port });
const chrome = await chromeLauncher.launch({
  chromePath: systemChromium() ?? chromium.executablePath(),
  chromeFlags: ['--headless=new', ...chromiumArgs],
});

/**
 * A run in which Lighthouse itself failed (a runtime error, or a metric it could not compute) says
 * nothing about the page: it is run again, up to twice, and reported with Lighthouse's reason if it
 * keeps failing. A low score is never retried.
 */
async function auditPage(route: string, noindex: boolean) {
  let reason = '';
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const result = await lighthouse(`http://localhost:${port}${route}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
      skipAudits: noindex ? ['is-crawlable'] : [],
    });
    const errors = result
      ? [
          ...(result.lhr.runtimeError ? [result.lhr.runtimeError.message] : []),
          ...Object.entries(result.lhr.audits).flatMap(([id, audit]) => (audit.errorMessage ? [`${id}: ${audit.errorMessage}`] : [])),
        ]
      : ['Lighthouse returned no result'];
    if (result && errors.length === 0) return result;
    reason = errors.join('; ');
    console.warn(`${route}: Lighthouse failed to measure (attempt ${attempt}): ${reason}`);
  }
  throw new Error(`${route}: Lighthouse could not audit the page: ${reason}`);
}

const failures: string[] = [];
const rows: string[][] = [];
try {
  for (const { route, document } of pages) {
    const noindex = /noindex/.test(document.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '');
    const result = await auditPage(route, noindex);
    const scores = categories.map((category) => Math.round((result.lhr.categories[category]?.score ?? 0) * 100));
    rows.push([route, ...scores.map(String)]);
    categories.forEach((category, index) => {
      const score = scores[index] ?? 0;
      if (score >= minimum[category]) return;
      const failed = (result.lhr.categories[category]?.auditRefs ?? [])
        .map((ref) => result.lhr.audits[ref.id])
        .filter((audit) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
        .map((audit) => audit?.title);
      failures.push(`${route}: ${category} ${score} < ${minimum[category]} (${failed.join('; ')})`);
    });
  }
} finally {
  chrome.kill();
  server.close();
}

console.log(formatTable(['page', 'perf', 'a11y', 'best', 'seo'], rows));
if (failures.length > 0) {
  console.error(`\n${failures.join('\n')}`);
  process.exit(1);
}
console.log(`\nLighthouse: ${rows.length} pages at or above perf ${minimum.performance}, a11y/best/seo 100`);
