/** Content files that exist only in test builds, shared so that specs needing the same variant share one build. */

/** One new client spotlight, as the consultant would add it. */
export const newSpotlight = {
  id: 'fixture-raft',
  file: 'src/content/spotlights/fixture-raft.mdx',
  source: [
    '---',
    'title: Raft log replication',
    'name: Fixture Systems',
    'kind: client',
    'year: 2024',
    'summary: Executable model of log replication, used only by the tests.',
    'order: 9',
    '---',
    '',
    'A spotlight that exists only in this test build.',
  ].join('\n'),
} as const;
