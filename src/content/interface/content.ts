/**
 * The words that present the collections: labels of spotlights, workshops and writing, the headings
 * the components add around the consultant's content, and the comparison table's interface. The
 * content itself (titles, summaries, prose) stays in the collections under src/content/.
 */
import type { Severity, WritingKind } from '../../lib/content-schemas';

export const spotlightKinds = {
  client: 'Client work',
  'open-source': 'Open source',
} as const;

export const spotlightLabels = {
  /** The card's eyebrow: "Client work · 2025", "Open source · Current". */
  eyebrow: (kind: keyof typeof spotlightKinds, detail: string | number | undefined) =>
    [spotlightKinds[kind], detail].filter((part) => part !== undefined).join(' · '),
  facts: 'About the work',
  client: 'Client',
  project: 'Project',
  kind: 'Kind',
  year: 'Year',
  status: 'Status',
  role: 'Role',
  engagement: 'Engagement',
  team: 'With',
  tools: 'Tools',
  topics: 'Topics',
  outcome: 'The outcome in figures',
  findings: 'Findings',
  verified: 'Verified, no counterexample',
  sources: 'Sources',
  all: 'All spotlights',
} as const;

export const severityLabels: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export const writingKindLabels: Record<WritingKind, string> = {
  'write-up': 'Write-ups',
  report: 'Reports',
  talk: 'Talks and slides',
  'workshop-material': 'Workshop material',
  code: 'Code',
};

export const writingLabels = {
  /** The one-word kind shown beside an item. */
  kind: {
    'write-up': 'Write-up',
    report: 'Report',
    talk: 'Talk',
    'workshop-material': 'Workshop material',
    code: 'Code',
  } satisfies Record<WritingKind, string>,
  byKind: 'By kind',
  coAuthors: (names: readonly string[]) => `with ${names.join(', ')}`,
  all: 'All writing and talks',
} as const;

export const homeLabels = {
  /** Names the hero's badges for a screen reader. */
  badges: 'What I offer',
} as const;

export const workshopLabels = {
  /** The training page's eyebrow. */
  training: 'Training',
  /** What a workshop is called in the feed's categories and in its page's eyebrow. */
  workshop: 'Workshop',
  eyebrow: (event: string) => `${workshopLabels.workshop} · ${event}`,
  session: 'Session',
  conferenceSession: 'Conference session',
  agenda: 'Agenda',
  flow: 'How the workshop runs',
  tools: 'Tools',
  materials: 'Material',
  recent: 'Recent workshops',
  all: 'All training',
  event: 'Event',
  place: 'Place',
  date: 'Date',
  format: 'Format',
  coPresenter: 'With',
  audience: 'For',
} as const;

export const comparisonLabels = {
  region: 'Comparison with other testing approaches',
  approach: 'Approach',
  goodAt: 'What it is good at',
  specAdds: 'What a spec adds',
  show: 'Show details',
  hide: 'Hide details',
  /** Completes "Show details" for a screen reader. */
  showContext: ': how executable specs compare with other testing approaches',
} as const;

export const aboutLabels = {
  education: 'Education',
  work: 'Work',
  openSource: 'Open source',
} as const;
