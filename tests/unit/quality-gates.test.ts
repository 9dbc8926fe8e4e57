import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../scripts/quality/build-output';
import {
  budgets,
  gzipSize,
  imageBudgets,
  measureBudgets,
  measureImages,
} from '../../scripts/quality/budgets';
import { FIRST_ROUND_TRIP_BYTES, measureSent } from '../../scripts/quality/first-round-trip';
import { validatePages } from '../../scripts/quality/html';
import { pageScriptLoader } from '../../src/build/inline-scripts';
import { PAGE_SCRIPT_ATTRIBUTE } from '../../src/scripts/names';
import { checkInternalLinks, externalLinks } from '../../scripts/quality/links';

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixture</title>${head}</head><body>${body}</body></html>`;

/** A miniature build output: files by path. */
function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'gates-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const healthy = {
  'index.html': page(
    '<main><h1 id="top">Home</h1><a href="/training/">Training</a> <a href="/training/#agenda">Agenda</a> <a href="#top">Top</a> <a href="https://example.org/">Elsewhere</a><img src="/logo.svg" alt="Logo" width="10" height="10"></main>',
    '<style>@font-face{font-family:Sans;src:url(/_astro/sans.woff2) format("woff2")}body{color:red}</style>',
  ),
  'training/index.html': page('<main><h1>Training</h1><h2 id="agenda">Agenda</h2></main>'),
  'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  '_astro/sans.woff2': 'font',
};

describe('link gate', () => {
  it('passes a site whose links all resolve, and lists external links separately', () => {
    const root = site(healthy);
    const pages = readPages(root);
    expect(checkInternalLinks(root, pages)).toEqual([]);
    expect([...externalLinks(pages).keys()]).toEqual(['https://example.org/']);
  });

  it('catches a dead link and a fragment with no target', () => {
    const root = site({
      ...healthy,
      'index.html': page(
        '<main><h1>Home</h1><a href="/trainings/">Typo</a> <a href="/training/#agneda">Typo</a></main>',
      ),
    });
    expect(checkInternalLinks(root, readPages(root))).toEqual([
      { route: '/', url: '/trainings/', reason: 'no such file in the build' },
      { route: '/', url: '/training/#agneda', reason: 'no element with id "agneda"' },
    ]);
  });
});

describe('HTML gate', () => {
  it('passes valid HTML', async () => {
    expect(await validatePages([{ route: '/', html: healthy['index.html'] }])).toEqual([]);
  });

  it('catches invalid nesting', async () => {
    const problems = await validatePages([
      { route: '/', html: page('<main><h1>Hi</h1><ul><div>not a list item</div></ul></main>') },
    ]);
    expect(problems.map((p) => p.rule)).toContain('element-permitted-content');
  });
});

describe('budget gate', () => {
  it('passes a small page', () => {
    const root = site(healthy);
    expect(measureBudgets(root, readPages(root)).problems).toEqual([]);
  });

  it('catches an oversized page', () => {
    const incompressible = randomBytes(budgets.firstPaintGzip).toString('base64');
    const root = site({
      ...healthy,
      'index.html': page(`<main><h1>Big</h1><p>${incompressible}</p></main>`),
    });
    const { problems, pages } = measureBudgets(root, readPages(root));
    expect(pages.find((p) => p.route === '/')?.firstPaintGzip).toBeGreaterThan(
      budgets.firstPaintGzip,
    );
    expect(problems).toEqual([
      expect.stringMatching(/^\/: first screen \d+ B gzip \(HTML with its CSS\), budget 14336 B$/),
    ]);
  });

  it('adds up the inline scripts of a page against their budget, structured data aside', () => {
    const problemsOf = (...scripts: string[]) => {
      const root = site({
        ...healthy,
        'index.html': page('<main><h1>Home</h1></main>', scripts.join('')),
      });
      return measureBudgets(root, readPages(root)).problems;
    };
    const script = (bytes: number) => `<script>${';'.repeat(bytes)}</script>`;
    const half = budgets.inlineScriptBytes / 2;
    const data = `<script type="application/ld+json">"${'x'.repeat(budgets.inlineScriptBytes)}"</script>`;
    expect(problemsOf(script(half), script(half), data)).toEqual([]);
    expect(problemsOf(script(half), script(half + 1))).toEqual([
      `/: ${budgets.inlineScriptBytes + 1} B of inline script, budget ${budgets.inlineScriptBytes} B`,
    ]);
  });

  it('counts the first screen up to the end of the block that holds the h1, with the CSS inlined before it', () => {
    const incompressible = (bytes: number) => randomBytes(bytes).toString('base64');
    const root = site({
      ...healthy,
      'index.html': page(
        `<header><h1>Home</h1><p>Lead</p></header><main><p>${incompressible(budgets.firstPaintGzip)}</p></main>`,
        `<style>/* ${incompressible(4 * 1024)} */</style>`,
      ),
    });
    const cost = measureBudgets(root, readPages(root)).pages.find((p) => p.route === '/');
    expect(cost?.firstPaintGzip).toBeGreaterThan(4 * 1024);
    expect(cost?.firstPaintGzip).toBeLessThan(budgets.firstPaintGzip);
    expect(cost?.htmlGzip).toBeGreaterThan(budgets.firstPaintGzip);
  });

  it('catches a render-blocking stylesheet and too much CSS on a page', () => {
    const root = site({
      ...healthy,
      'index.html': page(
        '<main><h1>Home</h1></main>',
        `<link rel="stylesheet" href="/_astro/site.css">`,
      ),
      '_astro/site.css': `/* ${randomBytes(budgets.cssGzip).toString('base64')} */`,
    });
    expect(measureBudgets(root, readPages(root)).problems).toEqual([
      '/: stylesheet /_astro/site.css blocks rendering: inline it',
      expect.stringMatching(new RegExp(`^/: \\d+ B gzip of CSS, budget ${budgets.cssGzip} B$`)),
    ]);
  });

  it('adds up what a page transfers on load, fonts its CSS declares included, against its own budget', () => {
    const font = randomBytes(budgets.transfer.default ?? 0);
    const root = site({ ...healthy, '_astro/sans.woff2': '' });
    writeFileSync(join(root, '_astro/sans.woff2'), font);
    const { problems, pages } = measureBudgets(root, readPages(root));
    const home = pages.find((p) => p.route === '/');
    expect(home?.fontBytes).toBe(font.length);
    expect(home?.transfer).toBe(
      (home?.htmlGzip ?? 0) + font.length + gzipSize('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    );
    expect(pages.find((p) => p.route === '/training/')?.fontBytes).toBe(0);
    expect(problems).toEqual([
      expect.stringMatching(/^\/: \d+ B transferred on load, budget 40960 B$/),
    ]);
  });

  it('catches script on a page that should have none, other origins and images without size or modern format', () => {
    const root = site({
      ...healthy,
      'index.html': page(
        '<main><h1>Home</h1><img src="/photo.png" alt="A photo"></main><script type="module" src="/_astro/app.js"></script>',
        '<script src="https://cdn.example.org/lib.js"></script>',
      ),
      'photo.png': 'png',
      '_astro/app.js': 'import "./dep.js";console.log(1)',
      '_astro/dep.js': 'console.log(2)',
    });
    const { problems, pages } = measureBudgets(root, readPages(root));
    expect(problems).toEqual(
      expect.arrayContaining([
        '/: https://cdn.example.org/lib.js blocks rendering',
        '/: requests https://cdn.example.org/lib.js from another origin',
        '/: <img src="/photo.png"> without width and height',
        '/: <img src="/photo.png"> is not AVIF, WebP or SVG',
        expect.stringMatching(/^\/: \d+ B gzip of script up front, budget 0 B$/),
      ]),
    );
    expect(pages.find((p) => p.route === '/')?.initialJsGzip).toBeGreaterThan(40);
  });

  it('counts the script a loader starts after the first paint, and its imports, as up front', () => {
    const root = site({
      ...healthy,
      'index.html': page(
        `<main><h1>Home</h1></main><script ${PAGE_SCRIPT_ATTRIBUTE}="/_astro/app.js">${pageScriptLoader}</script>`,
      ),
      '_astro/app.js': `import "./dep.js";${'a'.repeat(300)}`,
      '_astro/dep.js': 'b'.repeat(300),
    });
    const { problems, pages } = measureBudgets(root, readPages(root));
    expect(problems).toEqual([
      expect.stringMatching(/^\/: \d+ B gzip of script up front, budget 0 B$/),
    ]);
    expect(pages.find((p) => p.route === '/')?.initialJsGzip).toBeGreaterThan(40);

    const elsewhere = site({
      ...healthy,
      'index.html': page(
        `<main><h1>Home</h1></main><script ${PAGE_SCRIPT_ATTRIBUTE}="https://cdn.example.org/app.js">${pageScriptLoader}</script>`,
      ),
    });
    expect(measureBudgets(elsewhere, readPages(elsewhere)).problems).toEqual([
      '/: requests https://cdn.example.org/app.js from another origin',
    ]);
  });

  it('counts a lazily imported chunk as on demand, not up front', () => {
    const root = site({
      ...healthy,
      'executable-specs/index.html': page(
        '<main><h1>Demo</h1></main><script type="module" src="/_astro/loader.js"></script>',
      ),
      '_astro/loader.js': 'document.body.onclick=()=>import(`./demo.js`)',
      '_astro/demo.js': `new Worker(new URL(\`/_astro/worker.js\`,import.meta.url));${'x'.repeat(500)}`,
      '_astro/worker.js': 'self.onmessage=()=>{}',
    });
    const cost = measureBudgets(root, readPages(root)).pages.find(
      (p) => p.route === '/executable-specs/',
    );
    expect(cost?.initialJsGzip).toBeGreaterThan(0);
    expect(cost?.lazyJsGzip).toBeGreaterThan(cost?.initialJsGzip ?? 0);
  });

  it('counts the island’s parts and stylesheet against the page’s island budget', () => {
    const parts = JSON.stringify({ parts: { controls: randomBytes(600).toString('base64') } });
    const stylesheet = `/* ${randomBytes(600).toString('base64')} */`;
    const root = site({
      ...healthy,
      'index.html': page(
        '<main><h1>Home</h1><section data-island-parts="/_astro/p.json" data-island-stylesheet="/_astro/s.css"></section></main>',
      ),
      '_astro/p.json': parts,
      '_astro/s.css': stylesheet,
    });
    const { problems, pages } = measureBudgets(root, readPages(root));
    expect(pages.find((p) => p.route === '/')?.islandGzip).toBe(
      gzipSize(parts) + gzipSize(stylesheet),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^\/: \d+ B gzip of island parts and their stylesheet, budget 0 B$/),
    ]);
  });
});

