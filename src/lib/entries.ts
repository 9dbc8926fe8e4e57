/**
 * Ordering and publishing rules for collection entries, kept free of Astro imports so they can be
 * unit-tested; src/lib/collections.ts applies them to the real collections.
 */
/** A collection entry as the pure helpers see it: its file name and its validated data. */
export interface Entry<Data> {
  id: string;
  data: Data;
}

export interface Draftable {
  data: { draft?: boolean };
}

/** Drafts are visible while editing (`npm run dev`) and absent from every production build. */
export const isPublished = (entry: Draftable, isDev: boolean): boolean =>
  isDev || !entry.data.draft;

/** Newest workshop first; workshops without a date (the brief gives none) after the dated ones. */
export function byWorkshopDate<T extends { id: string; data: { date?: Date | undefined } }>(
  a: T,
  b: T,
): number {
  const at = a.data.date?.getTime() ?? -Infinity;
  const bt = b.data.date?.getTime() ?? -Infinity;
  return bt - at || a.id.localeCompare(b.id);
}

export function byOrder<T extends { id: string; data: { order: number } }>(a: T, b: T): number {
  return a.data.order - b.data.order || a.id.localeCompare(b.id);
}

/**
 * Newest first, by a date as precise as it is known ("2025", "2025-08", "2025-12-09"); a bare year comes
 * after the days within it, and undated entries after the dated ones.
 */
export function byPartialDateDescending<
  T extends { id: string; data: { date?: string | undefined } },
>(a: T, b: T): number {
  const ad = a.data.date ?? '';
  const bd = b.data.date ?? '';
  return bd.localeCompare(ad) || a.id.localeCompare(b.id);
}
