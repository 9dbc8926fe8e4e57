/**
 * The search and sharing rules of the site: title pattern, length limits, canonical URLs, social
 * image addresses and breadcrumbs. Pure, so the head, the image endpoint and the tests share them.
 */
import { person, site } from '../config';
import type { PagePath } from './page-meta';

/** What search results show whole; the tests hold every built page to these ranges. */
export const TITLE_LENGTH = { min: 10, max: 70 } as const;
export const DESCRIPTION_LENGTH = { min: 50, max: 160 } as const;

/** Shortens text to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 0 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.·–—-]+$/, '')}…`;
}

/**
 * Title pattern: "Page · Site". The home page passes the site title and gets it alone; a title that
 * the site name would push past the limit goes without it, since results would cut the name anyway.
 */
export function pageTitle(title: string): string {
  if (title === site.title) return title;
  const withSite = `${title} · ${person.name}`;
  return withSite.length <= TITLE_LENGTH.max ? withSite : fitText(title, TITLE_LENGTH.max);
}

export const metaDescription = (text: string): string => fitText(text, DESCRIPTION_LENGTH.max);

export const canonicalUrl = (path: string): string => new URL(path, site.url).href;

export const SOCIAL_IMAGE = { width: 1200, height: 630, type: 'image/png' } as const;

/** The social image's route parameter: "/" → "index", "/training/x/" → "training/x". */
export const socialImageSlug = (pagePath: PagePath): string => pagePath.slice(1, -1) || 'index';

export const socialImagePath = (pagePath: PagePath): string =>
  `/og/${socialImageSlug(pagePath)}.png`;

/** Pages are served as folders: "/404" and "/404.html" are the page at "/404/". */
export function pagePathOf(pathname: string): PagePath {
  const folder = pathname.replace(/(\/index)?\.html$/, '').replace(/\/+$/, '');
  return `${folder}/` as PagePath;
}

export interface Crumb {
  name: string;
  path: PagePath;
}

const sectionNames = new Map<string, string>(
  [...site.nav, site.cta].map(({ label, href }) => [href, label]),
);

function sectionName(path: string): string {
  const name = sectionNames.get(path);
  if (!name)
    throw new Error(`${path} has pages below it but no name: add it to site.nav in src/config.ts`);
  return name;
}

/** Home, the sections the page sits in, then the page itself; the home page has no trail. */
export function breadcrumbTrail(path: PagePath, title: string): Crumb[] {
  if (path === '/') return [];
  const segments = path.split('/').filter(Boolean);
  const sections = segments
    .slice(0, -1)
    .map((_, index): PagePath => `/${segments.slice(0, index + 1).join('/')}/`);
  return [
    ...(['/', ...sections] as PagePath[]).map((section) => ({
      name: sectionName(section),
      path: section,
    })),
    { name: title, path },
  ];
}

/** The section a page below the top level belongs to, e.g. "Training" for a workshop. */
export function sectionOf(path: PagePath): string | undefined {
  const trail = breadcrumbTrail(path, '');
  return trail.length > 2 ? trail.at(-2)?.name : undefined;
}

export function robotsTxt(): string {
  return [
    'User-agent: *',
    'Allow: /',
    '',
    `Sitemap: ${canonicalUrl('/sitemap-index.xml')}`,
    '',
  ].join('\n');
}
