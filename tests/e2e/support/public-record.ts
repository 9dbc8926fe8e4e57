/**
 * The facts of the brief's "From the public record", per spotlight file: the numbers that must stay in
 * the file (and so on the page), whatever the words around them. Deleting one fails a test naming it.
 */
export const publicRecord = {
  'aztec-governance': {
    figures: ['125', '992', '321', '576', '2', '4'],
    findings: { medium: 5, low: 3, info: 6 },
    engagement: { start: '2025-08', duration: 'five weeks' },
    team: ['Igor Konnov'],
    tools: ['Quint', 'Apalache'],
    sources: ['https://protocols-made-fun.com/quint/2025/12/09/aztec-governance.html'],
  },
  'ethereum-3sf': {
    figures: ['7', '24', '16'],
    findings: 'verified',
    engagement: { start: '2024' },
    team: ['Igor Konnov', 'Jure Kukovec', 'Roberto Saltini', 'Thanh-Hai Tran'],
    tools: ['TLA+', 'Alloy', 'SMT', 'Apalache', 'CVC5', 'Kissat'],
    sources: [
      'https://arxiv.org/abs/2501.07958',
      'https://github.com/freespek/ssf-mc',
      'https://thpani.net/model-checking-accountability-in-ethereum',
    ],
  },
} as const;

/** The DevConf.CZ 2026 workshop material of the public record. */
export const devconfMaterial = {
  workshop: 'devconf-cz-2026',
  urls: ['https://github.com/thpani/testing-distsys-devconf26', 'https://wunderspec.com/devconf'],
  flowSteps: 5,
  tools: ['Wunderspec', 'ITF traces', 'Model-based testing'],
} as const;

/** The profiles of the public record. */
export const profiles = [
  'https://github.com/thpani',
  'https://bsky.app/profile/thpani.bsky.social',
] as const;
