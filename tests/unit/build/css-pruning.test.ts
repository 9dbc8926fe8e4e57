import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/build/built-site.ts';
import {
  cssMatchedBy,
  cssUsedBy,
  namesIn,
  namesInDocument,
  namesInJson,
  withoutRegisteredFallbacks,
  withoutUnreadProperties,
} from '../../../src/build/css-pruning.ts';

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
    const kept = cssUsedBy(
      css,
      new Set([
        ...namesInDocument(parseHtml(page(css))),
        ...namesIn('el.classList.add("is-sending"); row.append(document.createElement("td"))'),
      ]),
    );
    expect(kept).toContain('.card{');
    expect(kept).toContain('.lg\\:max-w-\\[22rem\\]{');
    expect(kept).toContain('.is-sending{');
    expect(kept, 'a class written with an entity in the markup').toContain('svg{width:100%}');
    expect(kept).not.toContain('.unused');
    expect(kept, 'an element a script creates counts').toContain(':where(td)');
    expect(kept, 'an element nothing has does not').not.toContain(':where(kbd)');
  });

  it('keeps rules that test attributes browsers and scripts set, and the font faces', () => {
    const kept = cssUsedBy(css, new Set(namesInDocument(parseHtml('<p class="text-fg">x</p>'))));
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
    const kept = cssUsedBy(css, new Set(namesInJson(json)));
    expect(kept).toContain('.card{');
    expect(kept).toContain('.text-fg{');
    expect(kept).not.toContain('.unused');
  });

  it('does not count the classes of the stylesheet or the policy as used', () => {
    const kept = cssUsedBy(css, new Set(namesInDocument(parseHtml(page(css)))));
    expect(kept).not.toContain('.unused');
  });
});

describe('cssMatchedBy', () => {
  const staticPage = `<html><head><script>document.documentElement.classList.add("scripted")</script></head><body>
    <div class="prose"><p>Text <strong>bold</strong></p></div>
    <div class="table-box"><table><tr><td>cell</td></tr></table></div>
    <ul class="space-y-4"><li>a</li><li>b</li></ul>
    <details><summary>More</summary><pre><code class="kw">x</code></pre></details>
    <a class="btn" href="/">Go</a></body></html>`;
  const kept = (rule: string, pages = [staticPage]) => {
    const documents = pages.map(parseHtml);
    // What the inline scripts name, as css-per-route.ts gathers it.
    const scriptNames = new Set(namesIn('document.documentElement.classList.add("scripted")'));
    return cssMatchedBy(`${rule}{color:red}`, documents, scriptNames) !== '';
  };

  it('keeps a rule only where its elements stand as the selector says', () => {
    expect(kept('.prose :where(p):not(:where([class~=not-prose],[class~=not-prose] *))')).toBe(
      true,
    );
    expect(kept('.prose :where(strong)')).toBe(true);
    expect(kept('.prose :where(table)'), 'the table stands outside the prose').toBe(false);
    expect(kept('.prose :where(a)'), 'the link stands outside the prose').toBe(false);
    expect(kept('.table-box td')).toBe(true);
    expect(kept('details code.kw'), 'inside <pre>, elements still count').toBe(true);
    expect(kept('.btn+.btn')).toBe(false);
  });

  it('keeps what attributes, states, scripts and pseudo-elements could make match', () => {
    expect(kept('details[open]>summary')).toBe(true);
    expect(kept('.btn:hover')).toBe(true);
    expect(kept('.btn:focus-visible')).toBe(true);
    expect(kept(':where(.space-y-4>:not(:last-child))')).toBe(true);
    expect(kept('li:first-child+li')).toBe(true);
    expect(kept('ul ::marker')).toBe(true);
    expect(kept(':root,:host')).toBe(true);
    expect(kept('::backdrop')).toBe(true);
    expect(kept('[hidden]:where(:not([hidden=until-found]))')).toBe(true);
    expect(kept(':where([data-theme=dark]) .btn')).toBe(true);
    expect(kept('.scripted .btn'), 'a class an inline script sets').toBe(true);
    expect(kept('.only-with-script .btn'), 'a class nothing sets').toBe(false);
    expect(kept('.prose:has(> p)')).toBe(true);
    expect(kept('.prose:has(> table)')).toBe(false);
  });

  it('keeps a rule that one page of the group matches', () => {
    const other = '<html><body><div class="prose"><a href="/">x</a></div></body></html>';
    expect(kept('.prose :where(a)', [staticPage, other])).toBe(true);
  });
});

describe('withoutRegisteredFallbacks', () => {
  const registered =
    '@property --tw-border-style{syntax:"*";inherits:false;initial-value:solid}@property --tw-font-weight{syntax:"*";inherits:false}';
  const fallback = (values: string) =>
    `@layer properties{@supports (not (margin-trim:block)){*,:before{${values}}}}`;

  it('drops a block that only repeats the registered initial values, and the layer it leaves empty', () => {
    const css = `${registered}${fallback('--tw-border-style:solid;--tw-font-weight:initial')}.b{border-style:var(--tw-border-style)}`;
    expect(withoutRegisteredFallbacks(css)).toBe(
      `${registered}.b{border-style:var(--tw-border-style)}`,
    );
  });

  it('keeps a block that sets anything else: another value, an unregistered property, a real property', () => {
    for (const values of [
      '--tw-border-style:dashed',
      '--tw-other:0',
      '--tw-border-style:solid;color:red',
    ]) {
      const css = `${registered}${fallback(values)}`;
      expect(withoutRegisteredFallbacks(css), values).toBe(css);
    }
  });
});

describe('withoutUnreadProperties', () => {
  const prose = '.prose{--tw-prose-body:#333;--tw-prose-code:#111;color:var(--tw-prose-body)}';

  it('drops what no var() reads, and a rule or block it leaves empty', () => {
    const css = `${prose}.dark .prose{--tw-prose-code:#eee}@media (width>=40rem){.x{--only-here:1}}`;
    expect(withoutUnreadProperties(css, '')).toBe(
      '.prose{--tw-prose-body:#333;color:var(--tw-prose-body)}',
    );
  });

  it('keeps what the markup, a script or data reads, and what a kept property reads', () => {
    const css = `${prose}:root{--accent:red;--link:var(--accent)}`;
    expect(withoutUnreadProperties(css, '<a style="color: var(--link)">')).toBe(
      '.prose{--tw-prose-body:#333;color:var(--tw-prose-body)}:root{--accent:red;--link:var(--accent)}',
    );
    expect(withoutUnreadProperties(css, 'el.style.color = "var( --tw-prose-code)"')).toContain(
      '--tw-prose-code:#111',
    );
  });

  it('drops a property read only by one that goes, and the registration of one nothing reads', () => {
    const css =
      '@property --tw-font-weight{syntax:"*";inherits:false}@property --tw-shadow{syntax:"*";inherits:false}:root{--a:1px;--b:calc(var(--a)*2)}.s{box-shadow:var(--tw-shadow)}';
    expect(withoutUnreadProperties(css, '')).toBe(
      '@property --tw-shadow{syntax:"*";inherits:false}.s{box-shadow:var(--tw-shadow)}',
    );
  });
});
