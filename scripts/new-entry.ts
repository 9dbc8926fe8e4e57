/**
 * `npm run new -- spotlight "Title"` / `npm run new -- workshop "Title"`: writes a draft entry.
 * Drafts show in `npm run dev` and stay out of the build until `draft: true` is removed.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { isEntryKind, scaffoldEntry } from './content-scaffold.ts';

const [kind, ...words] = process.argv.slice(2);
const title = words.join(' ').trim();
if (!isEntryKind(kind) || !title) {
  console.error('Usage: npm run new -- spotlight "Title"   or   npm run new -- workshop "Title"');
  process.exit(1);
}
const { path, source } = scaffoldEntry(kind, title);
if (existsSync(path)) {
  console.error(`${path} exists already: edit it, or choose another title.`);
  process.exit(1);
}
writeFileSync(path, source);
console.log(
  `Created ${path} as a draft. Fill it in, preview with npm run dev, then delete "draft: true".`,
);
