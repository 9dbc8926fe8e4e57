/**
 * Every word of the explainer's model checker: the parts rendered at build time and those its
 * browser island writes. Counts arrive already formatted, so that a sentence only places them.
 */

/** Build-time and island words of one panel as one object; pure, so the island's bundle drops it. */
const merged = <A extends object, B extends object>(a: A, b: B): A & B => ({ ...a, ...b });

export const demoWords = {
  eyebrow: 'Live demo',
  heading: 'Run the model checker',
} as const;

export const parameterWords = {
  legend: 'Model parameters',
  deployers: 'Deployers',
  plans: 'Plans',
  keep: 'Cleanup keeps the last',
  maxStates: 'State limit',
} as const;

/** The words of checkWords that only the build renders. */
const checkPanelWords = {
  run: 'Check every interleaving',
  fix: 'Apply the fix',
  stop: 'Stop',
  stats: { states: 'states', transitions: 'transitions', depth: 'depth', rate: 'states/s' },
  /** The rate before any time has passed. */
  builtResult: (steps: string, states: string) =>
    `Checked when this page was built: the invariant breaks after ${steps} steps, found among ${states} states.`,
  fixHeading: 'The fix',
  fixedBuiltResult: (states: string) =>
    `Checked when this page was built: with the fix, the invariant holds in all ${states} reachable states.`,
} as const;

/** The words of checkWords the island writes too: the island imports only these. */
export const islandCheckWords = {
  noRate: '–',
  checking: 'Checking every interleaving…',
  checkingFixed: 'Checking every interleaving of the fixed model…',
  explored: (states: string, transitions: string, ms: string) =>
    `${states} states, ${transitions} transitions, in ${ms} ms`,
  violated: (steps: string, explored: string) =>
    `Invariant violated after ${steps} steps. Searched ${explored}.`,
  holds: (states: string, transitions: string, depth: string, ms: string) =>
    `Invariant holds in all ${states} reachable states (${transitions} transitions, depth ${depth}, ${ms} ms).`,
  stateLimit: (limit: string) =>
    `Stopped at the state limit of ${limit} states before exploring every interleaving, so this proves nothing yet. ` +
    'Raise the limit or choose smaller parameters.',
  cancelled: (explored: string) => `Stopped after ${explored}.`,
  failed: (reason: string) => `The checker stopped with an error: ${reason}`,
  workerUnavailable: 'it could not start in this browser.',
} as const;

export const checkWords = /* @__PURE__ */ merged(checkPanelWords, islandCheckWords);

/** The words of traceWords that only the build renders. */
const tracePanelWords = {
  stepsLabel: 'Steps of the counterexample',
  previous: 'Previous',
  previousLabel: 'Previous step',
  next: 'Next',
  nextLabel: 'Next step',
  step: 'Step',
  violated: 'Invariant violated:',
  changeFrom: 'from',
  changeTo: 'to',
} as const;

/** The words of traceWords the island writes too: the island imports only these. */
export const islandTraceWords = {
  builtHeading: 'Shortest counterexample, found at build time',
  shortestHeading: 'Shortest counterexample',
  holdsHeading:
    'No counterexample: in every interleaving the root and the rollback point to a plan in the zone.',
  stateLimitHeading: 'No result: the search stopped at the state limit.',
  randomHeading: (steps: string) => `Shortest trace among the random runs: ${steps} steps`,
  linkedHeading: 'Linked trace',
  position: (step: string, total: string) => `Step ${step} of ${total}`,
  stateAtStart: 'State at the start',
  stateAfter: (step: string) => `State after step ${step}`,
  announceStart: (total: string) => `Start of the trace, ${total} steps.`,
  announceChange: (field: string, before: string, after: string) =>
    `${field} from ${before} to ${after}`,
  announceStep: (step: string, total: string, actor: string, action: string, changed: string) =>
    `Step ${step} of ${total}: ${actor} ${action}. Changed ${changed}.`,
  announceBroken: (invariant: string) => `Invariant violated: ${invariant}.`,
} as const;

export const traceWords = /* @__PURE__ */ merged(tracePanelWords, islandTraceWords);

/** The words of shareWords that only the build renders. */
const sharePanelWords = {
  copyLink: 'Copy link to this trace',
  copyTest: 'Copy as test',
  fallbackLabel: 'Copying is not available here; select the text and copy it yourself.',
} as const;

/** The words of shareWords the island writes too: the island imports only these. */
export const islandShareWords = {
  linkCopied: 'Link copied.',
  testCopied: 'Test vector copied as JSON.',
  copyBlocked: 'Copying was blocked; the text is selected below.',
  linkedShown: (steps: string, verdict: string) =>
    `Showing the linked trace: ${steps} steps, ${verdict}.`,
  endsViolated: 'ends with the invariant violated',
  endsIntact: 'ends with the invariant intact',
  linkOutOfRange: (parameter: string, value: string, min: string, max: string) =>
    `The linked trace has parameters this demo does not offer: ${parameter} ${value}, ` +
    `where it offers ${min} to ${max}.`,
  linkImpossible: (step: string) =>
    `The linked trace does not fit the model: step ${step} is not possible there.`,
} as const;

export const shareWords = /* @__PURE__ */ merged(sharePanelWords, islandShareWords);

