import { describe, expect, it } from 'vitest';
import { moveCspMetaFirst } from '../../src/lib/csp-meta';

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
