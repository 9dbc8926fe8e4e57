/**
 * The replay of a trace against the implementation as the island reports it: per step, what the
 * model and the implementation show side by side, and a summary that says whether the outage
 * reproduces and where the two first part ways.
 */
import { islandReplayWords as replayWords } from '../../content/interface/demo.ts';
import { traceRows } from '../checker/trace.ts';
import type { ImplementationOutcome, ObservedState, ReplayReport } from '../mbt/replay.ts';
import { parseDnsItf, type DnsTrace } from '../models/dns-control-plane-itf.ts';
import { dnsControlPlane } from '../models/dns-control-plane.ts';

export interface ReplayStepView {
  readonly step: number;
  readonly title: string;
  readonly model: string;
  readonly implementation: string;
  readonly agrees: boolean;
  readonly verdict: string;
  /** The step where implementation and model first disagree. */
  readonly firstDivergence: boolean;
  /** The implementation's root or rollback points to a deleted plan after this step. */
  readonly implementationBroken: boolean;
  readonly modelBroken: boolean;
}

export interface ReplayView {
  readonly summary: string;
  readonly steps: readonly ReplayStepView[];
}

const planList = (names: readonly string[]) => names.join(', ') || replayWords.noPlan;

export function observed({
  root,
  rollback,
  lock,
  plans,
  rootHolds,
  rollbackHolds,
}: ObservedState): string {
  return replayWords.observed(
    rootHolds ? root : replayWords.deletedPlan(root),
    rollbackHolds ? rollback : replayWords.deletedPlan(rollback),
    lock,
    planList(plans),
  );
}

export function outcomeText(outcome: ImplementationOutcome): string {
  const words = replayWords.outcomes;
  switch (outcome.kind) {
    case 'generated':
      return words.generated(String(outcome.version));
    case 'synced':
      return words.synced(outcome.lock, outcome.root);
    case 'installed':
      return words.installed(String(outcome.version), outcome.lock);
    case 'idle':
      return words.idle;
    case 'refused':
      return words.refused(outcome.reason);
    case 'cleaned':
      return outcome.deletedVersions.length === 0
        ? words.deletedNothing
        : words.cleaned(outcome.deletedVersions.join(', '));
  }
}

export function replayView(trace: DnsTrace, report: ReplayReport): ReplayView {
  const rows = traceRows(dnsControlPlane(trace.parameters), trace.trace);
  const steps = report.steps.map((step): ReplayStepView => {
    const row = rows[step.step - 1];
    const outcome = step.outcome === undefined ? '' : ` (${outcomeText(step.outcome)})`;
    return {
      step: step.step,
      title: row
        ? replayWords.stepTitle(String(step.step), row.actor, row.action)
        : replayWords.start,
      model: observed(step.model),
      implementation: `${observed(step.implementation)}${outcome}`,
      agrees: step.agrees,
      verdict: step.agrees ? replayWords.agrees : replayWords.differs,
      firstDivergence: step === report.firstDivergence,
      implementationBroken: !step.implementation.rootHolds || !step.implementation.rollbackHolds,
      modelBroken: !step.model.rootHolds || !step.model.rollbackHolds,
    };
  });
  return { summary: summary(report, trace.trace.steps.length), steps };
}

function summary(report: ReplayReport, length: number): string {
  const { implementationBreaksAt: broken, modelBreaksAt: modelBroken, firstDivergence } = report;
  const verdict =
    broken === undefined
      ? replayWords.holds(String(length))
      : broken === modelBroken
        ? replayWords.reproduces(String(broken))
        : modelBroken === undefined
          ? replayWords.breaksAlone(String(broken))
          : replayWords.breaksElsewhere(String(broken), String(modelBroken));
  const divergence =
    firstDivergence === undefined
      ? replayWords.agreesThroughout
      : replayWords.firstDivergence(
          String(firstDivergence.step),
          firstDivergence.outcome === undefined
            ? replayWords.differs
            : outcomeText(firstDivergence.outcome),
        );
  return `${report.fix ? replayWords.withFix : replayWords.asBuilt}${verdict} ${divergence}`;
}

export type ReadItf =
  | { readonly ok: true; readonly trace: DnsTrace; readonly others: number }
  | { readonly ok: false; readonly status: string };

/** A pasted or uploaded ITF file, read through the model; a refusal says why and that nothing changed. */
export function readItfText(text: string): ReadItf {
  if (text.trim() === '')
    return { ok: false, status: replayWords.fileRefused(replayWords.fileEmpty) };
  const parsed = parseDnsItf(text);
  if (!parsed.ok) return { ok: false, status: replayWords.fileRefused(parsed.error) };
  // NDJSON with several traces: the box replays the first and says so.
  const [first, ...others] = parsed.value;
  return { ok: true, trace: first!, others: others.length };
}
