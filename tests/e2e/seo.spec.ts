/**
 * What a search engine, a chat app's link preview and a feed reader get from the build: every page's
 * head, structured data, social image, the sitemap, robots.txt, the feed and the icons. These read
 * the build's files; one test loads pages in the browser to see the policy accept the head, and one
 * builds a copy of the site with a new spotlight file.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { person, site } from '../../src/config';
import { DESCRIPTION_LENGTH, TITLE_LENGTH } from '../../src/lib/seo';
import { buildFixture } from './support/fixture-build';
import { newSpotlight } from './support/fixtures';
import { readEntries } from './support/content-entries';
import { outDir } from './support/site';
import {
  builtPages,
  fileOfUrl,
  isNoindex,
  jsonLd,
  meta,
  pngSize,
  readFeed,
  sitemapUrls,
  type BuiltPage,
  type JsonLdNode,
} from './support/seo-output';

const pages = builtPages(outDir);
const indexable = pages.filter((page) => !isNoindex(page));
const pageAt = (route: string): BuiltPage => {
  const page = pages.find((candidate) => candidate.route === route);
  if (!page) throw new Error(`the build has no page at ${route}`);
  return page;
};
const detailPages = (section: string) =>
  indexable.filter(({ route }) => new RegExp(`^/${section}/[^/]+/$`).test(route));

/** What each schema.org type must have to be useful to a search engine (schema.org itself requires nothing). */
const requiredProperties: Record<string, string[]> = {
  WebSite: ['name', 'url', 'inLanguage'],
  Person: ['@id', 'name', 'url', 'jobTitle', 'alumniOf', 'knowsAbout'],
  ProfessionalService: ['@id', 'name', 'url', 'description', 'founder', 'makesOffer'],
  EducationEvent: [
    'name',
    'url',
    'image',
    'startDate',
    'location',
    'organizer',
    'performer',
    'eventStatus',
    'eventAttendanceMode',
  ],
  Article: ['headline', 'description', 'url', 'image', 'author', 'mainEntityOfPage'],
  BreadcrumbList: ['itemListElement'],
  BlogPosting: ['headline', 'url', 'author', 'description'],
  ScholarlyArticle: ['headline', 'url', 'author', 'description'],
  PresentationDigitalDocument: ['name', 'url', 'author', 'description'],
  LearningResource: ['name', 'url', 'author', 'description'],
  SoftwareSourceCode: ['name', 'url', 'codeRepository', 'author', 'description'],
};

