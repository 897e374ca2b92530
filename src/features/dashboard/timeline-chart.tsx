import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useNavigate } from '../../components/routing';
import { contextSearch, useApiContext } from '../../components/api-context';
import {
  describeSlip,
  formatPartialDate,
  LABELS,
  type Timeline,
  type TimelineMarker,
  type TimelineRow,
  formatCount,
} from '../../domain';
import type { ExportContext } from '../../components/chart-export/export-menu';
import { ChartCard } from '../../components/charts/chart-card';
import {
  BOTTOM,
  DASHBOARD_W,
  drawingHeight,
  FONT,
  LABEL_W,
  RIGHT,
  ROW,
  TICK_Y,
  TODAY_Y,
  TOP,
  wrapLabel,
  yearTicks,
  type SlideLayout,
} from './timeline-layout';
import { PlannedTick, TimelineLegend, TimelineMarkerShape, TODAY_COLOUR } from './timeline-marks';

const BEFORE = '#56B4E9';
const AFTER = '#0072B2';
const TITLE = 'From first step to signature and delivery';

/** One slide's share of the rows, and where that slide stands among the timeline's slides. */
export interface TimelinePage {
  from: number;
  to: number;
  index: number;
  count: number;
}

interface Tip {
  row: TimelineRow;
  marker: TimelineMarker;
  x: number;
  y: number;
}

const markerHead = (m: TimelineMarker) =>
  `${LABELS.milestone[m.kind]} ${formatPartialDate(m.date, 'compact')}${m.expected ? ' (expected)' : ''}`;
/** "planned Jan 2029: no slip reported", "planned 2027: about 2 years late". */
const planText = (m: TimelineMarker) =>
  m.planned ? `planned ${formatPartialDate(m.planned.date, 'compact')}: ${describeSlip(m.planned.slip)}` : '';
/** What a mark says to a screen reader and in its label: the date, and the plan with the slip. */
const markerText = (m: TimelineMarker) => [markerHead(m), planText(m)].filter(Boolean).join(' · ');

/**
 * Each deal as a bar from its first milestone to signature (light) and on to its last delivery (dark),
 * with every milestone marked and a line at today; what lies after today is planned, so it is drawn
 * dashed and hollow. Recharts has no Gantt chart, so this one is plain SVG; it uses no CSS variables
 * for colour, so an exported image keeps them. On a slide it draws one page of rows at the slide's
 * scale (`layout`), on the dashboard every row scaled to the card.
 */
