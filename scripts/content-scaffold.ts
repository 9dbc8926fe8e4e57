/**
 * Drafts of new content entries with every field the schema knows, so the consultant fills in blanks
 * instead of remembering names. Used by `npm run new` and by the tests that build them.
 */
export type EntryKind = 'spotlight' | 'workshop';

const today = new Date();

const templates: Record<EntryKind, (title: string) => string> = {
  spotlight: (t) => `---
title: ${JSON.stringify(t)}
name: Client or project name
kind: client # or open-source
year: ${today.getFullYear()} # required for client work
# status: Current # open-source projects only: Current or Past
# role: Core team member
summary: One or two sentences shown on the cards (at most 240 characters).
engagement:
  start: "${today.toISOString().slice(0, 7)}" # the month (or just the year) the work started
  duration: five weeks
team:
  - Collaborator's name
tools:
  - Quint
  - Apalache
metrics: # strongest first: cards show the first three
  - value: "125"
    label: invariants verified
findings:
  bySeverity: { medium: 0, low: 0, info: 0 } # critical, high, medium, low, info
  # resolution: What the client did about them.
  # or, instead of bySeverity: verified: The property held; no counterexample was found.
# sources: [file-name-in-src-content-writing] # the write-ups, reports and code
topics:
  - Formal specification
order: 10
draft: true
---

## The problem

What was at stake, and why tests alone could not settle it.

## The approach

What was modeled and checked, and how.
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
# flow: # the steps participants take, in order
#   - title: Run the lab
#     text: What they do in this step.
# tools: [Quint]
# materials: [file-name-in-src-content-writing] # repository, slides
# link: https://example.org/programme
draft: true
---

What participants do and take away.
`,
};

const folders: Record<EntryKind, string> = { spotlight: 'spotlights', workshop: 'workshops' };

export const isEntryKind = (kind: string | undefined): kind is EntryKind =>
  kind === 'spotlight' || kind === 'workshop';

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
  return {
    path: `src/content/${folders[kind]}/${slugify(title)}.mdx`,
    source: templates[kind](title),
  };
}
