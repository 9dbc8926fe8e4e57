/**
 * The interactive model checker: controls, the worker, random testing, sharing. Loaded only when
 * the visitor reaches the demo; everything it shows on arrival was already rendered at build.
 */
import type { CheckProgress, CheckResult } from '../checker/bfs.ts';
import type { SimulationProgress, SimulationResult } from '../checker/simulate.ts';
import type { Trace } from '../checker/spec.ts';
import { decodeMoves, replay, toTestVector, type ReplayResult } from '../checker/trace.ts';
import { dnsControlPlane, type DnsParameters, type DnsState } from '../models/dns-control-plane.ts';
import { formatCount, prefersReducedMotion, required } from './dom.ts';
import type { SimulationRequest, WorkerRequest, WorkerResponse } from './protocol.ts';
import { sharedTraceFrom, traceHash } from './shared-trace.ts';
import { TraceView } from './trace-view.ts';

const MODEL_NAME = 'dns-control-plane';
/** Random walks stop here; the shortest violation takes 7 or 8 steps, a run to quiescence a few more. */
const WALK_DEPTH = 100;

interface ShownTrace {
  readonly parameters: DnsParameters;
  readonly trace: Trace<DnsState>;
}

interface RandomRun {
  readonly tested: DnsParameters;
  readonly simulation: SimulationRequest;
  readonly delayLabel: string;
}

interface Run {
  readonly id: number;
  /** Receives the worker's messages for this run; those of older runs are dropped. */
  readonly handle: (message: WorkerResponse) => void;
}

