/**
 * Builds the copy of the site it is started in (Astro places some build files by the working folder,
 * so that is the copy's root) into its `dist/`, through Astro's programmatic `build()`. It runs as a
 * process of its own for each copy: astro.config.mjs and src/config.ts read their settings
 * (`SITE_CSS`, the `PUBLIC_*` variables) from the environment as they load, and all a build prints,
 * its error included, must reach the test that asked for it.
 */
import { build } from 'astro';
import { inspect } from 'node:util';

try {
  await build({ root: process.cwd(), outDir: 'dist', logLevel: 'info' });
} catch (error) {
  // Node's rendering keeps an error's own fields, Astro's `loc` (the failing file) among them. Astro
  // writes its messages in Markdown; as its CLI does, the field names are shown without the `**`.
  console.error(inspect(error).replace(/\*\*(.+?)\*\*/g, '$1'));
  process.exitCode = 1;
}
