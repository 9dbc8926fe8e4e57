/**
 * A trace of the lab model as a sequence (swimlane) diagram: one column per actor (the planner,
 * each deployer) and per shared record (root, rollback, lock, plans in the zone), one row per
 * step. A deploy of a plan older than the root's is marked in red in its deployer's lane; the
 * lock's holder and epoch are written at every deploy, because the lock is the point: it was
 * current when the stale deploy went through. The step that breaks an invariant is marked in red.
 * What to show is in swimlane-events.ts, where to put it in swimlane-layout.ts.
 */
import { swimlaneWords as words } from '../../content/interface/mbt.ts';
import { DEPLOYER_NAMES, GENESIS } from '../models/dns-control-plane.ts';
import type { DnsTrace } from '../models/dns-control-plane-itf.ts';
import { element, svgDocument, textElement } from './svg.ts';
import {
  swimlaneModel,
  type RecordChange,
  type SwimlaneEvent,
  type SwimlaneModel,
} from './swimlane-events.ts';
import { COMPACT, FULL, swimlaneLayout, type Box, type Layout } from './swimlane-layout.ts';

export { swimlaneModel } from './swimlane-events.ts';

export interface SwimlaneOptions {
  /** Prefix of the ids inside the SVG; unique on the page. */
  readonly id: string;
  /** Marks this step's row, for a stepper. */
  readonly highlightStep?: number;
  /** Smaller rows and lanes: for a thumbnail beside other content. */
  readonly compact?: boolean;
}

const EVENT_CLASS: Readonly<Record<SwimlaneEvent['kind'], string>> = {
  GeneratePlan: 'fill-bg stroke-muted',
  Sync: 'fill-bg stroke-accent',
  Deploy: 'fill-accent-soft stroke-accent',
  'stale-deploy': 'fill-danger/15 stroke-danger stroke-2',
  Backoff: 'fill-bg stroke-ok [stroke-dasharray:3_2]',
  Cleanup: 'fill-bg stroke-muted',
};

const holderName = (holder: number, compact: boolean) =>
  holder === GENESIS
    ? words.genesis
    : compact
      ? DEPLOYER_NAMES[holder]!.slice(-1)
      : DEPLOYER_NAMES[holder]!;

function eventLabel(event: SwimlaneEvent): string {
  const [version = 0] = event.versions;
  switch (event.kind) {
    case 'GeneratePlan':
      return words.events.generate(version);
    case 'Sync':
      return words.events.sync(event.lock?.epoch ?? 0);
    case 'Deploy':
      return words.events.deploy(version);
    case 'stale-deploy':
      return words.events.staleDeploy(version);
    case 'Backoff':
      return words.events.backoff;
    case 'Cleanup':
      return words.events.cleanup(event.versions);
  }
}

function changeLabel(change: RecordChange, compact: boolean): string {
  switch (change.record) {
    case 'root':
    case 'rollback':
      return change.plan.deleted
        ? words.deletedPlan(change.plan.version)
        : words.plan(change.plan.version);
    case 'lock':
      return words.lock(holderName(change.holder, compact), change.epoch);
    case 'plans':
      return words.plans(change.versions);
  }
}

const isDeleted = (change: RecordChange) =>
  (change.record === 'root' || change.record === 'rollback') && change.plan.deleted;