describe('first round trip', () => {
  it('measures a document as sent: its brotli body and every header the host adds', async () => {
    const html = page(`<main><h1>Home</h1><p>${randomBytes(3000).toString('base64')}</p></main>`);
    const bare = site({ 'index.html': html });
    const withHeaders = site({
      'index.html': html,
      _headers: `/*\n  X-Policy: ${'p'.repeat(2000)}\n`,
    });
    const sentBare = (await measureSent(bare, readPages(bare))).get('/') ?? 0;
    const sentWithHeaders = (await measureSent(withHeaders, readPages(withHeaders))).get('/') ?? 0;
    expect(sentBare).toBeGreaterThan(brotliCompressSync(html).length);
    expect(sentBare).toBeLessThan(brotliCompressSync(html).length + 300);
    expect(sentWithHeaders - sentBare).toBe('X-Policy: \r\n'.length + 2000);
  });

  it('measures a document as a gzip host sends it: gzip body, no _headers, a ten-minute cache', async () => {
    const html = page(`<main><h1>Home</h1><p>${randomBytes(3000).toString('base64')}</p></main>`);
    const root = site({ 'index.html': html, _headers: `/*\n  X-Policy: ${'p'.repeat(2000)}\n` });
    const sent = (await measureSent(root, readPages(root), 'gzip')).get('/') ?? 0;
    expect(sent).toBeGreaterThan(gzipSync(html).length + 'cache-control: max-age=600'.length);
    expect(sent, 'no header of _headers').toBeLessThan(gzipSync(html).length + 300);
  });

  it('fails a page whose document does not fit in the first round trip', () => {
    const root = site(healthy);
    const sent = new Map([
      ['/', FIRST_ROUND_TRIP_BYTES + 1],
      ['/training/', FIRST_ROUND_TRIP_BYTES],
    ]);
    const { problems, pages } = measureBudgets(root, readPages(root), sent);
    expect(pages.map(({ route, sent }) => [route, sent])).toEqual([...sent]);
    expect(problems).toEqual([
      expect.stringMatching(
        `^/: the document is ${FIRST_ROUND_TRIP_BYTES + 1} B as sent \\(brotli and headers\\), more than the 14600 B of the first round trip, which costs a second one`,
      ),
    ]);
  });
});

