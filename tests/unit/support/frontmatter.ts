/** Frontmatter as the consultant writes it, shared by the tests of everything that reads it. */

export const devconfWorkshop = {
  title: 'Find Distributed-Systems Bugs Before Production',
  event: 'DevConf.CZ 2026',
  city: 'Brno',
  country: 'CZ',
  date: '2026-06-19',
  format: 'Hands-on workshop',
  summary: 'Specification-driven development with executable specs.',
};

export const aztecSpotlight = {
  title: 'Governance Protocol',
  name: 'Aztec Labs',
  kind: 'client',
  year: 2025,
  summary: 'Formal specification and symbolic verification of 125 invariants.',
};
