/**
 * A trace of the DNS control-plane model as a sequence (swimlane) diagram: one column per actor
 * (the planner, each enactor) and per piece of shared state (the stored plans, the root record),
 * one row per step. An enactor held up between its check and its apply shows as a long dashed
 * bar in its lane; the step that breaks the invariant is marked in red, with a line saying so.
 */
import { swimlaneWords as words } from '../../content/interface/mbt.ts';
import { brokenInvariant } from '../checker/spec.ts';
import { dnsControlPlane, type DnsState } from '../models/dns-control-plane.ts';
import { dnsAction, type DnsTrace } from '../models/dns-control-plane-itf.ts';
import { element, svgDocument, textElement } from './svg.ts';

export interface SwimlaneEvent {
  readonly step: number;
  /** Column of the actor: 0 is the planner, n is enactor n. */
  readonly lane: number;
  readonly kind: 'publish' | 'check' | 'apply' | 'refused' | 'cleanUp';
  /** The plan published, checked, applied or refused; for a cleanup, the plan its enactor applied. */
  readonly plan: number;
  readonly label: string;
  /** Set when the step changed the stored plans. */
  readonly storedPlans: readonly number[] | undefined;
  /** Set when the step changed the root record or deleted the plan it points to. */
  readonly rootRecord: { readonly plan: number; readonly deleted: boolean } | undefined;
  /** The first step whose state breaks the invariant. */
  readonly breaks: boolean;
}

export interface SwimlaneDelay {
  readonly lane: number;
  readonly plan: number;
  readonly checkedAt: number;
  readonly appliedAt: number;
}

export interface SwimlaneModel {
  readonly enactors: number;
  readonly events: readonly SwimlaneEvent[];
  /** Checks followed by their apply more than one step later. */
  readonly delays: readonly SwimlaneDelay[];
  readonly brokenAt: number | undefined;
}

const samePlans = (a: readonly number[], b: readonly number[]) => a.join() === b.join();

export function swimlaneModel({ parameters, trace }: DnsTrace): SwimlaneModel {
  const spec = dnsControlPlane(parameters);
  let before: DnsState = trace.initial;
  let brokenAt: number | undefined;
  const events = trace.steps.map(({ action: index, state: after }, at): SwimlaneEvent => {
    const step = at + 1;
    const action = dnsAction(spec, index);
    const lane = action.kind === 'publish' ? 0 : action.enactor;
    const me = action.kind === 'publish' ? undefined : after.enactors[action.enactor - 1];
    const was = action.kind === 'publish' ? undefined : before.enactors[action.enactor - 1];
    const planOf = (enactor: typeof me) =>
      enactor === undefined || enactor.phase === 'idle' ? 0 : enactor.plan;
    const [kind, plan, label] = ((): [SwimlaneEvent['kind'], number, string] => {
      switch (action.kind) {
        case 'publish':
          return ['publish', after.newestPlan, words.events.publish(after.newestPlan)];
        case 'check':
          return ['check', planOf(me), words.events.check(planOf(me))];
        case 'apply':
          return me?.phase === 'applied'
            ? ['apply', me.plan, words.events.apply(me.plan)]
            : ['refused', planOf(was), words.events.refused(planOf(was))];
        case 'cleanUp': {
          const deleted = before.storedPlans.filter(
            (stored) => !after.storedPlans.includes(stored),
          );
          return ['cleanUp', planOf(was), words.events.cleanUp(deleted)];
        }
      }
    })();
    const deleted = !after.storedPlans.includes(after.rootRecord);
    const rootChanged =
      after.rootRecord !== before.rootRecord ||
      deleted !== !before.storedPlans.includes(before.rootRecord);
    const breaks = brokenAt === undefined && brokenInvariant(spec, after) !== undefined;
    if (breaks) brokenAt = step;
    const event: SwimlaneEvent = {
      step,
      lane,
      kind,
      plan,
      label,
      storedPlans: samePlans(before.storedPlans, after.storedPlans) ? undefined : after.storedPlans,
      rootRecord: rootChanged ? { plan: after.rootRecord, deleted } : undefined,
      breaks,
    };
    before = after;
    return event;
  });
  const delays = events.flatMap((event) => {
    if (event.kind !== 'check') return [];
    const next = events.find(({ step, lane }) => step > event.step && lane === event.lane);
    if (
      next === undefined ||
      (next.kind !== 'apply' && next.kind !== 'refused') ||
      next.step - event.step < 2
    )
      return [];
    return [{ lane: event.lane, plan: event.plan, checkedAt: event.step, appliedAt: next.step }];
  });
  return { enactors: parameters.enactors, events, delays, brokenAt };
}

