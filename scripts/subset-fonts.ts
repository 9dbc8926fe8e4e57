/**
 * `npm run fonts`: writes the site's Inter subset (src/build/font-subset.ts says which characters and
 * weights). Run it after adding a character to the subset; the file is committed, so builds do not
 * depend on it, and a unit test fails while it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { makeSansSubset, sansSubset } from '../src/build/font-subset.ts';

const { subset, sourceBytes } = await makeSansSubset();
writeFileSync(sansSubset.file, subset);
console.log(
  `${sansSubset.file}: ${subset.length} B (from ${sourceBytes} B), ${[...sansSubset.glyphs].length} characters`,
);
