import { getCollection, getEntry, type CollectionKey } from 'astro:content';
import { byOrder, byWorkshopDate, isPublished } from './entries';

async function published<C extends CollectionKey>(collection: C) {
  return getCollection(collection, (entry) => isPublished(entry as { data: { draft?: boolean } }, import.meta.env.DEV));
}

export const getWorkshops = async () => (await published('workshops')).sort(byWorkshopDate);
export const getSpotlights = async () => (await published('spotlights')).sort(byOrder);
export const getHomeSections = async () => (await getCollection('home')).sort(byOrder);
export const getComparison = async () => (await getCollection('comparison')).sort(byOrder);

/** An entry a page cannot do without, by file name; a missing file is a build error that names it. */
async function requiredEntry<C extends 'pages' | 'home'>(collection: C, id: string) {
  const entry = await getEntry(collection, id);
  if (!entry) throw new Error(`src/content/${collection}/${id}.mdx is missing: a page needs it for its words.`);
  return entry;
}

export const getPage = (id: string) => requiredEntry('pages', id);
export const getHomeSection = (id: string) => requiredEntry('home', id);