export function mount(root: HTMLElement): void {
  const element = <E extends Element>(selector: string, type: new () => E) => required(root, selector, type);
  const button = (action: string) => element(`[data-action="${action}"]`, HTMLButtonElement);
  const select = (name: string) => element(`select[name="${name}"]`, HTMLSelectElement);

  const checkStatus = element('[data-check-status]', HTMLElement);
  const checkProgress = element('[data-check-progress]', HTMLElement);
  const randomStatus = element('[data-random-status]', HTMLElement);
  const randomProgress = element('[data-random-progress]', HTMLElement);
  const randomHistory = element('[data-random-history]', HTMLElement);
  const copyStatus = element('[data-copy-status]', HTMLElement);
  const copyFallback = element('[data-copy-fallback]', HTMLElement);
  const fixButton = button('fix');
  const cancelButton = button('cancel');
  const traceView = new TraceView<DnsState>(root);

  let worker: Worker | undefined;
  let activeRun: Run | undefined;
  let lastRunId = 0;
  let fixApplied = false;
  let shown: ShownTrace | undefined;

  const parameters = (): DnsParameters => ({
    enactors: Number(select('enactors').value),
    plans: Number(select('plans').value),
    cleanupAge: Number(select('cleanupAge').value),
    fixed: fixApplied,
  });

  const showTrace = (trace: ShownTrace, heading: string) => {
    shown = trace;
    traceView.show(dnsControlPlane(trace.parameters), trace.trace, heading);
    history.replaceState(history.state, '', traceHash({ parameters: trace.parameters, moves: trace.trace.steps }));
  };

  const clearTrace = (heading: string) => {
    shown = undefined;
    traceView.clear(heading);
    history.replaceState(history.state, '', location.pathname + location.search);
  };

  const post = (request: WorkerRequest) => {
    worker ??= createWorker();
    worker.postMessage(request);
  };

  const startRun = (request: (id: number) => WorkerRequest, handle: Run['handle']) => {
    activeRun = { id: ++lastRunId, handle };
    cancelButton.hidden = false;
    post(request(activeRun.id));
  };

  const endRun = () => {
    activeRun = undefined;
    cancelButton.hidden = true;
  };

  const fail = (status: HTMLElement, reason: string) => {
    endRun();
    status.textContent = `The checker stopped with an error: ${reason}`;
  };

  function createWorker(): Worker {
    const created = new Worker(new URL('./checker-worker.ts', import.meta.url), { type: 'module' });
    created.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      if (event.data.run === activeRun?.id) activeRun.handle(event.data);
    });
    created.addEventListener('error', () => fail(checkStatus, 'it could not start in this browser.'));
    return created;
  }

  // Exhaustive search.

  const stat = (name: string) => element(`[data-stat="${name}"]`, HTMLElement);
  const showCheckProgress = ({ states, transitions, depth, elapsedMs }: CheckProgress) => {
    stat('states').textContent = formatCount(states);
    stat('transitions').textContent = formatCount(transitions);
    stat('depth').textContent = String(depth);
    stat('rate').textContent = elapsedMs > 0 ? formatCount((states / elapsedMs) * 1000) : '–';
  };

  const startCheck = () => {
    const checked = parameters();
    checkProgress.hidden = false;
    checkStatus.textContent = checked.fixed
      ? 'Checking every interleaving of the fixed model…'
      : 'Checking every interleaving…';
    const maxStates = Number(select('maxStates').value);
    startRun(
      (run) => ({ type: 'check', run, parameters: checked, maxStates }),
      (message) => {
        if (message.type === 'check-progress') showCheckProgress(message.progress);
        if (message.type === 'check-done') finishCheck(message.result, checked);
        if (message.type === 'failed') fail(checkStatus, message.message);
      },
    );
  };

  function finishCheck(result: CheckResult<DnsState>, checked: DnsParameters) {
    endRun();
    showCheckProgress(result);
    const explored = `${formatCount(result.states)} states, ${formatCount(result.transitions)} transitions, in ${result.elapsedMs.toFixed(0)} ms`;
    switch (result.kind) {
      case 'violation':
        checkStatus.textContent = `Invariant violated after ${result.trace.steps.length} steps. Searched ${explored}.`;
        showTrace({ parameters: checked, trace: result.trace }, 'Shortest counterexample');
        return;
      case 'holds':
        checkStatus.textContent = `Invariant holds in all ${formatCount(result.states)} reachable states (${formatCount(result.transitions)} transitions, depth ${result.depth}, ${result.elapsedMs.toFixed(0)} ms).`;
        clearTrace('No counterexample: every interleaving keeps the root record pointing at a plan that exists.');
        return;
      case 'state-limit':
        checkStatus.textContent = `Stopped at the state limit of ${formatCount(result.maxStates)} states before exploring every interleaving, so this proves nothing yet. Raise the limit or choose smaller parameters.`;
        clearTrace('No result: the search stopped at the state limit.');
        return;
      case 'cancelled':
        checkStatus.textContent = `Stopped after ${explored}.`;
    }
  }

  // Random testing.

  const showRandomProgress = ({ walks, hits }: SimulationProgress) => {
    randomProgress.textContent = `${formatCount(walks)} runs so far, ${formatCount(hits)} broke the invariant`;
  };

  /** Runs random tests with each delay choice in turn, each with a fresh seed. */
  const startRandom = (delayChoices: readonly HTMLOptionElement[]) => {
    const [choice, ...later] = delayChoices;
    if (!choice) return;
    const simulation: SimulationRequest = {
      walks: Number(select('walks').value),
      maxDepth: WALK_DEPTH,
      seed: Math.floor(Math.random() * 2 ** 32),
      delayProbability: choice.value === '' ? undefined : Number(choice.value),
    };
    const run: RandomRun = { tested: parameters(), simulation, delayLabel: choice.text };
    randomStatus.textContent = `Running random tests, delay chance ${choice.text}…`;
    randomProgress.textContent = '';
    startRun(
      (id) => ({ type: 'simulate', run: id, parameters: run.tested, simulation }),
      (message) => {
        if (message.type === 'simulate-progress') showRandomProgress(message.progress);
        if (message.type === 'failed') fail(randomStatus, message.message);
        if (message.type !== 'simulate-done') return;
        finishRandom(message.result, run);
        if (message.result.kind === 'done') startRandom(later);
      },
    );
  };

  function finishRandom(result: SimulationResult<DnsState>, run: RandomRun) {
    endRun();
    showRandomProgress(result);
    const rate = result.walks > 0 ? (result.hits / result.walks) * 100 : 0;
    const violation = result.shortestViolation;
    const outcome =
      result.hits === 0
        ? `None of ${formatCount(result.walks)} random runs broke the invariant.`
        : `${formatCount(result.hits)} of ${formatCount(result.walks)} random runs broke the invariant (${rate.toFixed(2)} %).`;
    randomStatus.textContent =
      result.kind === 'cancelled'
        ? `Stopped. ${outcome}`
        : violation
          ? `${outcome} The shortest of them is shown above.`
          : outcome;
    addHistoryRow([
      run.tested.fixed ? 'fixed' : 'as built',
      run.delayLabel,
      formatCount(result.walks),
      formatCount(result.hits),
      `${rate.toFixed(2)} %`,
      String(run.simulation.seed),
    ]);
    if (violation) {
      showTrace(
        { parameters: run.tested, trace: violation.trace },
        `Shortest trace among the random runs: ${violation.trace.steps.length} steps`,
      );
    }
  }

  const addHistoryRow = (cells: readonly string[]) => {
    const row = document.createElement('tr');
    row.className = 'border-b border-line';
    row.append(
      ...cells.map((text) =>
        Object.assign(document.createElement('td'), { textContent: text, className: 'py-1 pr-3' }),
      ),
    );
    required(randomHistory, 'tbody', HTMLTableSectionElement).prepend(row);
    randomHistory.hidden = false;
  };

  // Sharing.

  const copy = async (text: string, done: string) => {
    copyFallback.hidden = true;
    try {
      await navigator.clipboard.writeText(text);
      copyStatus.textContent = done;
    } catch {
      const area = required(copyFallback, 'textarea', HTMLTextAreaElement);
      area.value = text;
      copyFallback.hidden = false;
      area.focus();
      area.select();
      copyStatus.textContent = 'Copying was blocked; the text is selected below.';
    }
  };

  const restoreFromAddress = (): boolean => {
    const shared = sharedTraceFrom(location.hash);
    if (!shared) return false;
    let replayed: ReplayResult<DnsState>;
    try {
      replayed = replay(dnsControlPlane(shared.parameters), shared.moves);
    } catch (error) {
      checkStatus.textContent = `The linked trace has parameters this demo does not offer: ${error instanceof Error ? error.message : error}.`;
      return false;
    }
    if (!replayed.ok) {
      checkStatus.textContent = `The linked trace does not fit the model: ${replayed.error}.`;
      return false;
    }
    for (const name of ['enactors', 'plans', 'cleanupAge'] as const)
      select(name).value = String(shared.parameters[name]);
    setFix(false);
    const verdict = replayed.brokenInvariant ? 'ends with the invariant violated' : 'ends with the invariant intact';
    checkStatus.textContent = `Showing the linked trace: ${replayed.trace.steps.length} steps, ${verdict}.`;
    showTrace({ parameters: shared.parameters, trace: replayed.trace }, 'Linked trace');
    root.scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    return true;
  };

  /** Takes over the trace the build rendered, so that it can be stepped through, linked and copied. */
  const adoptBuildTimeTrace = () => {
    const built = JSON.parse(root.dataset.parameters ?? '{}') as DnsParameters;
    const spec = dnsControlPlane(built);
    const replayed = replay(spec, decodeMoves(root.dataset.moves ?? '') ?? []);
    if (!replayed.ok) return;
    shown = { parameters: built, trace: replayed.trace };
    traceView.show(spec, replayed.trace, 'Shortest counterexample, found at build time');
  };

  const setFix = (applied: boolean) => {
    fixApplied = applied;
    fixButton.setAttribute('aria-pressed', String(applied));
  };

  button('check').addEventListener('click', startCheck);
  fixButton.addEventListener('click', () => {
    setFix(!fixApplied);
    startCheck();
  });
  // The worker answers a cancel with the run's partial result, reported like any other.
  cancelButton.addEventListener('click', () => post({ type: 'cancel' }));
  const delaySelect = select('delayProbability');
  button('random').addEventListener('click', () => startRandom([...delaySelect.selectedOptions]));
  button('compare').addEventListener('click', () => startRandom([...delaySelect.options]));
  button('copy-link').addEventListener('click', () => {
    if (!shown) return;
    const link = new URL(traceHash({ parameters: shown.parameters, moves: shown.trace.steps }), location.href);
    void copy(link.href, 'Link copied.');
  });
  button('copy-test').addEventListener('click', () => {
    if (!shown) return;
    const vector = toTestVector(dnsControlPlane(shown.parameters), shown.trace, MODEL_NAME, shown.parameters);
    void copy(JSON.stringify(vector, null, 2), 'Test vector copied as JSON.');
  });
  addEventListener('hashchange', restoreFromAddress);

  for (const hidden of root.querySelectorAll<HTMLElement>('[data-controls], [data-random-controls]'))
    hidden.hidden = false;
  if (!restoreFromAddress()) adoptBuildTimeTrace();
}
