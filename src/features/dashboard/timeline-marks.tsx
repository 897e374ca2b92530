import type { Milestone } from '../../domain';
import { LEGEND_LINE, markerGroup, type MarkerGroup } from './timeline-layout';

export const TODAY_COLOUR = '#D55E00';
const INK = '#16202a';
const PAPER = '#ffffff';

/**
 * A milestone's mark: its shape says the kind (diamond: signature, MoU or lease; circle: delivery;
 * square: any other step), its fill whether it happened (solid) or is planned (hollow, dashed), so
 * neither depends on colour alone.
 */
export function TimelineMarkerShape({ kind, expected }: { kind: Milestone['kind']; expected: boolean }) {
  return <GroupShape group={markerGroup(kind)} expected={expected} />;
}

function GroupShape({ group, expected }: { group: MarkerGroup; expected: boolean }) {
  const paint = expected
    ? { fill: PAPER, stroke: INK, strokeWidth: 1.5, strokeDasharray: '2 1.5' }
    : { fill: INK, stroke: PAPER, strokeWidth: 1.25 };
  if (group === 'signature') return <path d="M0 -6.5 L6.5 0 L0 6.5 L-6.5 0 Z" {...paint} />;
  if (group === 'delivery') return <circle r={5} {...paint} />;
  return <rect x={-4.25} y={-4.25} width={8.5} height={8.5} {...paint} />;
}

export const SLIP_COLOUR = '#CC79A7';

/**
 * A planned date: an outlined box over the span the plan names (a thin tick for a month, the whole year
 * for a plan "for 2027"), taller than the bar so it shows over one, and a line under the bar from its
 * nearer edge to the milestone's mark, as long as the least slip the two dates allow: none when the
 * mark falls inside the plan. Drawn before the marks, so a plan met sits behind its mark. Coordinates
 * are x positions in the row; y is relative to the row's middle.
 */
export function PlannedTick({ from, to, mark }: { from: number; to: number; mark: number }) {
  const [left, right] = to - from >= 4 ? [from, to] : [(from + to) / 2 - 2, (from + to) / 2 + 2];
  const edge = mark > right ? right : mark < left ? left : undefined;
  return (
    <g className="timeline__plan" aria-hidden="true" pointerEvents="none">
      {edge !== undefined && Math.abs(mark - edge) >= 1 ? (
        <path
          d={`M${edge} 9 V11 H${mark} V5`}
          fill="none"
          stroke={SLIP_COLOUR}
          strokeWidth={1.75}
          strokeLinejoin="round"
        />
      ) : null}
      <rect
        x={left}
        y={-9}
        width={right - left}
        height={18}
        rx={1}
        fill={PAPER}
        fillOpacity={to - from >= 4 ? 0.35 : 1}
        stroke={SLIP_COLOUR}
        strokeWidth={1.5}
      />
    </g>
  );
}

const BAR_ITEMS = [
  { label: 'Before signature (or MoU, lease)', fill: '#56B4E9', planned: false },
  { label: 'Signature to last delivery', fill: '#0072B2', planned: false },
  { label: 'Planned, after today', fill: '#0072B2', planned: true },
] as const;
const MARK_ITEMS: { label: string; group: MarkerGroup; expected: boolean }[] = [
  { label: 'Signature, MoU, lease', group: 'signature', expected: false },
  { label: 'Delivery', group: 'delivery', expected: false },
  { label: 'Other step', group: 'other', expected: false },
  { label: 'Hollow: not yet happened', group: 'delivery', expected: true },
];
/** The plan's tick and its line to the mark, last on the marks' line of the legend. */
const PLAN_LABEL = 'Outline: plan; line: slip';
/** Width of a legend label in drawing units, at 12 units of system sans, with room to spare. */
const textWidth = (label: string) => label.length * 6.6;
/** Each item's left edge: after the previous item's mark, label and a gap. */
function offsets(labels: readonly string[], mark: number): number[] {
  const at = [0];
  for (const label of labels) at.push(at[at.length - 1]! + mark + textWidth(label) + 20);
  return at;
}
const BAR_X = offsets(
  BAR_ITEMS.map((i) => i.label),
  30,
);
const MARK_X = offsets(
  MARK_ITEMS.map((i) => i.label),
  18,
);

/** The legend inside the drawing, so an exported image carries it. */
export function TimelineLegend() {
  const bars = BAR_ITEMS.map((item, i) => {
    return (
      <g key={item.label} transform={`translate(${BAR_X[i]} 0)`}>
        <rect
          y={LEGEND_LINE / 2 - 5}
          width={24}
          height={10}
          rx={3}
          fill={item.fill}
          {...(item.planned
            ? { fillOpacity: 0.18, stroke: item.fill, strokeWidth: 1.5, strokeDasharray: '4 3' }
            : {})}
        />
        <text x={30} y={LEGEND_LINE / 2 + 4} fontSize={12} fill="currentColor">
          {item.label}
        </text>
      </g>
    );
  });
  const marks = MARK_ITEMS.map((item, i) => {
    return (
      <g key={item.label} transform={`translate(${MARK_X[i]} ${LEGEND_LINE})`}>
        <g transform={`translate(7 ${LEGEND_LINE / 2})`}>
          <GroupShape group={item.group} expected={item.expected} />
        </g>
        <text x={18} y={LEGEND_LINE / 2 + 4} fontSize={12} fill="currentColor">
          {item.label}
        </text>
      </g>
    );
  });
  return (
    <g className="timeline__legend" transform="translate(8 2)">
      {bars}
      <g transform={`translate(${BAR_X[BAR_ITEMS.length]} 0)`}>
        <line
          x1={12}
          x2={12}
          y1={2}
          y2={LEGEND_LINE - 2}
          stroke={TODAY_COLOUR}
          strokeWidth={1.5}
          strokeDasharray="5 3"
        />
        <text x={22} y={LEGEND_LINE / 2 + 4} fontSize={12} fill="currentColor">
          Today
        </text>
      </g>
      {marks}
      <g transform={`translate(${MARK_X[MARK_ITEMS.length]} ${LEGEND_LINE})`}>
        <g transform={`translate(3 ${LEGEND_LINE / 2 - 2})`}>
          <PlannedTick from={-2} to={6} mark={20} />
          <g transform="translate(20 0)">
            <GroupShape group="delivery" expected={false} />
          </g>
        </g>
        <text x={34} y={LEGEND_LINE / 2 + 4} fontSize={12} fill="currentColor">
          {PLAN_LABEL}
        </text>
      </g>
    </g>
  );
}
