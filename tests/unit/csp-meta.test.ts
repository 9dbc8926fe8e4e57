import { describe, expect, it } from 'vitest';
import { sha256Source } from '../../src/lib/csp';
import { moveCspMetaFirst, pinCspToInlineCode } from '../../src/lib/csp-meta';

const csp = `<meta http-equiv="content-security-policy" content="default-src 'self';script-src 'self' 'sha256-abc='">`;
const page = (head: string) =>
  `<!DOCTYPE html><html lang="en"><head>${head}</head><body><p>Hi</p></body></html>`;

describe('moveCspMetaFirst', () => {
  it('puts the policy right after <meta charset>, before the scripts it must cover', () => {
    const script = '<script>document.documentElement.dataset.theme="dark"</script>';
    const before = page(
      `<meta charset="utf-8"><title>T</title>${script}${csp}<link rel="stylesheet" href="/a.css">`,
    );
    expect(moveCspMetaFirst(before)).toBe(
      page(
        `<meta charset="utf-8">${csp}<title>T</title>${script}<link rel="stylesheet" href="/a.css">`,
      ),
    );
  });

  it('leaves a page whose policy is already first as it is', () => {
    const html = page(`<meta charset="utf-8">${csp}<title>T</title>`);
    expect(moveCspMetaFirst(html)).toBe(html);
  });

  it('refuses a page without the policy, with two, or without a charset to follow', () => {
    expect(() => moveCspMetaFirst(page('<meta charset="utf-8"><title>T</title>'))).toThrow(
      /one CSP meta tag, found 0/,
    );
    expect(() => moveCspMetaFirst(page(`<meta charset="utf-8">${csp}${csp}`))).toThrow(/found 2/);
    expect(() => moveCspMetaFirst(page(`<title>T</title>${csp}`))).toThrow(/charset/);
  });
});

describe('pinCspToInlineCode', () => {
  const policy = (scripts: string, styles: string) =>
    `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' ${scripts}; style-src 'self' ${styles}">`;
  const theme = 'document.documentElement.dataset.theme="dark"';
  const css = 'p{color:red}';
  const structuredData = '{"@type":"Person"}';
  const body = `<script>${theme}</script><script type="application/ld+json">${structuredData}</script><script type="module" src="/a.js"></script><style>${css}</style>`;

  it('allows exactly the page’s own runnable scripts and stylesheets', async () => {
    const stale = `'sha256-other=' '${await sha256Source(structuredData)}'`;
    const html = await pinCspToInlineCode(
      page(`<meta charset="utf-8">${policy(stale, stale)}${body}`),
    );
    expect(html).toContain(
      `script-src 'self' '${await sha256Source(theme)}'; style-src 'self' '${await sha256Source(css)}'"`,
    );
  });

  it('refuses a page without a policy, or a policy without the directives', async () => {
    await expect(pinCspToInlineCode(page(body))).rejects.toThrow(/one CSP meta tag, found 0/);
    await expect(pinCspToInlineCode(page(csp + body))).rejects.toThrow(/no style-src/);
  });
});