test.describe('the head of every page', () => {
  test('has one title and one description, each unique and of a length results show whole', () => {
    const seenTitles = new Map<string, string>();
    const seenDescriptions = new Map<string, string>();
    for (const page of pages) {
      const titles = page.head.querySelectorAll('title');
      expect(titles, `${page.route}: one <title>`).toHaveLength(1);
      const title = titles[0]?.textContent ?? '';
      const description = meta(page, 'description') ?? '';
      expect(title.length, `${page.route}: title "${title}"`).toBeGreaterThanOrEqual(
        TITLE_LENGTH.min,
      );
      expect(title.length, `${page.route}: title "${title}"`).toBeLessThanOrEqual(TITLE_LENGTH.max);
      expect(description.length, `${page.route}: description`).toBeGreaterThanOrEqual(
        DESCRIPTION_LENGTH.min,
      );
      expect(description.length, `${page.route}: description`).toBeLessThanOrEqual(
        DESCRIPTION_LENGTH.max,
      );
      expect(seenTitles.get(title), `${page.route} repeats the title of`).toBeUndefined();
      expect(
        seenDescriptions.get(description),
        `${page.route} repeats the description of`,
      ).toBeUndefined();
      seenTitles.set(title, page.route);
      seenDescriptions.set(description, page.route);
      expect(page.document.querySelector('html')?.getAttribute('lang')).toBe(site.locale);
    }
  });

  test('names its absolute canonical URL, the one the sitemap lists, unless it is kept out of search', () => {
    const listed = new Set(sitemapUrls(outDir));
    for (const page of pages) {
      const canonical = page.head
        .querySelectorAll('link[rel="canonical"]')
        .map((link) => link.getAttribute('href'));
      if (isNoindex(page)) {
        expect(canonical, `${page.route} is noindex and names no canonical URL`).toEqual([]);
        continue;
      }
      expect(canonical).toEqual([`${site.url}${page.route}`]);
      expect(listed.has(`${site.url}${page.route}`), `${page.route} is in the sitemap`).toBe(true);
      expect(meta(page, 'og:url')).toBe(`${site.url}${page.route}`);
    }
  });

  test('has Open Graph and Twitter cards whose image exists at the declared size', () => {
    for (const page of pages) {
      const title = page.head.querySelector('title')?.textContent ?? '';
      expect(meta(page, 'og:type'), page.route).toMatch(/^(website|article)$/);
      expect(meta(page, 'og:site_name')).toBe(site.title);
      expect(
        title.startsWith(meta(page, 'og:title') ?? '-'),
        `${page.route}: og:title is the page's title`,
      ).toBe(true);
      expect(meta(page, 'og:description')).toBe(meta(page, 'description'));
      expect(meta(page, 'twitter:card')).toBe('summary_large_image');
      expect(meta(page, 'twitter:title')).toBe(meta(page, 'og:title'));
      expect(meta(page, 'twitter:description')).toBe(meta(page, 'og:description'));

      const image = meta(page, 'og:image') ?? '';
      expect(image, `${page.route}: og:image`).toMatch(new RegExp(`^${site.url}/og/.+\\.png$`));
      expect(meta(page, 'twitter:image')).toBe(image);
      expect(meta(page, 'og:image:alt'), `${page.route}: og:image:alt`).toBeTruthy();
      expect(meta(page, 'twitter:image:alt')).toBe(meta(page, 'og:image:alt'));
      expect(meta(page, 'og:image:type')).toBe('image/png');
      const file = fileOfUrl(outDir, image);
      expect(existsSync(file), `${page.route}: ${image} is in the build`).toBe(true);
      expect(pngSize(readFileSync(file))).toEqual({
        width: Number(meta(page, 'og:image:width')),
        height: Number(meta(page, 'og:image:height')),
      });
      expect(meta(page, 'og:image:width')).toBe('1200');
      expect(meta(page, 'og:image:height')).toBe('630');
    }
  });

  test('links the feed, the icons and the web manifest, and each of them is in the build', () => {
    for (const page of pages) {
      const feed = page.head.querySelector('link[rel="alternate"][type="application/rss+xml"]');
      expect(feed?.getAttribute('href'), page.route).toBe('/rss.xml');
      const links = ['icon', 'apple-touch-icon', 'manifest'].flatMap((rel) =>
        page.head
          .querySelectorAll(`link[rel="${rel}"]`)
          .map((link) => link.getAttribute('href') ?? ''),
      );
      expect(links, page.route).toEqual([
        '/favicon.ico',
        expect.stringMatching(/^data:image\/svg\+xml,/),
        '/apple-touch-icon.png',
        '/site.webmanifest',
      ]);
      // The inline icon is the favicon file itself, so the two can never drift apart.
      expect(decodeURIComponent(links[1]?.replace(/^[^,]*,/, '') ?? '')).toBe(
        readFileSync('public/favicon.svg', 'utf8').trim(),
      );
      for (const href of [...links.filter((link) => link.startsWith('/')), '/rss.xml'])
        expect(existsSync(fileOfUrl(outDir, href)), href).toBe(true);
    }
  });

  test('links pages by their one URL form, with the trailing slash, and every link arrives', () => {
    for (const page of pages) {
      for (const anchor of page.document.querySelectorAll('a[href^="/"]')) {
        const href = anchor.getAttribute('href') ?? '';
        const { pathname } = new URL(href, site.url);
        const isFile = /\.[a-z0-9]+$/i.test(pathname);
        expect(isFile || pathname.endsWith('/'), `${page.route} links ${href}`).toBe(true);
        expect(
          existsSync(fileOfUrl(outDir, pathname)),
          `${page.route} links ${href}, which is not in the build`,
        ).toBe(true);
      }
    }
  });
});

