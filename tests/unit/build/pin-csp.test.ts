import { describe, expect, it } from 'vitest';
import { sha256Hash } from '../../../src/build/built-site.ts';
import { pinCsp, withHashes } from '../../../src/build/passes/pin-csp.ts';
import { htmlOf, siteOf } from '../support/built-site.ts';

const meta = (policy: string) => `<meta http-equiv="content-security-policy" content="${policy}">`;
const page = (head: string, body = '<p>Hi</p>') =>
  `<!DOCTYPE html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
const pin = (html: string) => pinCsp(siteOf([{ file: 'index.html', html }]));

describe('pinCsp', () => {
  const theme = 'document.documentElement.dataset.theme="dark"';
  const css = 'p{color:red}';
  const structuredData = '{"@type":"Person"}';
  const code = `<script>${theme}</script><script type="application/ld+json">${structuredData}</script><script type="module" src="/a.js"></script><style>${css}</style>`;
  const stale = `'sha256-other=' '${sha256Hash(structuredData)}'`;
  const policy = `default-src 'self';img-src 'self'; script-src 'self' ${stale}; style-src 'self' ${stale}`;

  it('allows exactly the page’s own runnable scripts and stylesheets, and records the policy', () => {
    const site = pin(page(`<meta charset="utf-8">${meta(policy)}${code}`));
    const pinned = `default-src 'self';img-src 'self'; script-src 'self' '${sha256Hash(theme)}'; style-src 'self' '${sha256Hash(css)}'`;
    expect(htmlOf(site, 'index.html')).toBe(page(`<meta charset="utf-8">${meta(pinned)}${code}`));
    expect(site.pages[0]?.csp.get('script-src')).toEqual(["'self'", `'${sha256Hash(theme)}'`]);
  });

  it('puts the policy right after <meta charset>, before the scripts it must cover', () => {
    const html = pinCsp(
      siteOf([
        {
          file: 'index.html',
          html: page(
            `<meta charset="utf-8"><title>T</title>${code}${meta(policy)}<link rel="icon" href="/i.svg">`,
          ),
        },
      ]),
    );
    expect(htmlOf(html, 'index.html')).toMatch(
      /^<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="[^"]+"><title>T<\/title><script>/,
    );
  });

  it('refuses a page without the policy, with two, without the directives or without a charset to follow', () => {
    expect(() => pin(page('<meta charset="utf-8">'))).toThrow(
      /index.html: expected one CSP meta tag, found 0/,
    );
    expect(() => pin(page(`<meta charset="utf-8">${meta(policy)}${meta(policy)}`))).toThrow(
      /found 2/,
    );
    expect(() => pin(page(`<meta charset="utf-8">${meta("script-src 'self'")}`))).toThrow(
      /index.html: the CSP meta tag has no style-src directive/,
    );
    expect(() => pin(page(meta(policy)))).toThrow(/charset/);
  });
});

describe('withHashes', () => {
  it('changes the hashes only, as the policy was written', () => {
    expect(
      withHashes("default-src 'self';script-src 'self' 'sha384-x'  ;style-src 'none'", {
        'script-src': ["'sha256-a'"],
        'style-src': [],
      }),
    ).toBe("default-src 'self';script-src 'self' 'sha256-a';style-src 'none'");
  });
});
