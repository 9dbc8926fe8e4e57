import { describe, expect, it } from 'vitest';
import { cssPerRoute } from '../../../src/build/passes/css-per-route.ts';
import { takeIslandParts } from '../../../src/build/passes/island-parts.ts';
import { scriptsAfterPaint } from '../../../src/build/passes/scripts-after-paint.ts';
import { htmlOf, siteOf } from '../support/built-site.ts';

const css = '.card{padding:1rem}.sent{color:green}.row{margin:0}.unused{color:red}';
const page = (body: string) =>
  `<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'"><style>${css}</style></head><body>${body}</body></html>`;
const styleOf = (html: string) => /<style>(.*?)<\/style>/.exec(html)?.[1];
const files = {
  '/_astro/form.js': 'import("./sent.js")',
  '/_astro/sent.js': 'el.className="sent"',
};

describe('cssPerRoute', () => {
  it('matches a page without script files against its markup', () => {
    const site = cssPerRoute()(siteOf([{ file: 'a.html', html: page('<p class="card">x</p>') }]));
    expect(styleOf(htmlOf(site, 'a.html'))).toBe('.card{padding:1rem}');
  });

  it('keeps for a scripted page what its scripts, and the scripts they load, name', () => {
    const html = page(
      '<form class="card"></form><script type="module" src="/_astro/form.js"></script>',
    );
    const site = siteOf([{ file: 'contact.html', html }], { files });
    const kept = styleOf(htmlOf(cssPerRoute()(site), 'contact.html'));
    expect(kept).toBe('.card{padding:1rem}.sent{color:green}');
  });

  it('reads the scripts from the page model, so it cuts the same after scripts moved behind the first paint', () => {
    const html = page(
      '<form class="card"></form><script type="module" src="/_astro/form.js"></script>',
    );
    const site = siteOf([{ file: 'contact.html', html }], { files });
    const later = scriptsAfterPaint({ loader: 'L()', attribute: 'data-later' });
    expect(styleOf(htmlOf(cssPerRoute()(later(site)), 'contact.html'))).toBe(
      styleOf(htmlOf(cssPerRoute()(site), 'contact.html')),
    );
  });

  it('gives the pages of one route one stylesheet, from all of them', () => {
    const site = cssPerRoute()(
      siteOf([
        { file: 'a/index.html', route: 'spotlight', html: page('<p class="card">x</p>') },
        { file: 'b/index.html', route: 'spotlight', html: page('<p class="row">y</p>') },
        { file: 'c/index.html', route: 'other', html: page('<p class="row">z</p>') },
      ]),
    );
    expect(styleOf(htmlOf(site, 'a/index.html'))).toBe('.card{padding:1rem}.row{margin:0}');
    expect(styleOf(htmlOf(site, 'b/index.html'))).toBe('.card{padding:1rem}.row{margin:0}');
    expect(styleOf(htmlOf(site, 'c/index.html'))).toBe('.row{margin:0}');
  });

  it('writes the stylesheet for island parts, with the parts’ rules where they stood, and points the root at it', () => {
    const html = page(
      '<div class="card" data-island-parts><template data-island-part="rows"><p class="row">r</p></template></div><script type="module" src="/_astro/form.js"></script>',
    );
    const site = cssPerRoute()(takeIslandParts(siteOf([{ file: 'x.html', html }], { files })));
    const stylesheet = [...site.added].find(([file]) => file.endsWith('.css'));
    expect(stylesheet?.[1]).toBe('.card{padding:1rem}.sent{color:green}.row{margin:0}');
    expect(htmlOf(site, 'x.html')).toContain(`data-island-stylesheet="/${stylesheet?.[0]}"`);
    expect(styleOf(htmlOf(site, 'x.html')), 'the page itself is matched without its parts').toBe(
      '.card{padding:1rem}',
    );
  });

  it('keeps the whole stylesheet everywhere when it does not prune (the reference build)', () => {
    const site = cssPerRoute({ prune: false })(
      siteOf([{ file: 'a.html', html: page('<p class="card">x</p>') }]),
    );
    expect(styleOf(htmlOf(site, 'a.html'))).toBe(css);
  });
});
