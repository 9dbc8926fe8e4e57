import { describe, expect, it } from 'vitest';
import { takeIslandParts } from '../../../src/build/passes/island-parts.ts';
import { htmlOf, siteOf } from '../support/built-site.ts';

const island = (inner: string, marker = 'data-island-parts') =>
  `<html><head><meta http-equiv="content-security-policy" content="default-src 'self'"></head><body><p>before</p><section class="demo" data-x="{&quot;a&quot;:&quot;&gt;&quot;}" ${marker}>${inner}</section><p>after</p></body></html>`;
const take = (html: string) => takeIslandParts(siteOf([{ file: 'a/index.html', html }]));

describe('takeIslandParts', () => {
  it('empties each part, leaving its template to mark the place, keeps the markup by name and points the root at a file of it', () => {
    const controls = '<div class="[&>svg]:w-4"><button>Run</button></div>';
    const rows = '<template data-template="row"><li>row</li></template>';
    const site = take(
      island(
        `<template data-island-part="controls">${controls}</template><p>shown</p><template data-island-part="rows">${rows}</template>`,
      ),
    );
    expect(site.pages[0]?.islandParts).toEqual({ controls, rows });
    const [[file, text] = []] = [...site.added];
    expect(file).toMatch(/^_astro\/island\.[\w-]{10}\.json$/);
    expect(JSON.parse(text ?? '')).toEqual({ parts: { controls, rows } });
    expect(htmlOf(site, 'a/index.html')).toBe(
      island(
        '<template data-island-part="controls"></template><p>shown</p><template data-island-part="rows"></template>',
        `data-island-parts="/${file}"`,
      ),
    );
  });

  it('leaves a page without parts as it is, and adds no file', () => {
    const html = island('<p>no parts</p>');
    const site = take(html);
    expect(htmlOf(site, 'a/index.html')).toBe(html);
    expect(site.pages[0]?.islandParts).toEqual({});
    expect(site.added.size).toBe(0);
  });

  it('refuses a part outside an island, inside another part, under a name used twice, or two roots', () => {
    expect(() =>
      take(
        `<head><meta http-equiv="content-security-policy" content="default-src 'self'"></head><body><template data-island-part="a">x</template></body>`,
      ),
    ).toThrow(/"a" is outside an element marked data-island-parts/);
    expect(() =>
      take(
        island(
          '<template data-island-part="a"><template data-island-part="b">x</template></template>',
        ),
      ),
    ).toThrow(/"b" is inside another part/);
    expect(() =>
      take(
        island(
          '<template data-island-part="a">x</template><template data-island-part="a">y</template>',
        ),
      ),
    ).toThrow(/"a" is empty or used twice/);
    expect(() =>
      take(
        `<head><meta http-equiv="content-security-policy" content="default-src 'self'"></head><body><div data-island-parts><template data-island-part="a">x</template></div><div data-island-parts></div></body>`,
      ),
    ).toThrow(/exactly one .* not 2/);
  });
});
