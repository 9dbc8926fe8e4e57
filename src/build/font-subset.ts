import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The one web font the site loads: Inter, cut down to the characters the copy uses and to the weights
 * the styles use. `npm run fonts` writes the file from these settings; the gates check that every
 * character on every built page is in it, so new copy with a new character fails the build instead of
 * quietly showing that character in the fallback face.
 */

/** Printable ASCII: every letter, digit and sign a sentence or a URL can need. */
const ascii = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)).join(
  '',
);

/** Typographic punctuation the copy uses (curly quotes, dashes, ellipsis, arrows, the minus sign). */
const typographic = '©·‘’“”–—…•×←→−';

export const sansSubset = {
  source: '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  file: 'src/assets/fonts/inter-subset-wght.woff2',
  glyphs: ascii + typographic,
  /** From regular body text to the boldest heading; the unused thin and black ends are dropped. */
  weight: { min: 400, max: 800 },
} as const;

/** Characters of `text` the subset lacks, each once, in order of appearance. */
export function missingGlyphs(text: string, glyphs: string = sansSubset.glyphs): string[] {
  const covered = new Set(glyphs);
  // Line breaks and tabs are layout, not glyphs; a no-break space is drawn as a space.
  const drawn = [...text].filter((char) => !/[\n\r\t\u00a0]/.test(char));
  return [...new Set(drawn.filter((char) => !covered.has(char)))];
}

/** The subset's bytes, made from the npm package's Latin Inter with harfbuzz (through subset-font). */
export async function makeSansSubset(): Promise<{ subset: Buffer; sourceBytes: number }> {
  const { default: subsetFont } = await import('subset-font');
  const source = await readFile(createRequire(import.meta.url).resolve(sansSubset.source));
  const subset = await subsetFont(source, sansSubset.glyphs, {
    targetFormat: 'woff2',
    variationAxes: { wght: sansSubset.weight },
    // Keeps kerning but drops glyphs only reachable through substitutions (contextual alternates the
    // copy does not need): a third of the file.
    noLayoutClosure: true,
  });
  return { subset, sourceBytes: source.length };
}
