import { describe, expect, it } from 'vitest';
import { bodyHrefRule, bodyLinksChecker, isBodyHref } from '../../src/lib/content-links.ts';

const at = (line: number, column: number) => ({ position: { start: { line, column } } });

describe('links in an MDX body', () => {
  it('takes a site path, an in-page anchor, an https: URL and a mailto: address', () => {
    for (const href of [
      '/',
      '/executable-specs/',
      '#agenda',
      'https://github.com/thpani',
      'mailto:someone@example.org',
    ])
      expect(isBodyHref(href), href).toBe(true);
  });

  it('refuses scripts, other schemes, protocol-relative and relative links', () => {
    for (const href of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      '//evil.example/',
      '/\\evil.example/',
      'http://example.com/',
      'data:text/html,x',
      'vbscript:x',
      'notes/',
      '../contact/',
      '#',
      'mailto:',
      '',
    ])
      expect(isBodyHref(href), href).toBe(false);
  });

  it('names the file, the line and the column of every bad link, then fails the document', () => {
    const plugin = bodyLinksChecker('src/content/pages/thanks.mdx');
    expect(plugin.options).toEqual({ position: true });
    plugin.link({ url: '/spotlights/', ...at(3, 1) });
    plugin.link({ url: 'javascript:alert(1)', ...at(12, 6) });
    plugin.definition({ url: '//evil.example/', ...at(14, 1) });
    plugin.mdxJsxFlowElement({
      attributes: [
        { type: 'mdxJsxAttribute', name: 'class', value: 'x' },
        { type: 'mdxJsxAttribute', name: 'href', value: 'http://plain.example/' },
        { type: 'mdxJsxExpressionAttribute' },
      ],
      ...at(15, 1),
    });
    expect(() => plugin.after()).toThrow(
      [
        'Links that must not ship:',
        `src/content/pages/thanks.mdx:12:6: "javascript:alert(1)": ${bodyHrefRule}`,
        `src/content/pages/thanks.mdx:14:1: "//evil.example/": ${bodyHrefRule}`,
        `src/content/pages/thanks.mdx:15:1: "http://plain.example/": ${bodyHrefRule}`,
      ].join('\n'),
    );
  });

  it('lets a document with good links through, and starts afresh for each document', () => {
    const first = bodyLinksChecker('an MDX file');
    first.link({ url: 'javascript:x', ...at(1, 1) });
    expect(() => first.after()).toThrow(/an MDX file:1:1/);
    const second = bodyLinksChecker('an MDX file');
    second.link({ url: '#top', ...at(1, 1) });
    expect(() => second.after()).not.toThrow();
  });
});
