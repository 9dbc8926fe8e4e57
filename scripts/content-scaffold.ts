/**
 * Drafts of new content entries with every field the schema knows, so the consultant fills in blanks
 * instead of remembering names. Used by `npm run new` and by the tests that build them.
 */
export type EntryKind = 'spotlight' | 'workshop';

const today = new Date();

const templates: Record<EntryKind, (title: string) => string> = {
  spotlight: (t) => `---
title: ${JSON.stringify(t)}
client: Client or project name
kind: client # or open-source
year: ${today.getFullYear()} # required for client work
# status: Current # open-source projects only: Current or Past
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
startTime: "10:00" # local time at the venue
timeZone: Europe/Vienna # the venue's time zone, required with startTime
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

const folders: Record<EntryKind, string> = { spotlight: 'spotlights', workshop: 'workshops' };

export const isEntryKind = (kind: string | undefined): kind is EntryKind => kind === 'spotlight' || kind === 'workshop';

export function slugify(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The new file's path (relative to the project root) and its text. */
export function scaffoldEntry(kind: EntryKind, title: string): { path: string; source: string } {
  return { path: `src/content/${folders[kind]}/${slugify(title)}.mdx`, source: templates[kind](title) };
}
