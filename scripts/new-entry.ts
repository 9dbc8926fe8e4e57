/**
 * `npm run new -- spotlight "Title"` / `npm run new -- workshop "Title"`: writes a draft entry with
 * every field the schema knows, so the consultant fills in blanks instead of remembering names.
 * Drafts show in `npm run dev` and stay out of the build until `draft: true` is removed.
 */
import { existsSync, writeFileSync } from 'node:fs';

const [kind, ...words] = process.argv.slice(2);
const title = words.join(' ').trim();
const today = new Date();

const templates: Record<string, (title: string) => string> = {
  spotlight: (t) => `---
title: ${JSON.stringify(t)}
client: Client or project name
kind: client # or open-source
year: ${today.getFullYear()} # required for client work
status: Completed
# role: Core team member
summary: One or two sentences shown on the cards (at most 240 characters).
outcomes:
  - value: "125"
    label: invariants verified
technologies:
  - Formal specification
order: 10
draft: true
---

What the work was, what was found, and what it changed.
`,
  workshop: (t) => `---
title: ${JSON.stringify(t)}
# sessionTitle: The title in the conference programme, if it differs
event: Event name
city: City
country: XX # two-letter code, e.g. CZ
date: ${today.toISOString().slice(0, 10)} # YYYY-MM-DD; omit if unknown
startTime: "10:00"
durationMinutes: 90
format: Hands-on workshop
audience: Who it is for
summary: One sentence shown on the training page.
# coPresenter: Name
agenda:
  - First topic
# link: https://example.org/programme
draft: true
---

What participants do and take away.
`,
};

const folder = { spotlight: 'spotlights', workshop: 'workshops' }[kind ?? ''];
const template = templates[kind ?? ''];
if (!folder || !template || !title) {
  console.error('Usage: npm run new -- spotlight "Title"   or   npm run new -- workshop "Title"');
  process.exit(1);
}
const slug = title
  .toLowerCase()
  .normalize('NFKD')
  .replace(/[\u0300-\u036f]/g, '')
  .replace(/[^a-z0-9]+/g, '-')
  .replace(/^-|-$/g, '');
const path = `src/content/${folder}/${slug}.mdx`;
if (existsSync(path)) {
  console.error(`${path} exists already: edit it, or choose another title.`);
  process.exit(1);
}
writeFileSync(path, template(title));
console.log(`Created ${path} as a draft. Fill it in, preview with npm run dev, then delete "draft: true".`);
