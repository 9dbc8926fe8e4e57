import { describe, expect, it } from 'vitest';
import {
  CACHE_CONTROL,
  cspFromHtml,
  headerCsp,
  headerRules,
  hostLimitProblems,
  mergeCsps,
  parseCsp,
  parseHeadersFile,
  renderHeadersFile,
  SECURITY_HEADERS,
  serializeCsp,
  type Csp,
} from '../../src/lib/security-headers.ts';

/** As Astro writes it: its own directives joined by `;`, then `; script-src …; style-src …;`. */
const astroPolicy =
  "default-src 'self';connect-src 'self' https://formspree.io;object-src 'none'; " +
  "script-src 'self' 'sha256-a='; style-src 'self' 'sha256-b=';";

const topLevel = [
  { name: '_astro', isDirectory: true },
  { name: 'contact', isDirectory: true },
  { name: 'index.html', isDirectory: false },
  { name: '404.html', isDirectory: false },
  { name: 'og', isDirectory: true },
  { name: 'sitemap-index.xml', isDirectory: false },
];
/** Each page with a style hash of its own, as each route inlines its own cut of the CSS. */
const pageWithStyle = (entry: string, style: string, script = '') => ({
  entry,
  csp: parseCsp(
    `default-src 'self'; script-src 'self' 'sha256-theme='${script}; style-src 'self' ${style}`,
  ),
});
const notFoundPage = pageWithStyle('404.html', "'sha256-notfound='");
const homePage = pageWithStyle('index.html', "'sha256-home='");
const contactPages = [
  pageWithStyle('contact', "'sha256-contact='", " 'sha256-form='"),
  pageWithStyle('contact', "'sha256-thanks='", " 'sha256-form='"),
];
const siteRules = headerRules({
  assetsDir: '_astro',
  topLevel,
  pages: [notFoundPage, homePage, ...contactPages],
});

/** What a host sends for a path: the headers of every rule that matches it, as it reads the file. */
function headersFor(path: string): [string, string][] {
  return parseHeadersFile(renderHeadersFile(siteRules))
    .filter(({ pattern }) => pattern.test(path))
    .flatMap(({ headers }) => headers);
}

function cspFor(path: string): Csp | undefined {
  const policy = headersFor(path).find(([name]) => name === 'Content-Security-Policy')?.[1];
  return policy === undefined ? undefined : parseCsp(policy);
}

describe('parseCsp and serializeCsp', () => {
  it("read Astro's policy, with its mixed separators, into directives", () => {
    expect([...parseCsp(astroPolicy)]).toEqual([
      ['default-src', ["'self'"]],
      ['connect-src', ["'self'", 'https://formspree.io']],
      ['object-src', ["'none'"]],
      ['script-src', ["'self'", "'sha256-a='"]],
      ['style-src', ["'self'", "'sha256-b='"]],
    ]);
  });

  it('keep the first of a repeated directive, as browsers do', () => {
    expect(parseCsp("script-src 'self'; SCRIPT-SRC *").get('script-src')).toEqual(["'self'"]);
  });

  it('round-trip', () => {
    expect(parseCsp(serializeCsp(parseCsp(astroPolicy)))).toEqual(parseCsp(astroPolicy));
  });
});

describe('cspFromHtml', () => {
  it("finds the policy of Astro's meta tag, entities decoded", () => {
    const html =
      '<html><head><meta charset="utf-8">' +
      '<meta http-equiv="content-security-policy" content="script-src &#39;self&#39;"></head></html>';
    expect(cspFromHtml(html)).toBe("script-src 'self'");
  });

  it('is undefined for a page without one', () => {
    expect(cspFromHtml('<html><head></head></html>')).toBeUndefined();
  });
});

describe('mergeCsps', () => {
  it('is the union of every page’s sources, each once, in order', () => {
    const merged = mergeCsps([
      parseCsp("script-src 'self' 'sha256-a='"),
      parseCsp("script-src 'self' 'sha256-c='"),
    ]);
    expect(serializeCsp(merged)).toBe("script-src 'self' 'sha256-a=' 'sha256-c='");
  });

  it("drops 'none' once another page allows something", () => {
    expect(serializeCsp(mergeCsps([parseCsp("img-src 'none'"), parseCsp("img-src 'self'")]))).toBe(
      "img-src 'self'",
    );
  });

  it('refuses pages whose directives differ, since a missing one falls back to default-src', () => {
    expect(() =>
      mergeCsps([parseCsp("default-src 'self'; img-src 'self'"), parseCsp("default-src 'self'")]),
    ).toThrow(/different CSP directives/);
  });

  it('refuses an empty build', () => {
    expect(() => mergeCsps([])).toThrow(/No page/);
  });
});

describe('headerCsp', () => {
  it("adds frame-ancestors 'none', which a meta tag cannot carry, and keeps the rest as it is", () => {
    const header = headerCsp(parseCsp(astroPolicy));
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(new Map([...header].filter(([name]) => name !== 'frame-ancestors'))).toEqual(
      parseCsp(astroPolicy),
    );
  });
});

