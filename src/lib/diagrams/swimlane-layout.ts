/**
 * Where the swimlane diagram puts things: lane columns, step rows, boxes and the lines between
 * them, as plain numbers. Drawing (swimlane.ts) turns the layout into SVG and words.
 */
import { RECORDS, type RecordLane, type SwimlaneModel } from './swimlane-events.ts';

export interface Geometry {
  readonly lane: number;
  readonly header: number;
  readonly row: number;
  readonly footer: number;
  readonly font: string;
}

export const FULL: Geometry = {
  lane: 96,
  header: 36,
  row: 34,
  footer: 30,
  font: 'text-[12px]',
};
export const COMPACT: Geometry = {
  lane: 64,
  header: 28,
  row: 22,
  footer: 24,
  font: 'text-[10px]',
};

export type LaneKey = 'planner' | `deployer-${number}` | RecordLane;

export interface LaneLayout {
  readonly key: LaneKey;
  /** Shared records get a shaded column. */
  readonly shared: boolean;
  readonly x: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Centre, where the label goes. */
  readonly cx: number;
  readonly cy: number;
}

export interface Layout {
  readonly width: number;
  readonly rowHeight: number;
  readonly height: number;
  /** Where the rows end and the footer (the violation line) starts. */
  readonly bodyBottom: number;
  readonly lanes: readonly LaneLayout[];
  /** The lane column of a record. */
  readonly recordLane: (record: RecordLane) => number;
  readonly laneX: (lane: number) => number;
  readonly rowTop: (step: number) => number;
  readonly rowCentre: (step: number) => number;
  /** The box of a step in a lane. */
  readonly box: (lane: number, step: number) => Box;
}

export function swimlaneLayout(model: SwimlaneModel, g: Geometry): Layout {
  const keys: LaneKey[] = [
    'planner',
    ...Array.from({ length: model.deployers }, (_, id): LaneKey => `deployer-${id + 1}`),
    ...RECORDS,
  ];
  const laneX = (lane: number) => lane * g.lane + g.lane / 2;
  const rowTop = (step: number) => g.header + (step - 1) * g.row;
  const rowCentre = (step: number) => rowTop(step) + g.row / 2;
  const bodyBottom = g.header + model.events.length * g.row;
  const boxWidth = g.lane - 6;
  const boxHeight = g.row - 6;
  return {
    width: keys.length * g.lane,
    rowHeight: g.row,
    height: bodyBottom + (model.brokenAt === undefined ? 8 : g.footer),
    bodyBottom,
    lanes: keys.map((key, lane) => ({
      key,
      shared: (RECORDS as readonly string[]).includes(key),
      x: laneX(lane),
    })),
    recordLane: (record) => 1 + model.deployers + RECORDS.indexOf(record),
    laneX,
    rowTop,
    rowCentre,
    box: (lane, step) => ({
      x: laneX(lane) - boxWidth / 2,
      y: rowCentre(step) - boxHeight / 2,
      width: boxWidth,
      height: boxHeight,
      cx: laneX(lane),
      cy: rowCentre(step),
    }),
  };
}
