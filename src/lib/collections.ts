import { getCollection, getEntry, type CollectionKey } from 'astro:content';
import { duplicateOrders } from './content-schemas';
import { byOrder, byPartialDateDescending, byWorkshopDate, isPublished } from './entries';

async function published<C extends CollectionKey>(collection: C) {
  return getCollection(collection, (entry) =>
    isPublished(entry as { data: { draft?: boolean } }, import.meta.env.DEV),
  );
}

export const getWorkshops = async () => (await published('workshops')).sort(byWorkshopDate);
/** Entries in their `order`; two with the same number fail the build, naming the files. */
function inOrder<E extends { id: string; filePath?: string | undefined; data: { order: number } }>(
  collection: string,
  entries: E[],
): E[] {
  const clashes = duplicateOrders(entries);
  if (clashes.length > 0)
    throw new Error(`The ${collection} collection has no single order:\n${clashes.join('\n')}`);
  return entries.sort(byOrder);
}

export const getSpotlights = async () => inOrder('spotlights', await published('spotlights'));
export const getWriting = async () => (await published('writing')).sort(byPartialDateDescending);
export const getHomeSections = async () => inOrder('home', await getCollection('home'));
export const getComparison = async () => inOrder('comparison', await getCollection('comparison'));

/** An entry a page cannot do without, by file name; a missing file is a build error that names it. */
async function requiredEntry<C extends 'pages' | 'home'>(collection: C, id: string) {
  const entry = await getEntry(collection, id);
  if (!entry)
    throw new Error(
      `src/content/${collection}/${id}.mdx is missing: a page needs it for its words.`,
    );
  return entry;
}

export const getPage = (id: string) => requiredEntry('pages', id);
export const getHomeSection = (id: string) => requiredEntry('home', id);

/**
 * The writing entries a spotlight's `sources` or a workshop's `materials` name, in the file's order.
 * Astro only logs a name with no file; this fails the build and names the file, the field and the name.
 * A draft is as good as missing in a production build.
 */
export async function getReferencedWriting(
  owner: string,
  field: string,
  references: { id: string }[],
) {
  const writing = await getWriting();
  return references.map(({ id }) => {
    const entry = writing.find((candidate) => candidate.id === id);
    if (!entry)
      throw new Error(
        `${owner}: ${field} names "${id}", but src/content/writing/${id}.yaml is missing or a draft.`,
      );
    return entry;
  });
}
