import { getCollection, getEntry, type CollectionKey } from 'astro:content';
import { byOrder, byWorkshopDate, isPublished } from './entries';

async function published<C extends CollectionKey>(collection: C) {
  return getCollection(collection, (entry) => isPublished(entry as { data: { draft?: boolean } }, import.meta.env.DEV));
}

export const getWorkshops = async () => (await published('workshops')).sort(byWorkshopDate);
export const getSpotlights = async () => (await published('spotlights')).sort(byOrder);
export const getHomeSections = async () => (await getCollection('home')).sort(byOrder);
export const getComparison = async () => (await getCollection('comparison')).sort(byOrder);

/** A prose page by file name; a missing file is a build error that names it. */
export async function getPage(id: string) {
  const page = await getEntry('pages', id);
  if (!page) throw new Error(`src/content/pages/${id}.mdx is missing: the page needs it for its words.`);
  return page;
}
