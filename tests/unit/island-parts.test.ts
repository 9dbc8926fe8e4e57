import { describe, expect, it } from 'vitest';
import { pointToIslandParts, takeIslandParts } from '../../src/lib/island-parts.ts';

const island = (inner: string) =>
  `<html><body><p>before</p><section class="demo" data-x='{"a":">"}' data-island-parts>${inner}</section><p>after</p></body></html>`;

describe('takeIslandParts', () => {
  it('empties each part in the page, leaving its template to mark the place, and returns the markup by name', () => {
    const controls = '<div class="[&>svg]:w-4"><button>Run</button></div>';
    const rows = '<template data-template="row"><li>row</li></template>';
    const { page, parts } = takeIslandParts(
      island(
        `<template data-island-part="controls">${controls}</template><p>shown</p><template data-island-part="rows">${rows}</template>`,
      ),
    );
    expect(parts).toEqual({ controls, rows });
    expect(page).toBe(
      island(
        '<template data-island-part="controls"></template><p>shown</p><template data-island-part="rows"></template>',
      ),
    );
  });

  it('leaves a page without parts as it is', () => {
    const html = island('<p>no parts</p>');
    expect(takeIslandParts(html)).toEqual({ page: html, parts: {} });
  });

  it('refuses a part outside an island, inside another part, or under a name used twice', () => {
    expect(() =>
      takeIslandParts('<body><template data-island-part="a">x</template></body>'),
    ).toThrow(/"a" is outside an element marked data-island-parts/);
    expect(() =>
      takeIslandParts(
        island(
          '<template data-island-part="a"><template data-island-part="b">x</template></template>',
        ),
      ),
    ).toThrow(/"b" is inside another part/);
    expect(() =>
      takeIslandParts(
        island(
          '<template data-island-part="a">x</template><template data-island-part="a">y</template>',
        ),
      ),
    ).toThrow(/"a" is empty or used twice/);
  });
});

describe('pointToIslandParts', () => {
  it('points the island root at the parts file and the stylesheet, touching nothing else', () => {
    const html = island('<template data-island-part="a"></template>');
    expect(
      pointToIslandParts(html, { partsUrl: '/_astro/p.json', stylesheetUrl: '/_astro/s.css' }),
    ).toBe(
      html.replace(
        'data-island-parts>',
        'data-island-parts="/_astro/p.json" data-island-stylesheet="/_astro/s.css">',
      ),
    );
  });

  it('refuses a page with no island root or two', () => {
    const urls = { partsUrl: '/p.json', stylesheetUrl: '/s.css' };
    expect(() => pointToIslandParts('<body></body>', urls)).toThrow(/exactly one .* not 0/);
    expect(() =>
      pointToIslandParts(
        '<body><div data-island-parts></div><div data-island-parts></div></body>',
        urls,
      ),
    ).toThrow(/not 2/);
  });
});