test.describe('structured data', () => {
  test('every JSON-LD block parses and has the properties its type needs', () => {
    for (const page of pages) {
      for (const node of jsonLd(page)) {
        expect(node['@context'], page.route).toBe('https://schema.org');
        const required = requiredProperties[node['@type']];
        expect(required, `${page.route}: a test knows what ${node['@type']} needs`).toBeDefined();
        for (const property of required ?? []) {
          expect(node[property], `${page.route}: ${node['@type']}.${property}`).toBeTruthy();
        }
      }
    }
  });

  test('the home page describes the site, the consultant and the practice with its offers', () => {
    const nodes = jsonLd(pageAt('/'));
    expect(nodes.map((node) => node['@type']).sort()).toEqual([
      'Person',
      'ProfessionalService',
      'WebSite',
    ]);
    const person = nodes.find((node) => node['@type'] === 'Person');
    expect(person?.alumniOf).toMatchObject({ '@type': 'CollegeOrUniversity', name: 'TU Wien' });
    expect(person?.knowsAbout).toEqual(
      expect.arrayContaining(['Model checking', 'TLA+', 'Quint', 'Apalache']),
    );
    const offers = nodes.find((node) => node['@type'] === 'ProfessionalService')
      ?.makesOffer as JsonLdNode[];
    expect(offers.map((offer) => (offer.itemOffered as JsonLdNode).name)).toEqual([
      'A workshop',
      'A pilot',
    ]);
    expect(JSON.stringify(offers)).not.toMatch(/price/i);
  });

  test('every inner page has a breadcrumb trail from home to itself', () => {
    for (const page of indexable.filter(({ route }) => route !== '/')) {
      const trails = jsonLd(page).filter((node) => node['@type'] === 'BreadcrumbList');
      expect(trails, page.route).toHaveLength(1);
      const items = trails[0]?.itemListElement as { position: number; item: string }[];
      expect(items.map((item) => item.position)).toEqual(items.map((_, index) => index + 1));
      expect(items[0]?.item).toBe(`${site.url}/`);
      expect(items.at(-1)?.item).toBe(`${site.url}${page.route}`);
    }
  });

  test('each spotlight is an article, each dated workshop an event, and no event is made up', () => {
    for (const page of detailPages('spotlights')) {
      const article = jsonLd(page).find((node) => node['@type'] === 'Article');
      expect(article?.url, page.route).toBe(`${site.url}${page.route}`);
      expect(article?.image).toBe(meta(page, 'og:image'));
      expect(article?.datePublished, 'only the year is known: no day is made up').toBeUndefined();
    }
    const workshops = detailPages('training');
    expect(workshops.length).toBeGreaterThan(0);
    for (const page of workshops) {
      const events = jsonLd(page).filter((node) => node['@type'] === 'EducationEvent');
      const dated = page.document.querySelector('main time[datetime]') !== null;
      expect(events, `${page.route} ${dated ? 'shows a date' : 'shows no date'}`).toHaveLength(
        dated ? 1 : 0,
      );
    }
    const devconf = jsonLd(pageAt('/training/devconf-cz-2026/')).find(
      (node) => node['@type'] === 'EducationEvent',
    );
    expect(devconf).toMatchObject({
      startDate: '2026-06-19T10:15:00+02:00',
      endDate: '2026-06-19T11:35:00+02:00',
      location: { address: { addressLocality: 'Brno', addressCountry: 'CZ' } },
      organizer: { '@type': 'Organization', name: 'DevConf.CZ 2026' },
    });
    expect(jsonLd(pageAt('/training/protocol-berg-v2/')).map((node) => node['@type'])).toEqual([
      'BreadcrumbList',
    ]);
  });
});

test.describe('sitemap, robots.txt and feed', () => {
  test('the sitemap lists exactly the public pages', () => {
    const urls = sitemapUrls(outDir);
    expect(new Set(urls).size, 'no URL twice').toBe(urls.length);
    expect([...urls].sort()).toEqual(indexable.map(({ route }) => `${site.url}${route}`).sort());
    for (const hidden of ['/404.html', '/contact/thanks/'])
      expect(isNoindex(pageAt(hidden)), hidden).toBe(true);
  });

  test('robots.txt allows crawling and points to the sitemap index', () => {
    const robots = readFileSync(join(outDir, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/\s*$/m);
    expect(robots).toMatch(new RegExp(`^Sitemap: ${site.url}/sitemap-index\\.xml$`, 'm'));
  });

  test('the feed is RSS 2.0 with one item per workshop and spotlight, linking their pages, and one per work', () => {
    const { rss } = readFeed(outDir);
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel).toMatchObject({
      title: site.title,
      link: `${site.url}/`,
      description: site.description,
      language: site.locale,
    });
    const items = rss.channel.item ?? [];
    const entryPages = [...detailPages('training'), ...detailPages('spotlights')].map(
      ({ route }) => `${site.url}${route}`,
    );
    const works = readEntries('writing').map(({ data }) => data.url);
    expect(items.map((item) => item.link).sort()).toEqual([...entryPages, ...works].sort());
    for (const item of items) {
      expect(item.title, item.link).toBeTruthy();
      expect(item.description, item.link).toBeTruthy();
      expect(typeof item.guid === 'string' ? item.guid : item.guid['#text']).toBe(item.link);
      if (item.pubDate) expect(new Date(item.pubDate).toUTCString()).toBe(item.pubDate);
    }
  });
});