/** The diagram as SVG markup. */
export function swimlaneSvg(trace: DnsTrace, options: SwimlaneOptions): string {
  const model = swimlaneModel(trace);
  const compact = options.compact === true;
  const g = compact ? COMPACT : FULL;
  const layout = swimlaneLayout(model, g);
  const names = compact ? words.compactLaneNames : words.laneNames;
  const text = (x: number, y: number, className: string, content: string) =>
    textElement('text', { x, y, class: className }, content);
  // The data attributes go on the label, the element a test or a script reads.
  const box = (at: Box, className: string, label: string, data: Record<string, string>) =>
    element('rect', {
      x: at.x,
      y: at.y,
      width: at.width,
      height: at.height,
      rx: 4,
      class: className,
    }) + textElement('text', { x: at.cx, y: at.cy, class: 'fill-fg', ...data }, label);

  const laneParts = layout.lanes.map(({ key, shared, x }, lane) =>
    element(
      'g',
      { 'data-lane': key },
      text(
        x,
        g.header / 2,
        shared ? 'fill-muted font-semibold' : 'fill-fg font-semibold',
        laneName(names, key, lane),
      ),
      element('line', { x1: x, y1: g.header, x2: x, y2: layout.bodyBottom, class: 'stroke-line' }),
    ),
  );

  const steps = model.events.map((event) => drawStep(event, layout, options, compact, box));

  const violation =
    model.brokenAt === undefined
      ? ''
      : element(
          'g',
          { 'data-violation': model.brokenAt },
          element('line', {
            x1: 0,
            y1: layout.bodyBottom,
            x2: layout.width,
            y2: layout.bodyBottom,
            class: 'stroke-danger stroke-2',
          }),
          text(
            layout.width / 2,
            layout.bodyBottom + g.footer / 2,
            'fill-danger font-semibold',
            `× ${words.broken(model.brokenAt)}`,
          ),
        );

  return svgDocument(
    {
      width: layout.width,
      height: layout.height,
      id: options.id,
      title: compact ? words.compactTitle(model.events.length) : words.title,
      description: swimlaneDescription(model),
      className: `swimlane ${g.font}`,
      data: { 'data-swimlane': compact ? 'compact' : 'full' },
    },
    ...laneParts,
    ...steps,
    violation,
  );
}

function laneName(
  names: typeof words.laneNames | typeof words.compactLaneNames,
  key: string,
  lane: number,
): string {
  if (key === 'planner') return names.planner;
  if (key.startsWith('deployer-')) return names.deployer(DEPLOYER_NAMES[lane - 1]!);
  return names[key as keyof typeof names] as string;
}

function drawStep(
  event: SwimlaneEvent,
  layout: Layout,
  options: SwimlaneOptions,
  compact: boolean,
  box: (at: Box, className: string, label: string, data: Record<string, string>) => string,
): string {
  const { step, lane, kind, changes, breaks } = event;
  const highlighted = step === options.highlightStep;
  const band =
    highlighted || breaks
      ? element('rect', {
          x: 0,
          y: layout.rowTop(step),
          width: layout.width,
          height: layout.rowHeight,
          class: breaks ? 'fill-danger/15' : 'fill-accent-soft',
          ...(highlighted ? { 'data-highlight': '' } : {}),
        })
      : '';
  const records = changes.map((change) =>
    box(
      layout.box(layout.recordLane(change.record), step),
      isDeleted(change) ? 'fill-bg stroke-danger stroke-2' : 'fill-bg stroke-line',
      changeLabel(change, compact),
      { 'data-state-change': change.record, ...(isDeleted(change) ? { 'data-deleted': '' } : {}) },
    ),
  );
  return element(
    'g',
    { 'data-step': step },
    band,
    box(
      layout.box(lane, step),
      `${EVENT_CLASS[kind]} ${breaks ? 'stroke-danger stroke-2' : ''}`.trim(),
      eventLabel(event),
      { 'data-event': kind },
    ),
    ...records,
  );
}

function swimlaneDescription(model: SwimlaneModel): string {
  const actor = (lane: number) =>
    lane === 0 ? words.laneNames.planner : DEPLOYER_NAMES[lane - 1]!;
  const broken = model.events.find(({ breaks }) => breaks);
  const deleted = broken?.changes.find(isDeleted);
  const stale = model.events.filter(({ kind }) => kind === 'stale-deploy');
  return [
    words.description.overview(model.events.length, model.deployers),
    ...stale.map(({ step, lane, versions }) =>
      words.description.staleDeploy(step, actor(lane), versions[0] ?? 0),
    ),
    broken === undefined ||
    deleted === undefined ||
    (deleted.record !== 'root' && deleted.record !== 'rollback')
      ? words.description.holds
      : words.description.broken(
          broken.step,
          actor(broken.lane),
          deleted.record,
          deleted.plan.version,
        ),
  ].join(' ');
}