describe('image budget', () => {
  const img = (src: string, extra = '') =>
    `<img src="${src}" alt="" width="10" height="10"${extra}>`;
  const bytes = (count: number) => 'x'.repeat(count);

  it('passes small images and reports the largest', () => {
    const home = page(`<main><h1>Home</h1>${img('/_astro/a.webp')}</main>`);
    const root = site({ ...healthy, 'index.html': home, '_astro/a.webp': bytes(1000) });
    const report = measureImages(root, readPages(root));
    expect(report.problems).toEqual([]);
    expect(report.largest).toEqual({ url: '/_astro/a.webp', bytes: 1000 });
    expect(report.pages.find((p) => p.route === '/')?.imageBytes).toBe(1000);
  });

  it('catches one image over budget, also as a srcset or <picture> candidate', () => {
    const heavy = imageBudgets.perImageBytes + 1;
    const root = site({
      ...healthy,
      'index.html': page(`<main><h1>Home</h1>${img('/_astro/photo.webp')}</main>`),
      'training/index.html': page(
        `<main><h1>Training</h1><picture><source srcset="/_astro/big.avif 2x" type="image/avif">${img(
          '/_astro/small.webp',
          ' srcset="/_astro/small.webp 1x, /_astro/big.webp 2x"',
        )}</picture></main>`,
      ),
      '_astro/photo.webp': bytes(heavy),
      '_astro/small.webp': bytes(100),
      '_astro/big.webp': bytes(heavy),
      '_astro/big.avif': bytes(heavy + 1),
    });
    expect(measureImages(root, readPages(root)).problems).toEqual([
      `/: image /_astro/photo.webp is ${heavy} B, budget ${imageBudgets.perImageBytes} B`,
      `/training/: image /_astro/big.webp is ${heavy} B, budget ${imageBudgets.perImageBytes} B`,
      `/training/: image /_astro/big.avif is ${heavy + 1} B, budget ${imageBudgets.perImageBytes} B`,
    ]);
  });

  it('catches a page whose images together are over budget, counting an image shown twice once', () => {
    const each = imageBudgets.perImageBytes;
    const count = Math.floor(imageBudgets.perPageBytes / each) + 1;
    const files = Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`_astro/${i}.webp`, bytes(each)]),
    );
    const images = Object.keys(files).map((file) => img(`/${file}`));
    const root = site({
      ...healthy,
      ...files,
      'index.html': page(`<main><h1>Home</h1>${images.join('')}</main>`),
    });
    expect(measureImages(root, readPages(root)).problems).toEqual([
      `/: ${count * each} B of images, budget ${imageBudgets.perPageBytes} B`,
    ]);
    const twice = page(`<main><h1>Home</h1>${images[0]?.repeat(count)}</main>`);
    const repeated = site({ ...healthy, ...files, 'index.html': twice });
    expect(measureImages(repeated, readPages(repeated)).problems).toEqual([]);
  });
});

describe('the deploy build', () => {
  const scripts = (
    JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
  ).scripts;

  it('runs the browserless gates after the build, so what fails them is not deployed', () => {
    const steps = (scripts['build:deploy'] ?? '').split('&&').map((step) => step.trim());
    expect(steps.indexOf('npm run gates')).toBeGreaterThan(steps.indexOf('astro build'));
    expect(steps.indexOf('astro build')).toBeGreaterThanOrEqual(0);
    expect(scripts.gates).toBe('node scripts/gates.ts');
    for (const file of [
      'scripts/gates.ts',
      ...readdirSync('scripts/quality').map((name) => `scripts/quality/${name}`),
    ]) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(
        /playwright|chrom|lighthouse|find-browser/i,
      );
    }
  });

  it('is the command of every host configured in the repository', () => {
    expect(readFileSync('netlify.toml', 'utf8')).toMatch(/^\s*command = "npm run build:deploy"$/m);
    expect(readFileSync('.github/workflows/deploy.yml', 'utf8')).toMatch(
      /^\s*- run: npm run build:deploy$/m,
    );
  });
});
