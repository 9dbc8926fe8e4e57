import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { highlightedQuint, quintTokens } from '../../src/lib/demo/quint-highlighting.ts';
import { highlighted } from '../../src/build/explainer-sources.ts';
import { explainerSources, sourcePaths } from '../../src/lib/demo/sources.ts';

const SPEC = readFileSync('specs/acme_clouddb.qnt', 'utf8');

/** The text a reader sees: the markup's tags removed and its entities decoded. */
const visibleText = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');

const kinds = (source: string) =>
  quintTokens(source)
    .filter((token) => token.kind !== undefined)
    .map(({ kind, text }) => `${kind}:${text}`);

describe('Quint highlighting', () => {
  it('tells keywords, operators, constants, calls, strings and comments apart', () => {
    expect(kinds("action step = any { x' = f(x), nondet d = S.oneOf() } // why")).toEqual([
      'keyword:action',
      'operator:=',
      'keyword:any',
      "operator:'",
      'operator:=',
      'function:f',
      'keyword:nondet',
      'operator:=',
      'function:oneOf',
      'comment:// why',
    ]);
    expect(kinds('val ok = n >= 10 and not(a == "x") implies true')).toEqual([
      'keyword:val',
      'operator:=',
      'operator:>=',
      'constant:10',
      'keyword:and',
      'function:not',
      'operator:==',
      'string:"x"',
      'keyword:implies',
      'constant:true',
    ]);
  });

  it('keeps what looks like code inside strings and comments part of them', () => {
    expect(kinds('"a // b" /* val x = 1 */ // "c"')).toEqual([
      'string:"a // b"',
      'comment:/* val x = 1 */',
      'comment:// "c"',
    ]);
  });

  it('reads a qualified name as one name, and a keyword inside a name as no keyword', () => {
    expect(kinds('mbt::actionTaken anyway values')).toEqual([]);
  });

  it('loses no character of the spec, and marks every line', () => {
    expect(
      quintTokens(SPEC)
        .map((token) => token.text)
        .join(''),
    ).toBe(SPEC);
    const html = highlightedQuint(SPEC);
    expect(visibleText(html)).toBe(SPEC.replace(/\n$/, ''));
    expect(html.match(/<span class="line">/g)).toHaveLength(
      SPEC.replace(/\n$/, '').split('\n').length,
    );
  });

  it('is a focusable box coloured by class only, with no element for plain text', () => {
    const html = highlightedQuint('/* two\nlines */\nval x = "<&>"');
    expect(html).toMatch(/^<pre class="[^"]*overflow-auto[^"]*" tabindex="0"><code>/);
    expect(html).not.toContain('style=');
    expect(html).not.toContain('<span>');
    // A comment over two lines is closed and reopened at the line break: each line is whole.
    expect(html).toContain(
      '<span class="line"><span class="tok-comment">/* two</span></span>\n<span class="line"><span class="tok-comment">lines */</span></span>',
    );
    expect(html).toContain('<span class="tok-string">&quot;&lt;&amp;&gt;&quot;</span>');
  });
});

describe('the spec among the explainer’s sources', () => {
  it('is served under its own name, highlighted by the Quint grammar', async () => {
    expect(sourcePaths().map(({ params }) => params.source)).toContain('acme_clouddb.qnt');
    expect(explainerSources.quint.path).toBe('specs/acme_clouddb.qnt');
    const html = await highlighted(explainerSources.quint);
    expect(html).toBe(highlightedQuint(SPEC));
    expect(html).toContain('<span class="tok-keyword">module</span> acme_clouddb');
  });
});