describe('headerRules', () => {
  it("gives a page the header policy of its route's pages: their hashes, frame-ancestors, no other route's hashes", () => {
    const contact = cspFor('/contact/');
    expect(contact?.get('style-src')).toEqual(
      expect.arrayContaining(["'sha256-contact='", "'sha256-thanks='"]),
    );
    expect(contact?.get('style-src')).not.toContain("'sha256-home='");
    expect(contact?.get('script-src')).toContain("'sha256-form='");
    expect(contact?.get('frame-ancestors')).toEqual(["'none'"]);

    for (const path of ['/', '/index.html']) {
      expect(cspFor(path)?.get('style-src'), path).toContain("'sha256-home='");
      expect(cspFor(path)?.get('style-src'), path).not.toContain("'sha256-contact='");
      expect(cspFor(path)?.get('script-src'), path).not.toContain("'sha256-form='");
    }
  });

  it('allows the 404 page everywhere, since the host serves it at any unknown URL under an entry', () => {
    const paths = ['/', '/contact/', '/contact/nope', '/404.html', '/_astro/x.js', '/og/x.png'];
    for (const path of paths)
      expect(cspFor(path)?.get('style-src'), path).toContain("'sha256-notfound='");
  });

  it("gives an entry without a page, a file or a folder of assets, the 404 page's header policy", () => {
    for (const path of ['/_astro/x.js', '/og/x.png', '/sitemap-index.xml'])
      expect(cspFor(path), path).toEqual(headerCsp(notFoundPage.csp));
  });

  it('leaves a URL under no entry to the 404 page’s meta tag, and keeps it out of frames all the same', () => {
    const unknown = headersFor('/nope');
    expect(unknown.map(([name]) => name)).not.toContain('Content-Security-Policy');
    expect(unknown).toContainEqual(['X-Frame-Options', 'DENY']);
    expect(unknown).toEqual(expect.arrayContaining(Object.entries(SECURITY_HEADERS)));
  });

  it('caches hashed assets for a year and everything else not at all without asking again', () => {
    const cacheControl = (path: string) =>
      headersFor(path).find(([name]) => name === 'Cache-Control')?.[1];
    expect(cacheControl('/_astro/a.B1.css')).toBe(CACHE_CONTROL.hashed);
    for (const path of [
      '/',
      '/index.html',
      '/404.html',
      '/contact/',
      '/og/x.png',
      '/sitemap-index.xml',
    ])
      expect(cacheControl(path), path).toBe(CACHE_CONTROL.revalidate);
  });

  it('never sets one header from two rules that match the same path (hosts would join or drop them)', () => {
    const underEntries = [
      '/',
      '/index.html',
      '/contact/',
      '/contact/thanks/index.html',
      '/contact/nope',
      '/_astro/x.js',
      '/404.html',
      '/sitemap-index.xml',
    ];
    for (const path of [...underEntries, '/nope']) {
      const names = headersFor(path).map(([name]) => name);
      expect(names, path).toEqual([...new Set(names)]);
      expect(names, path).toContain('X-Frame-Options');
    }
    for (const path of underEntries) {
      const names = headersFor(path).map(([name]) => name);
      expect(names, path).toEqual(
        expect.arrayContaining(['Cache-Control', 'Content-Security-Policy']),
      );
    }
  });

  it('adds no rule for another page under an entry', () => {
    const morePages = headerRules({
      assetsDir: '_astro',
      topLevel,
      pages: [notFoundPage, homePage, ...contactPages, pageWithStyle('contact', "'sha256-more='")],
    });
    expect(morePages.map(({ path }) => path)).toEqual(siteRules.map(({ path }) => path));
  });

  it('refuses a build without a 404 page, whose policy every entry must allow', () => {
    expect(() => headerRules({ assetsDir: '_astro', topLevel, pages: [homePage] })).toThrow(
      /no 404\.html/,
    );
  });
});

describe('renderHeadersFile', () => {
  it('writes each path with its headers indented beneath, after a note that the file is generated', () => {
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    expect(renderHeadersFile([{ path: '/*', headers }])).toBe(
      '# Generated by the build (src/build/passes/headers-file.ts); edits here are overwritten.\n' +
        '/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n',
    );
  });
});

describe('parseHeadersFile', () => {
  it('reads back what renderHeadersFile wrote: each path as a pattern that matches it, its headers in order', () => {
    const parsed = parseHeadersFile(renderHeadersFile(siteRules));
    expect(parsed.map(({ headers }) => headers)).toEqual(
      siteRules.map(({ headers }) => Object.entries(headers)),
    );
    const examplePaths = siteRules.map(({ path }) => path.replace('*', 'any/file.html'));
    expect(parsed.map(({ pattern }, index) => pattern.test(examplePaths[index] ?? ''))).toEqual(
      siteRules.map(() => true),
    );
  });

  it('matches a splat against any path beneath it and an exact path only against itself', () => {
    const [splat, exact] = parseHeadersFile('/contact/*\n  A: 1\n/404.html\n  B: 2\n');
    expect(['/contact/', '/contact/thanks/'].map((path) => splat?.pattern.test(path))).toEqual([
      true,
      true,
    ]);
    expect(['/contact', '/other/'].map((path) => splat?.pattern.test(path))).toEqual([
      false,
      false,
    ]);
    const exactPaths = ['/404.html', '/404xhtml', '/404.html/'];
    expect(exactPaths.map((path) => exact?.pattern.test(path))).toEqual([true, false, false]);
  });
});

describe('hostLimitProblems', () => {
  const revalidate = { 'Cache-Control': CACHE_CONTROL.revalidate };

  it('accepts the site’s rules', () => {
    expect(hostLimitProblems(siteRules)).toEqual([]);
  });

  it('names a line longer than Cloudflare reads', () => {
    const csp = `script-src ${"'sha256-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=' ".repeat(50)}`;
    expect(
      hostLimitProblems([{ path: '/*', headers: { 'Content-Security-Policy': csp } }]),
    ).toEqual([
      expect.stringMatching(
        /^\/\* Content-Security-Policy is \d+ characters, more than the 2000 of a line/,
      ),
    ]);
  });

  it('counts the rules', () => {
    const rules = Array.from({ length: 101 }, (_, index) => ({
      path: `/${index}`,
      headers: revalidate,
    }));
    expect(hostLimitProblems(rules)).toEqual([
      '101 rules, more than the 100 Cloudflare Pages applies',
    ]);
  });
});
