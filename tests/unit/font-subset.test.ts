import { readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { checkGlyphs } from '../../scripts/quality/glyphs';
import { makeSansSubset, missingGlyphs, sansSubset } from '../../src/build/font-subset';

describe('the web font subset', () => {
  it('is the file npm run fonts makes from the declared characters and weights', async () => {
    const { subset, sourceBytes } = await makeSansSubset();
    expect(Buffer.compare(subset, readFileSync(sansSubset.file))).toBe(0);
    expect(subset.length).toBeLessThan(sourceBytes / 2);
  });

  it('names the characters a text needs beyond it, once each, ignoring line breaks', () => {
    expect(missingGlyphs('Model checking — “found before production”…\n\tdone')).toEqual([]);
    expect(missingGlyphs('Zürich, Zürich and Kraków')).toEqual(['ü', 'ó']);
  });
});

describe('glyph gate', () => {
  const pageWith = (body: string) => ({
    route: '/',
    document: parse(`<html><body>${body}</body></html>`),
  });

  it('catches a character outside the subset in drawn text', () => {
    expect(checkGlyphs([pageWith('<main><h1>Ångström</h1></main>')])).toEqual([
      { route: '/', missing: ['Å', 'ö'] },
    ]);
  });

  it('leaves code, which the system monospace face draws, and scripts alone', () => {
    expect(
      checkGlyphs([
        pageWith('<main><h1>Spec</h1><pre><code>x ≠ y</code></pre><script>"ö"</script></main>'),
      ]),
    ).toEqual([]);
  });
});
