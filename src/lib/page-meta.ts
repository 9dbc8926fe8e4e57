/**
 * Where each page lives and what it is called. The pages, the social images, the feed and the
 * structured data all read it from here, so none of them can name a page differently.
 */
import type { Spotlight, Workshop } from './content-schemas';
import type { Entry } from './entries';

export type PagePath = `/${string}/` | '/';

export interface PageMeta {
  path: PagePath;
  /** The page's own title, without the site name. */
  title: string;
  description: string;
}

/** Where each file of src/content/pages is served; src/pages has the page at that path. */
export const pagePaths = {
  home: '/',
  training: '/training/',
  'executable-specs': '/executable-specs/',
  spotlights: '/spotlights/',
  writing: '/writing/',
  contact: '/contact/',
  thanks: '/contact/thanks/',
  privacy: '/privacy/',
  'not-found': '/404/',
} as const satisfies Record<string, PagePath>;

export type PageId = keyof typeof pagePaths;

export const pageIds = Object.keys(pagePaths) as PageId[];

export function workshopMeta({ id, data }: Entry<Workshop>): PageMeta {
  return {
    path: `/training/${id}/`,
    title: `${data.title}, ${data.event}`,
    description: `${data.summary} ${data.event}, ${data.city}.`,
  };
}

export function spotlightMeta({ id, data }: Entry<Spotlight>): PageMeta {
  return {
    path: `/spotlights/${id}/`,
    title: `${data.name}: ${data.title}`,
    description: data.summary,
  };
}