export interface SwimlaneOptions {
  /** Prefix of the ids inside the SVG; unique on the page. */
  readonly id: string;
  /** Marks this step's row, for a stepper. */
  readonly highlightStep?: number;
  /** Smaller rows and lanes, no step numbers: for a thumbnail beside other content. */
  readonly compact?: boolean;
}

interface Geometry {
  readonly gutter: number;
  readonly lane: number;
  readonly header: number;
  readonly row: number;
  readonly footer: number;
  readonly font: string;
}

const FULL: Geometry = {
  gutter: 28,
  lane: 100,
  header: 36,
  row: 34,
  footer: 30,
  font: 'text-[12px]',
};
const COMPACT: Geometry = {
  gutter: 0,
  lane: 72,
  header: 28,
  row: 24,
  footer: 24,
  font: 'text-[11px]',
};

const EVENT_CLASS: Readonly<Record<SwimlaneEvent['kind'], string>> = {
  publish: 'fill-bg stroke-muted',
  check: 'fill-bg stroke-accent',
  apply: 'fill-accent-soft stroke-accent',
  refused: 'fill-bg stroke-ok [stroke-dasharray:3_2]',
  cleanUp: 'fill-bg stroke-muted',
};

/** The diagram as SVG markup. */
export function swimlaneSvg(trace: DnsTrace, options: SwimlaneOptions): string {
  const model = swimlaneModel(trace);
  const compact = options.compact === true;
  const g = compact ? COMPACT : FULL;
  const names = compact ? words.compactLaneNames : words.laneNames;
  const storedLane = model.enactors + 1;
  const rootLane = model.enactors + 2;
  const lanes = [
    { key: 'planner', name: names.planner, shared: false },
    ...Array.from({ length: model.enactors }, (_, id) => ({
      key: `enactor-${id + 1}`,
      name: names.enactor(id + 1),
      shared: false,
    })),
    { key: 'stored-plans', name: names.storedPlans, shared: true },
    { key: 'root-record', name: names.rootRecord, shared: true },
  ];
  const rows = model.events.length;
  const width = g.gutter + lanes.length * g.lane;
  const bodyBottom = g.header + rows * g.row;
  const height = bodyBottom + (model.brokenAt === undefined ? 8 : g.footer);
  const centreX = (lane: number) => g.gutter + lane * g.lane + g.lane / 2;
  const rowTop = (step: number) => g.header + (step - 1) * g.row;
  const centreY = (step: number) => rowTop(step) + g.row / 2;
  const text = (x: number, y: number, className: string, content: string) =>
    textElement('text', { x, y, class: className }, content);
  const box = (
    lane: number,
    step: number,
    className: string,
    label: string,
    data: Record<string, string>,
  ) => {
    const boxWidth = g.lane - 8;
    const boxHeight = g.row - 8;
    return element(
      'g',
      data,
      element('rect', {
        x: centreX(lane) - boxWidth / 2,
        y: centreY(step) - boxHeight / 2,
        width: boxWidth,
        height: boxHeight,
        rx: 5,
        class: className,
      }),
      text(centreX(lane), centreY(step), 'fill-fg', label),
    );
  };

  const laneParts = lanes.map(({ key, name, shared }, lane) =>
    element(
      'g',
      { 'data-lane': key },
      shared
        ? element('rect', {
            x: centreX(lane) - g.lane / 2 + 2,
            y: 0,
            width: g.lane - 4,
            height: bodyBottom,
            class: 'fill-surface',
          })
        : '',
      text(
        centreX(lane),
        g.header / 2,
        shared ? 'fill-muted font-semibold' : 'fill-fg font-semibold',
        name,
      ),
      element('line', {
        x1: centreX(lane),
        y1: g.header,
        x2: centreX(lane),
        y2: bodyBottom,
        class: 'stroke-line',
      }),
    ),
  );

  const delays = model.delays.map(({ lane, checkedAt, appliedAt }) => {
    const top = centreY(checkedAt) + g.row / 2 - 4;
    const bottom = centreY(appliedAt) - g.row / 2 + 4;
    const middle = (top + bottom) / 2;
    return element(
      'g',
      { 'data-delay': `${checkedAt}-${appliedAt}` },
      element('line', {
        x1: centreX(lane),
        y1: top,
        x2: centreX(lane),
        y2: bottom,
        class: 'stroke-accent stroke-[3] [stroke-dasharray:6_4]',
      }),
      compact
        ? ''
        : element(
            'g',
            {},
            element('rect', {
              x: centreX(lane) - g.lane / 2 + 4,
              y: middle - 9,
              width: g.lane - 8,
              height: 18,
              rx: 9,
              class: 'fill-bg',
            }),
            text(
              centreX(lane),
              middle,
              'fill-accent font-semibold',
              words.delayed(appliedAt - checkedAt),
            ),
          ),
    );
  });

  const steps = model.events.map((event) => {
    const { step, lane, kind, label, storedPlans, rootRecord, breaks } = event;
    const band =
      step === options.highlightStep || breaks
        ? element('rect', {
            x: 0,
            y: rowTop(step),
            width,
            height: g.row,
            class: breaks ? 'fill-danger/15' : 'fill-accent-soft',
            ...(step === options.highlightStep ? { 'data-highlight': '' } : {}),
          })
        : '';
    const writes = [
      storedPlans === undefined ? undefined : storedLane,
      rootRecord === undefined ? undefined : rootLane,
    ]
      .filter((target) => target !== undefined)
      .map((target) =>
        element('line', {
          x1: centreX(lane),
          y1: centreY(step),
          x2: centreX(target),
          y2: centreY(step),
          class: 'stroke-muted [stroke-dasharray:2_3]',
        }),
      );
    const storedBox =
      storedPlans === undefined
        ? ''
        : box(storedLane, step, 'fill-bg stroke-line', words.storedPlans(storedPlans), {
            'data-state-change': 'stored-plans',
          });
    const rootBox =
      rootRecord === undefined
        ? ''
        : box(
            rootLane,
            step,
            rootRecord.deleted ? 'fill-bg stroke-danger stroke-2' : 'fill-bg stroke-line',
            rootRecord.deleted
              ? words.deletedRootRecord(rootRecord.plan)
              : words.rootRecord(rootRecord.plan),
            {
              'data-state-change': 'root-record',
              ...(rootRecord.deleted ? { 'data-deleted': '' } : {}),
            },
          );
    return element(
      'g',
      { 'data-step': step },
      band,
      compact ? '' : text(g.gutter / 2, centreY(step), 'fill-muted', words.stepNumber(step)),
      ...writes,
      box(
        lane,
        step,
        `${EVENT_CLASS[kind]} ${breaks ? 'stroke-danger stroke-2' : ''}`.trim(),
        label,
        {
          'data-event': kind,
        },
      ),
      storedBox,
      rootBox,
    );
  });

  const violation =
    model.brokenAt === undefined
      ? ''
      : element(
          'g',
          { 'data-violation': model.brokenAt },
          element('line', {
            x1: 0,
            y1: bodyBottom,
            x2: width,
            y2: bodyBottom,
            class: 'stroke-danger stroke-2',
          }),
          text(
            width / 2,
            bodyBottom + g.footer / 2,
            'fill-danger font-semibold',
            `× ${words.broken(model.brokenAt)}`,
          ),
        );

  return svgDocument(
    {
      width,
      height,
      id: options.id,
      title: compact ? words.compactTitle(rows) : words.title,
      description: swimlaneDescription(model),
      className: `swimlane ${g.font}`,
      data: { 'data-swimlane': compact ? 'compact' : 'full' },
    },
    ...laneParts,
    ...steps,
    ...delays,
    violation,
  );
}

function swimlaneDescription(model: SwimlaneModel): string {
  const broken = model.events.find(({ breaks }) => breaks);
  const actor = (lane: number) =>
    lane === 0 ? words.laneNames.planner : words.laneNames.enactor(lane);
  return [
    words.description.overview(model.events.length, model.enactors),
    ...model.delays.map(({ lane, plan, checkedAt, appliedAt }) =>
      words.description.delayed(lane, plan, checkedAt, appliedAt),
    ),
    broken?.rootRecord === undefined
      ? words.description.holds
      : broken.kind === 'cleanUp'
        ? words.description.brokenByCleanUp(broken.step, actor(broken.lane), broken.rootRecord.plan)
        : words.description.brokenByApply(broken.step, actor(broken.lane), broken.rootRecord.plan),
  ].join(' ');
}
