import { describe, expect, it } from 'vitest';
import { cssUsedBy, markupInJson, markupOf, restylePage } from '../../src/lib/page-css.ts';

const css = [
  '.card{padding:1rem}',
  '.unused{color:red}',
  '.lg\\:max-w-\\[22rem\\]{max-width:22rem}',
  '.\\[\\&\\>svg\\]\\:w-full>svg{width:100%}',
  '[hidden]:where(:not([hidden=until-found])){display:none!important}',
  ':where([data-theme=dark]) .text-fg{color:white}',
  '.text-fg{color:black}',
  '.is-sending{opacity:.5}',
  'p:where(:not(.q)){margin:0}',
  '.card :where(kbd){font-family:monospace}',
  '.card :where(td){padding:0}',
  '@media (width>=64rem){.unused{color:red}}',
  '@font-face{font-family:Inter;src:url(/inter.woff2)}',
].join('');

const page = (style: string, policy = `style-src 'self' 'sha256-old='`) =>
  `<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'; ${policy}; script-src 'self'"><style>${style}</style></head><body><div class="card lg:max-w-[22rem] [&amp;>svg]:w-full"><svg></svg></div></body></html>`;

describe('cssUsedBy', () => {
  it('keeps the rules whose classes the markup or a script uses, and drops the rest', () => {
    const kept = cssUsedBy(css, [
      markupOf(page(css)),
      'el.classList.add("is-sending"); row.append(document.createElement("td"))',
    ]);
    expect(kept).toContain('.card{');
    expect(kept).toContain('.lg\\:max-w-\\[22rem\\]{');
    expect(kept).toContain('.is-sending{');
    expect(kept, 'a class written with an entity in the markup').toContain('svg{width:100%}');
    expect(kept).not.toContain('.unused');
    expect(kept, 'an element a script creates counts').toContain(':where(td)');
    expect(kept, 'an element nothing has does not').not.toContain(':where(kbd)');
  });

  it('keeps rules that test attributes browsers and scripts set, and the font faces', () => {
    const kept = cssUsedBy(css, ['<p class="text-fg">x</p>']);
    expect(kept).toContain('[hidden]');
    expect(kept).toContain('[data-theme=dark]');
    expect(kept).toContain('@font-face');
    expect(kept, 'a class inside :not() is not needed').toContain('p:where(:not(.q))');
    expect(kept, 'a media query left empty goes too').not.toContain('@media');
  });

  it('reads the markup a fetched JSON document carries', () => {
    const json = JSON.stringify({
      html: '<pre class="text-fg"><span class="card">&lt;x&gt;</span></pre>',
    });
    const kept = cssUsedBy(css, [markupInJson(json)]);
    expect(kept).toContain('.card{');
    expect(kept).toContain('.text-fg{');
    expect(kept).not.toContain('.unused');
  });

  it('does not count the classes of the stylesheet itself as used', () => {
    const kept = cssUsedBy(css, [markupOf(page(css))]);
    expect(kept).not.toContain('.unused');
  });
});

describe('restylePage', () => {
  it('replaces the text of each stylesheet and nothing else', () => {
    const html = restylePage(page(css), () => '.card{padding:1rem}');
    expect(html).toBe(page('.card{padding:1rem}'));
  });
});
