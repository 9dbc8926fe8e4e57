import { describe, expect, it } from 'vitest';
import { headersFile } from '../../../src/build/passes/headers-file.ts';
import { parseHeadersFile } from '../../../src/lib/security-headers.ts';
import { siteOf } from '../support/built-site.ts';

const page = (scriptHash: string) =>
  `<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' '${scriptHash}'"></head></html>`;

describe('headersFile', () => {
  const site = siteOf(
    [
      { file: 'index.html', html: page('sha256-home') },
      { file: '404.html', html: page('sha256-missing') },
      { file: 'contact/index.html', html: page('sha256-form') },
    ],
    {
      topLevel: [
        { name: 'index.html', isDirectory: false },
        { name: '404.html', isDirectory: false },
        { name: 'contact', isDirectory: true },
        { name: '_astro', isDirectory: true },
      ],
    },
  );

  it('adds _headers, whose policy for each entry allows its pages and the 404 page, from the pages’ csp', () => {
    const text = headersFile(site).added.get('_headers') ?? '';
    const policyFor = (path: string) =>
      parseHeadersFile(text)
        .filter((rule) => rule.pattern.test(path))
        .flatMap((rule) => rule.headers)
        .find(([name]) => name === 'Content-Security-Policy')?.[1];
    expect(policyFor('/contact/')).toContain("'sha256-form'");
    expect(policyFor('/contact/')).toContain("'sha256-missing'");
    expect(policyFor('/contact/')).not.toContain("'sha256-home'");
    expect(policyFor('/')).toContain("'sha256-home'");
  });

  it('refuses a build whose rules would not fit the hosts’ limits', () => {
    const long = siteOf([{ file: '404.html', html: page(`sha256-${'x'.repeat(3000)}`) }]);
    expect(() => headersFile({ ...long, topLevel: site.topLevel })).toThrow(
      /would not fit the hosts' limits/,
    );
  });
});
