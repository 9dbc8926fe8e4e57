/**
 * Ordering and publishing rules for collection entries, kept free of Astro imports so they can be
 * unit-tested; src/lib/collections.ts applies them to the real collections.
 */
export interface Draftable {
  data: { draft?: boolean };
}

/** Drafts are visible while editing (`npm run dev`) and absent from every production build. */
export const isPublished = (entry: Draftable, isDev: boolean): boolean => isDev || !entry.data.draft;

/** Newest workshop first; workshops without a date (the brief gives none) after the dated ones. */
export function byWorkshopDate<T extends { id: string; data: { date?: Date | undefined } }>(a: T, b: T): number {
  const at = a.data.date?.getTime() ?? -Infinity;
  const bt = b.data.date?.getTime() ?? -Infinity;
  return bt - at || a.id.localeCompare(b.id);
}

export function byOrder<T extends { id: string; data: { order: number } }>(a: T, b: T): number {
  return a.data.order - b.data.order || a.id.localeCompare(b.id);
}