export function TimelineChart({
  data,
  subtitle,
  exportContext,
  page,
  layout,
  layoutOnly = false,
}: {
  data: Timeline;
  subtitle: string;
  exportContext?: ExportContext;
  page?: TimelinePage;
  layout?: SlideLayout;
  /** Only the card around the drawing, to measure the room a slide leaves for it. */
  layoutOnly?: boolean;
}) {
  const navigate = useNavigate();
  const search = contextSearch(useApiContext());
  const [tip, setTip] = useState<Tip | null>(null);
  // One tab stop for all the marks (a roving tabindex): arrows move between them, so the dashboard's
  // tab order is not 70 marks long. The marks are in document order: row by row, left to right.
  const [activeMark, setActiveMark] = useState(0);
  const onMarkKey = (event: KeyboardEvent<SVGGElement>) => {
    const marks = [
      ...(event.currentTarget.ownerSVGElement?.querySelectorAll<SVGGElement>('.timeline__dot') ?? []),
    ];
    const at = marks.indexOf(event.currentTarget);
    const next = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: marks.length - 1,
    }[event.key];
    if (next === undefined) return;
    // The slide show steps on arrows too: inside the timeline they move between marks instead.
    event.preventDefault();
    event.stopPropagation();
    const target = marks[Math.max(0, Math.min(marks.length - 1, next))];
    if (!target) return;
    setActiveMark(marks.indexOf(target));
    target.focus();
  };
  let markIndex = 0;
  const rows = page ? data.rows.slice(page.from, page.to) : data.rows;
  const markCount = rows.reduce((n, r) => n + r.markers.length, 0);
  const today = data.today;
  // The axis runs over the whole timeline, not the page, so every slide shares one scale, and always
  // reaches today so its line is on the chart.
  const lo = Math.floor(Math.min(data.domain[0], today));
  const hi = Math.ceil(Math.max(data.domain[1], today + 0.01));
  const width = layout?.width ?? DASHBOARD_W;
  const plotW = width - LABEL_W - RIGHT;
  const x = (t: number) => LABEL_W + ((t - lo) / Math.max(1, hi - lo)) * plotW;
  const ticks = yearTicks(lo, hi, Math.max(4, Math.floor(plotW / 70)));
  const height = drawingHeight(rows.length);
  const href = (id: string) => `/deals/${encodeURIComponent(id)}${search}`;
  const open = (id: string) => void navigate(href(id));
  const follow = (event: MouseEvent, id: string) => {
    // A real link for keyboard and screen readers; the router handles the click itself.
    event.preventDefault();
    event.stopPropagation();
    open(id);
  };
  const years = (a: number, b: number) => Math.round(b - a);
  const summary = data.rows
    .map(
      (r) =>
        `${r.title}: ${formatPartialDate(r.markers[0]!.date)} to ${formatPartialDate(r.markers[r.markers.length - 1]!.date)}`,
    )
    .join('; ');
  const notes = [
    data.omitted > 0
      ? `the ${data.rows.length} largest by dollar value of ${formatCount(data.rows.length + data.omitted)} deals are drawn; filter to see others`
      : '',
    data.undated > 0 ? `${formatCount(data.undated)} without a dated milestone not drawn` : '',
  ].filter(Boolean);
  const title = page
    ? page.count > 1
      ? `Timeline (${page.index + 1} of ${page.count})`
      : 'Timeline'
    : TITLE;
  const cardSubtitle = page ? `${TITLE} · ${subtitle}` : subtitle;
  const todayX = x(today);

  return (
    <ChartCard
      exportContext={exportContext}
      className="chart-card--wide"
      interactive
      title={title}
      subtitle={cardSubtitle}
      summary={summary}
      empty={data.rows.length === 0 ? 'No deal under these filters has a dated milestone.' : undefined}
      table={
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Deal</th>
              <th scope="col">Milestones</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => open(r.id)}>
                    {r.title}
                  </button>
                </th>
                <td>
                  {r.markers
                    .map(
                      (m) =>
                        `${formatPartialDate(m.date)} ${LABELS.milestone[m.kind].toLowerCase()}${m.expected ? ' (expected)' : ''}${m.planned ? ` (${planText(m)})` : ''}`,
                    )
                    .join(' → ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      footer={notes.length > 0 ? <>{notes.join('; ')}.</> : null}
    >
      {layoutOnly ? null : (
        <div className={layout ? 'timeline-fit' : 'timeline-scroll'}>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            width={layout ? width * layout.scale : '100%'}
            height={layout ? height * layout.scale : undefined}
            style={layout ? { fontFamily: 'inherit' } : { minWidth: 720, fontFamily: 'inherit' }}
            className="timeline"
          >
            <TimelineLegend />
            {ticks.map((t) => (
              <g key={t}>
                <line
                  x1={x(t)}
                  x2={x(t)}
                  y1={TOP - 6}
                  y2={height - BOTTOM}
                  stroke="currentColor"
                  strokeOpacity={0.15}
                />
                <text x={x(t)} y={TICK_Y} textAnchor="middle" fontSize={FONT} fill="currentColor">
                  {t}
                </text>
              </g>
            ))}
            <g className="timeline__today">
              <line
                x1={todayX}
                x2={todayX}
                y1={TODAY_Y + 4}
                y2={height - BOTTOM}
                stroke={TODAY_COLOUR}
                strokeWidth={1.5}
                strokeDasharray="5 3"
              />
              <text
                x={todayX}
                y={TODAY_Y}
                textAnchor="middle"
                fontSize={12}
                fontWeight={600}
                fill={TODAY_COLOUR}
              >
                Today
              </text>
            </g>
            {rows.map((r, i) => {
              const y = TOP + i * ROW;
              const mid = y + ROW / 2;
              const lines = wrapLabel(r.title);
              const signed = r.signed;
              const delivered = r.delivered;
              return (
                <g key={r.id} className="timeline__row" onClick={() => open(r.id)}>
                  <rect
                    className="timeline__band"
                    x={0}
                    y={y}
                    width={width}
                    height={ROW}
                    fill="transparent"
                  />
                  <a href={href(r.id)} className="timeline__label" onClick={(e) => follow(e, r.id)}>
                    <title>
                      {r.title}
                      {signed !== undefined
                        ? ` — ${years(r.start, signed)} years from first step to signature`
                        : ''}
                    </title>
                    <text
                      x={LABEL_W - 10}
                      y={lines.length === 1 ? mid + 4.5 : mid - 2.5}
                      textAnchor="end"
                      fontSize={FONT}
                      fill="currentColor"
                    >
                      {lines.map((line, k) => (
                        <tspan key={k} x={LABEL_W - 10} dy={k === 0 ? 0 : 14}>
                          {line}
                        </tspan>
                      ))}
                    </text>
                  </a>
                  <Segment
                    from={r.start}
                    to={signed ?? r.end}
                    today={today}
                    x={x}
                    mid={mid}
                    colour={BEFORE}
                  />
                  {signed !== undefined && delivered !== undefined && delivered > signed ? (
                    <Segment from={signed} to={delivered} today={today} x={x} mid={mid} colour={AFTER} />
                  ) : null}
                  {r.markers.map((m, j) =>
                    m.planned ? (
                      <g key={`plan-${j}`} transform={`translate(0 ${mid})`}>
                        <PlannedTick from={x(m.planned.from)} to={x(m.planned.to)} mark={x(m.at)} />
                      </g>
                    ) : null,
                  )}
                  {r.markers.map((m, j) => (
                    <g
                      key={j}
                      className="timeline__dot"
                      tabIndex={markIndex++ === Math.min(activeMark, markCount - 1) ? 0 : -1}
                      aria-keyshortcuts="ArrowLeft ArrowRight Home End"
                      onKeyDown={onMarkKey}
                      role="img"
                      aria-label={`${r.title}: ${markerText(m)}`}
                      transform={`translate(${x(m.at)} ${mid})`}
                      onFocus={() => setTip({ row: r, marker: m, x: x(m.at), y: mid })}
                      onBlur={() => setTip(null)}
                      onMouseEnter={() => setTip({ row: r, marker: m, x: x(m.at), y: mid })}
                      onMouseLeave={() => setTip(null)}
                      onClick={(e) => {
                        // A tap shows the label; it does not open the deal under the finger.
                        e.stopPropagation();
                        setTip({ row: r, marker: m, x: x(m.at), y: mid });
                      }}
                    >
                      {/* A finger-sized target around a small mark. */}
                      <circle r={11} fill="transparent" />
                      <TimelineMarkerShape kind={m.kind} expected={m.expected} />
                    </g>
                  ))}
                </g>
              );
            })}
            {tip ? <Tooltip tip={tip} width={width} /> : null}
          </svg>
        </div>
      )}
    </ChartCard>
  );
}

/** A bar from `from` to `to`: solid up to today, dashed and pale beyond it, where it is only planned. */
function Segment({
  from,
  to,
  today,
  x,
  mid,
  colour,
}: {
  from: number;
  to: number;
  today: number;
  x: (t: number) => number;
  mid: number;
  colour: string;
}) {
  const split = Math.min(Math.max(today, from), to);
  const solid = split > from || to <= today;
  return (
    <>
      {solid ? (
        <rect
          x={x(from)}
          y={mid - 6}
          width={Math.max(2, x(to <= today ? to : split) - x(from))}
          height={12}
          rx={3}
          fill={colour}
        />
      ) : null}
      {to > today ? (
        <rect
          className="timeline__planned"
          x={x(split)}
          y={mid - 5.5}
          width={Math.max(2, x(to) - x(split))}
          height={11}
          rx={3}
          fill={colour}
          fillOpacity={0.18}
          stroke={colour}
          strokeWidth={1.5}
          strokeDasharray="4 3"
        />
      ) : null}
    </>
  );
}

const TIP_FONT = 12;

/** The focused or tapped milestone's label, drawn above its mark (below it on the first row). */
function Tooltip({ tip, width }: { tip: Tip; width: number }) {
  const plan = planText(tip.marker);
  const lines = [
    markerHead(tip.marker),
    ...(plan ? [plan.charAt(0).toUpperCase() + plan.slice(1)] : []),
    tip.marker.label,
  ];
  const w = Math.min(width - 8, Math.max(...lines.map((l) => l.length)) * 6.4 + 16);
  const h = lines.length * 16 + 8;
  const left = Math.min(Math.max(4, tip.x - w / 2), width - w - 4);
  const top = tip.y - ROW / 2 - h > 0 ? tip.y - 12 - h : tip.y + 12;
  return (
    <g className="timeline__tip" pointerEvents="none" aria-hidden="true">
      <rect
        x={left}
        y={top}
        width={w}
        height={h}
        rx={4}
        fill="#ffffff"
        stroke="#16202a"
        strokeOpacity={0.4}
      />
      {lines.map((line, k) => (
        <text
          key={k}
          x={left + 8}
          y={top + 17 + k * 16}
          fontSize={TIP_FONT}
          fontWeight={k === 0 ? 600 : 400}
          fill="#16202a"
        >
          {line.length > (w - 16) / 6.4 ? `${line.slice(0, Math.floor((w - 16) / 6.4) - 1)}…` : line}
        </text>
      ))}
    </g>
  );
}
