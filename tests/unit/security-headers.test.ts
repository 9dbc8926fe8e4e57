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
  { name: 'sitemap-index.xml', isDirectory: false },
];
const siteRules = headerRules({
  csp: headerCsp(parseCsp(astroPolicy)),
  assetsDir: '_astro',
  topLevel,
});

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
  it('sends the CSP and the security headers with every response', () => {
    expect(siteRules[0]).toEqual({
      path: '/*',
      headers: {
        'Content-Security-Policy': serializeCsp(headerCsp(parseCsp(astroPolicy))),
        ...SECURITY_HEADERS,
      },
    });
  });

  it('caches hashed assets for a year and everything else not at all without asking again', () => {
    expect(siteRules.slice(1)).toEqual([
      { path: '/_astro/*', headers: { 'Cache-Control': CACHE_CONTROL.hashed } },
      { path: '/', headers: { 'Cache-Control': CACHE_CONTROL.revalidate } },
      { path: '/404.html', headers: { 'Cache-Control': CACHE_CONTROL.revalidate } },
      { path: '/contact/*', headers: { 'Cache-Control': CACHE_CONTROL.revalidate } },
      { path: '/index.html', headers: { 'Cache-Control': CACHE_CONTROL.revalidate } },
      { path: '/sitemap-index.xml', headers: { 'Cache-Control': CACHE_CONTROL.revalidate } },
    ]);
  });

  it('never sets one header from two rules that match the same path (hosts would join or drop them)', () => {
    const parsed = parseHeadersFile(renderHeadersFile(siteRules));
    const paths = [
      '/',
      '/index.html',
      '/contact/',
      '/contact/thanks/index.html',
      '/_astro/a.B1.css',
      '/404.html',
    ];
    for (const path of paths) {
      const matching = parsed.filter(({ pattern }) => pattern.test(path));
      const names = matching.flatMap(({ headers }) => headers.map(([name]) => name));
      expect(names, path).toEqual([...new Set(names)]);
      expect(names, path).toContain('Cache-Control');
      expect(names, path).toContain('Content-Security-Policy');
    }
  });
});

describe('renderHeadersFile', () => {
  it('writes each path with its headers indented beneath, after a note that the file is generated', () => {
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    expect(renderHeadersFile([{ path: '/*', headers }])).toBe(
      '# Generated by the build (src/integrations/security-headers.ts); edits here are overwritten.\n' +
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
