/**
 * The names the build (src/build/passes/island-parts.ts) and the island
 * (src/client/island-parts.ts) agree on for markup only an island uses; the build's pass says why.
 */
export const ISLAND_PART_ATTRIBUTE = 'data-island-part';
/** On the island's root: empty in the source, the parts file's URL once the build has moved them. */
export const ISLAND_PARTS_ATTRIBUTE = 'data-island-parts';
/**
 * On the island's root: the stylesheet for the page with its parts in place. It holds every rule of
 * the page's inline one too, in the same order, so it adds the parts' rules without reordering any.
 */
export const ISLAND_STYLESHEET_ATTRIBUTE = 'data-island-stylesheet';

/** The parts file: each part's markup by name. */
export interface IslandPartsFile {
  parts: Record<string, string>;
}
