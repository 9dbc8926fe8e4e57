import { describe, expect, it } from 'vitest';
import { scriptsAfterPaint } from '../../../src/build/passes/scripts-after-paint.ts';
import { htmlOf, siteOf } from '../support/built-site.ts';

const page = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta http-equiv="content-security-policy" content="default-src 'self'"><script>theme()</script><script type="application/ld+json">{}</script></head><body>${body}</body></html>`;
const moduleScript = (src: string) => `<script type="module" src="${src}"></script>`;
const pass = scriptsAfterPaint({ loader: 'LOAD()', attribute: 'data-later' });

describe('scriptsAfterPaint', () => {
  it('swaps each of Astro’s module scripts for the loader, with the URL in its attribute, and keeps them in moduleScripts', () => {
    const html = page(
      `<form></form>${moduleScript('/_astro/form.1.js')}<p></p>${moduleScript('/_astro/a.js?x=1&amp;y=2')}`,
    );
    const site = pass(siteOf([{ file: 'index.html', html }]));
    expect(htmlOf(site, 'index.html')).toBe(
      page(
        '<form></form><script data-later="/_astro/form.1.js">LOAD()</script><p></p><script data-later="/_astro/a.js?x=1&amp;y=2">LOAD()</script>',
      ),
    );
    expect(site.pages[0]?.moduleScripts).toEqual(['/_astro/form.1.js', '/_astro/a.js?x=1&y=2']);
  });

  it('leaves inline scripts, structured data, other script files and a page without module scripts as they are', () => {
    const html = page(
      '<p>No module here.</p><script src="/classic.js"></script><script type="module" src="/m.js" async></script>',
    );
    expect(htmlOf(pass(siteOf([{ file: 'index.html', html }])), 'index.html')).toBe(html);
  });
});