test.describe('favicons and web manifest', () => {
  test('the ICO holds 16, 32 and 48 pixel PNGs and the Apple touch icon is 180 pixels', () => {
    const ico = readFileSync(join(outDir, 'favicon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
      const entry = 6 + index * 16;
      const png = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      );
      expect(pngSize(png).width).toBe(ico.readUInt8(entry));
      return ico.readUInt8(entry);
    });
    expect(sizes).toEqual([16, 32, 48]);
    expect(pngSize(readFileSync(join(outDir, 'apple-touch-icon.png')))).toEqual({
      width: 180,
      height: 180,
    });
  });

  test('the manifest names the site and its icons exist at their declared sizes', () => {
    const manifest = JSON.parse(readFileSync(join(outDir, 'site.webmanifest'), 'utf8')) as {
      name: string;
      short_name: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest).toMatchObject({
      name: site.title,
      short_name: person.name,
      theme_color: site.themeColor.light,
    });
    for (const icon of manifest.icons) {
      const file = fileOfUrl(outDir, icon.src);
      expect(existsSync(file), icon.src).toBe(true);
      if (icon.type === 'image/png') {
        const { width, height } = pngSize(readFileSync(file));
        expect(`${width}x${height}`).toBe(icon.sizes);
      }
    }
  });
});

test('the head passes the content security policy: no violation or console error', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  for (const route of ['/', '/training/devconf-cz-2026/', '/spotlights/aztec-governance/']) {
    await page.goto(route);
    const linked = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLLinkElement>(
          'link[rel~="icon"], link[rel="manifest"], link[rel="apple-touch-icon"]',
        ),
      ].map((link) => link.href),
    );
    for (const url of linked.filter((href) => !href.startsWith('data:')))
      expect((await page.request.get(url)).status(), url).toBe(200);
    // The inline icon is drawn from its own text, under the page's policy.
    const inlineIconWidths = await page.evaluate(() =>
      Promise.all(
        [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"][href^="data:"]')].map(
          async (link) => {
            const image = new Image();
            image.src = link.href;
            await image.decode();
            return image.naturalWidth;
          },
        ),
      ),
    );
    expect(inlineIconWidths, route).toEqual([expect.any(Number)]);
    expect(inlineIconWidths[0], route).toBeGreaterThan(0);
  }
  expect(problems).toEqual([]);
});

test.describe('a new spotlight file', () => {
  test.describe.configure({ timeout: 180_000 });

  test('yields its page, social image, structured data, sitemap and feed entries with no other edit', async () => {
    const build = await buildFixture({ [newSpotlight.file]: newSpotlight.source });
    expect(build.ok, build.output).toBe(true);
    const route = `/spotlights/${newSpotlight.id}/`;
    const url = `${site.url}${route}`;
    const page = builtPages(build.outDir).find((candidate) => candidate.route === route);
    if (!page) throw new Error(`the build has no page at ${route}`);

    expect(page.head.querySelector('title')?.textContent).toBe(
      'Fixture Systems: Raft log replication · Thomas Pani',
    );
    const image = meta(page, 'og:image') ?? '';
    expect(image).toBe(`${site.url}/og/spotlights/${newSpotlight.id}.png`);
    expect(pngSize(readFileSync(fileOfUrl(build.outDir, image)))).toEqual({
      width: 1200,
      height: 630,
    });

    const article = jsonLd(page).find((node) => node['@type'] === 'Article');
    expect(article).toMatchObject({
      headline: 'Fixture Systems: Raft log replication',
      url,
      image,
      dateCreated: '2024',
    });
    const trail = jsonLd(page).find((node) => node['@type'] === 'BreadcrumbList')
      ?.itemListElement as { item: string }[];
    expect(trail.map(({ item }) => item)).toEqual([`${site.url}/`, `${site.url}/spotlights/`, url]);

    expect(sitemapUrls(build.outDir)).toContain(url);
    const items = readFeed(build.outDir).rss.channel.item ?? [];
    expect(items.filter((item) => item.link === url).map((item) => item.title)).toEqual([
      'Fixture Systems: Raft log replication',
    ]);
  });
});
