import { describe, expect, it } from 'vitest';
import {
  editDocument,
  parseHtml,
  runnableInlineScripts,
  serializeHtml,
  setText,
  sha256Hash,
} from '../../../src/build/built-site.ts';

const page =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>a>b{c:d}</style><script>if(a<b)x("</p>")</script><script type="application/ld+json">{"a":1}</script></head>' +
  '<body><svg viewBox="0 0 1 1"><line x1="0" class="s"/><path d="M0 0"></path></svg><br><details open><summary>S</summary><pre><code class="kw">x &lt; y</code></pre></details><!-- note --><template data-x><li>t</li></template></body></html>';

describe('the page model', () => {
  it('writes a page nothing changed back byte for byte, SVG’s self-closed elements included', () => {
    expect(serializeHtml(parseHtml(page))).toBe(page);
  });

  it('edits a copy: the document it was given stays as it was', () => {
    const document = parseHtml(page);
    const edited = editDocument(document, (copy) => {
      const style = copy.querySelector('style');
      if (style) setText(style, 'p{}');
      copy.querySelector('details')?.setAttribute('data-y', '1');
    });
    expect(serializeHtml(document)).toBe(page);
    expect(serializeHtml(edited)).toBe(
      page.replace('a>b{c:d}', 'p{}').replace('<details open>', '<details open data-y="1">'),
    );
    expect(edited.querySelector('code.kw'), 'elements inside <pre> are elements').not.toBeNull();
  });

  it('lists the inline scripts the browser runs, not data or script files', () => {
    const document = parseHtml(`${page}<script type="module" src="/a.js"></script>`);
    expect(runnableInlineScripts(document).map((script) => script.rawText)).toEqual([
      'if(a<b)x("</p>")',
    ]);
  });

  it('hashes inline code as the browser does for CSP', () => {
    // The hash of the empty string, as every browser computes it.
    expect(sha256Hash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });
});
