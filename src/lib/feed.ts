/**
 * The RSS 2.0 feed of workshops and spotlights. An item has a publication date only where the
 * content gives a day; spotlights know just their year, and no day is made up for them.
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { site } from '../config';
import type { Spotlight, Workshop } from './content-schemas';
import { spotlightMeta, workshopMeta, type PageMeta } from './page-meta';
import { canonicalUrl } from './seo';

export const feedPath = '/rss.xml';

interface Entry<Data> {
  id: string;
  data: Data;
}

const item = ({ path, title, description }: PageMeta, categories: string[], pubDate?: Date): RSSFeedItem => ({
  title,
  description,
  link: canonicalUrl(path),
  categories,
  ...(pubDate ? { pubDate } : {}),
});

export function feedItems(workshops: Entry<Workshop>[], spotlights: Entry<Spotlight>[]): RSSFeedItem[] {
  return [
    ...workshops.map((workshop) => item(workshopMeta(workshop), ['Workshop', workshop.data.event], workshop.data.date)),
    ...spotlights.map((spotlight) =>
      item(spotlightMeta(spotlight), [spotlight.data.kind === 'client' ? 'Client work' : 'Open source', ...spotlight.data.technologies]),
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
