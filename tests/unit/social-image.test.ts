import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { lightScheme } from '../../src/lib/brand';
import { renderSocialCard } from '../../src/build/social-image';
import { pngSize } from '../e2e/support/seo-output';

it('draws a 1200×630 PNG for a page, also with a long title and letters beyond ASCII', async () => {
  const card = await renderSocialCard({
    title: 'Find Distributed-Systems Bugs Before Production, DevConf.CZ 2026',
    section: 'Training',
  });
  expect(pngSize(card)).toEqual({ width: 1200, height: 630 });
  const named = await renderSocialCard({
    title: 'Jiří Nováček: Łódź consensus protocol, verified',
  });
  expect(pngSize(named)).toEqual({ width: 1200, height: 630 });
});

it('uses the light colours of the stylesheet', () => {
  const css = readFileSync('src/styles/global.css', 'utf8');
  for (const [name, colour] of Object.entries(lightScheme)) {
    expect(css, `--c-${name}`).toMatch(new RegExp(`--c-${name}: light-dark\\(${colour},`));
  }
});
