/**
 * The RSS 2.0 feed of workshops, spotlights and writing. An item has a publication date only where
 * the content gives a day; spotlights know just their year, and no day is made up for them.
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { site } from '../config';
import { spotlightKinds, workshopLabels, writingLabels } from '../content/interface/content';
import type { Spotlight, Workshop, Writing } from './content-schemas';
import type { Entry } from './entries';
import { spotlightMeta, workshopMeta, type PageMeta } from './page-meta';
import { canonicalUrl } from './seo';

export const feedPath = '/rss.xml';

const item = (
  { path, title, description }: PageMeta,
  categories: string[],
  pubDate?: Date,
): RSSFeedItem => linkItem(title, description, canonicalUrl(path), categories, pubDate);

function linkItem(
  title: string,
  description: string,
  link: string,
  categories: string[],
  pubDate?: Date,
): RSSFeedItem {
  return { title, description, link, categories, ...(pubDate ? { pubDate } : {}) };
}

/** A day is a publication date; a bare year or month is not precise enough for RSS. */
const dayOf = (date: string | undefined) => (date?.length === 10 ? new Date(date) : undefined);

export function feedItems(
  workshops: Entry<Workshop>[],
  spotlights: Entry<Spotlight>[],
  writing: Entry<Writing>[],
): RSSFeedItem[] {
  return [
    ...workshops.map((workshop) =>
      item(
        workshopMeta(workshop),
        [workshopLabels.workshop, workshop.data.event],
        workshop.data.date,
      ),
    ),
    ...spotlights.map((spotlight) =>
      item(spotlightMeta(spotlight), [
        spotlightKinds[spotlight.data.kind],
        ...spotlight.data.tools,
        ...spotlight.data.topics,
      ]),
    ),
    // Published elsewhere: the item links to the work itself.
    ...writing.map(({ data }) =>
      linkItem(
        data.title,
        data.summary,
        data.url,
        [writingLabels.kind[data.kind]],
        dayOf(data.date),
      ),
    ),
  ];
}

export function feedOptions(items: RSSFeedItem[]): RSSOptions {
  return {
    title: site.title,
    description: site.description,
    site: site.url,
    items,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${site.locale}</language>`,
      `<atom:link href="${canonicalUrl(feedPath)}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
  };
}
