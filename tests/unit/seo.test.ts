import { describe, expect, it } from 'vitest';
import { site } from '../../src/config';
import {
  breadcrumbTrail,
  canonicalUrl,
  fitText,
  metaDescription,
  pagePathOf,
  pageTitle,
  robotsTxt,
  sectionOf,
  socialImagePath,
  TITLE_LENGTH,
} from '../../src/lib/seo';

describe('title pattern', () => {
  it('gives the home page the site title alone', () => {
    expect(pageTitle(site.title)).toBe(site.title);
  });

  it('appends the site name to other pages', () => {
    expect(pageTitle('Training and workshops')).toBe('Training and workshops · Thomas Pani');
  });

  it('drops the site name where it would push the title past the limit', () => {
    const title = 'Find Distributed-Systems Bugs Before Production, DevConf.CZ 2026';
    expect(pageTitle(title)).toBe(title);
  });

  it('shortens a title that is too long on its own at a word boundary', () => {
    const title = pageTitle(
      'A very long workshop title that keeps on going well beyond what any search result shows',
    );
    expect(title).toBe('A very long workshop title that keeps on going well beyond what any…');
    expect(title.length).toBeLessThanOrEqual(TITLE_LENGTH.max);
  });
});

describe('fitText', () => {
  it('keeps text that fits', () => {
    expect(fitText('Short enough.', 20)).toBe('Short enough.');
  });

  it('cuts at the last whole word, without trailing punctuation, and marks the cut', () => {
    expect(fitText('One two three, four five', 16)).toBe('One two three…');
  });

  it('keeps descriptions within 160 characters', () => {
    expect(metaDescription('word '.repeat(60)).length).toBeLessThanOrEqual(160);
  });
});

describe('URLs', () => {
  it('makes canonical URLs absolute on the site', () => {
    expect(canonicalUrl('/training/')).toBe('https://blltprf.xyz/training/');
    expect(canonicalUrl('/')).toBe('https://blltprf.xyz/');
  });

  it('maps every page to one social image path', () => {
    expect(socialImagePath('/')).toBe('/og/index.png');
    expect(socialImagePath('/training/')).toBe('/og/training.png');
    expect(socialImagePath('/spotlights/quint/')).toBe('/og/spotlights/quint.png');
  });

  it('reads a page path in any of the forms a build or server names it', () => {
    for (const form of ['/404', '/404/', '/404.html']) expect(pagePathOf(form)).toBe('/404/');
    expect(pagePathOf('/')).toBe('/');
    expect(pagePathOf('/training/index.html')).toBe('/training/');
  });
});

describe('breadcrumbs', () => {
  it('leads from home through the section to the page', () => {
    expect(breadcrumbTrail('/training/devconf-cz-2026/', 'Find bugs, DevConf.CZ 2026')).toEqual([
      { name: 'Home', path: '/' },
      { name: 'Training', path: '/training/' },
      { name: 'Find bugs, DevConf.CZ 2026', path: '/training/devconf-cz-2026/' },
    ]);
  });

  it('names a section by its navigation label, the call to action included', () => {
    expect(breadcrumbTrail('/contact/thanks/', 'Message sent').map(({ name }) => name)).toEqual([
      'Home',
      site.cta.label,
      'Message sent',
    ]);
  });

  it('gives the home page no trail and a top-level page two steps', () => {
    expect(breadcrumbTrail('/', site.title)).toEqual([]);
    expect(breadcrumbTrail('/spotlights/', 'Spotlights')).toHaveLength(2);
  });

  it('fails the build, saying what to do, for a section without a name', () => {
    expect(() => breadcrumbTrail('/talks/one/', 'One')).toThrow(
      /\/talks\/ .*site\.nav in src\/config\.ts/,
    );
  });

  it('tells the section of a page below the top level only', () => {
    expect(sectionOf('/spotlights/quint/')).toBe('Spotlights');
    expect(sectionOf('/spotlights/')).toBeUndefined();
    expect(sectionOf('/')).toBeUndefined();
  });
});

it('robots.txt allows everything and names the absolute sitemap index', () => {
  expect(robotsTxt()).toBe(
    'User-agent: *\nAllow: /\n\nSitemap: https://blltprf.xyz/sitemap-index.xml\n',
  );
});