/** The words of randomWords that only the build renders. */
const randomPanelWords = {
  heading: 'Random testing, for comparison',
  delayLabel: 'Share of runs in which a deployer falls behind and deploys an old plan',
  runsLabel: 'Random runs',
  run: 'Try random testing',
  compare: 'Compare every share',
  historyCaption: 'Random testing runs so far',
  columns: {
    model: 'Model',
    delay: 'Stale-deployer share',
    runs: 'Runs',
    hits: 'Broke it',
    rate: 'Hit rate',
    seed: 'Seed',
  },
} as const;

/** The words of randomWords the island writes too: the island imports only these. */
export const islandRandomWords = {
  uniformOrder: 'none: uniform random order',
  percent: (value: string) => `${value} %`,
  realistic: (chance: string) => `${chance} (realistic)`,
  modelFixed: 'fixed',
  modelAsBuilt: 'as built',
  running: (delay: string) => `Running random tests, stale-deployer share ${delay}…`,
  progress: (walks: string, hits: string) => `${walks} runs so far, ${hits} broke the invariant`,
  noneBroke: (walks: string) => `None of ${walks} random runs broke the invariant.`,
  someBroke: (hits: string, walks: string, rate: string) =>
    `${hits} of ${walks} random runs broke the invariant (${rate}).`,
  stopped: (outcome: string) => `Stopped. ${outcome}`,
  shortestShown: (outcome: string) => `${outcome} The shortest of them is shown above.`,
} as const;

export const randomWords = /* @__PURE__ */ merged(randomPanelWords, islandRandomWords);

export const sourceWords = {
  readModel: 'Read the model:',
  languages: { typescript: 'TypeScript', quint: 'Quint' },
  lines: (count: string, language: string) => `(${count} lines of ${language})`,
  /** After the label of the box that offers the same model in two languages. */
  inTwoLanguages: (first: string, second: string) => `in ${first} or ${second}`,
  /** Above either model's source, fetched with it: says that CI checks each against the other. */
  crossChecked:
    'The same model, written twice: CI replays every trace Quint’s simulator writes through the TypeScript model, and runs our checker’s shortest counterexample in Quint; each checks the other.',
  plainText: 'Open the source as plain text',
} as const;

/** The words of replayWords that only the build renders. */
const replayPanelWords = {
  heading: 'Replay this trace against the implementation',
  run: 'Replay against the implementation',
  fix: 'Use the implementation’s fix',
  stepsLabel: 'The replay, step by step',
  model: 'Model',
  implementation: 'Implementation',
  implementationBroken: 'The implementation’s root or rollback points to a deleted plan.',
  fileHeading: 'Replay an ITF file',
  fileLabel:
    'Paste a trace in ITF (.itf.json or NDJSON), as this site, the workshop’s spec or quint run --mbt write it',
  fileChoose: 'Or choose a file',
  fileRun: 'Replay the pasted trace',
  readImplementation: 'Read the implementation:',
} as const;

/** The words of replayWords the island writes too: the island imports only these. */
export const islandReplayWords = {
  start: 'Start',
  stepTitle: (step: string, actor: string, action: string) => `Step ${step}: ${actor} ${action}`,
  observed: (root: string, rollback: string, lock: string, plans: string) =>
    `root ${root}; rollback ${rollback}; lock ${lock}; plans in the zone ${plans}`,
  deletedPlan: (plan: string) => `${plan} (deleted)`,
  noPlan: 'none',
  agrees: 'same as the model',
  differs: 'differs from the model',
  outcomes: {
    generated: (version: string) => `wrote plan ${version}`,
    synced: (lock: string, root: string) => `read lock ${lock} and root ${root}`,
    installed: (version: string, lock: string) => `installed plan ${version}, lock ${lock}`,
    idle: 'had no plan to deploy',
    refused: (reason: string) => `was refused: ${reason}`,
    cleaned: (versions: string) => `deleted plans ${versions}`,
    deletedNothing: 'deleted no plan',
  },
  withFix: 'With the fix: ',
  asBuilt: 'As built: ',
  reproduces: (step: string) =>
    `the outage reproduces. After step ${step}, the same step as in the model, the implementation’s zone ` +
    'points to a deleted plan.',
  breaksElsewhere: (step: string, modelStep: string) =>
    `after step ${step} the implementation’s zone points to a deleted plan; the model breaks its invariant ` +
    `at step ${modelStep}.`,
  breaksAlone: (step: string) =>
    `after step ${step} the implementation’s zone points to a deleted plan, ` +
    'though the model’s invariants hold.',
  holds: (steps: string) =>
    `the implementation’s root and rollback point to a plan in the zone through all ${steps} steps.`,
  agreesThroughout: 'It shows what the model says at every step.',
  firstDivergence: (step: string, outcome: string) =>
    `First divergence from the model at step ${step}: the implementation ${outcome}.`,
  fileOthers: (count: string) => `The file holds ${count} more traces; the first is replayed.`,
  fileTraceHeading: 'Trace from an ITF file',
  fileRefused: (reason: string) => `This file cannot be replayed: ${reason}. Nothing was changed.`,
  fileEmpty: 'no trace pasted',
} as const;

export const replayWords = /* @__PURE__ */ merged(replayPanelWords, islandReplayWords);
