/**
 * The body-links check (src/lib/content-links.ts) as the Markdown plugin astro.config.mjs registers:
 * Sätteri calls the factory once per document with its URL, and errors name the file by its path
 * from the project's root.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodyLinksChecker } from '../lib/content-links.ts';

export function bodyLinksPlugin({ fileURL }: { fileURL: URL | undefined }) {
  return bodyLinksChecker(
    fileURL ? relative(process.cwd(), fileURLToPath(fileURL)) : 'an MDX file',
  );
}
