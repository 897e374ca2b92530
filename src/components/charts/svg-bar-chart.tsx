// A horizontal bar chart in plain React SVG, drawn as the Recharts BarChart (layout="vertical") it
// replaces: same geometry, same class names (exports, slides, e2e and the benchmark query them).
// Recharts keeps each chart's data in a store whose every dispatch re-runs every selector, and
// measures its tooltip in an effect; a cross-filter re-drew six such charts. Here a render is a
// function of the props and the width, and nothing is measured but the tooltip while it shows.
import {
  cloneElement,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactElement,
} from 'react';
import { useChartHeight } from './chart-height';
import {
  barBoxes,
  linearScale,
  plotArea,
  preserveStartEnd,
  rectPath,
  tooltipAt,
  TICK_GAP,
  wrapWords,
  type Margin,
} from './svg-bar-chart-geometry';
import { textWidth } from './svg-bar-chart-text';
import { useWidth } from './svg-bar-chart-width';
import './svg-bar-chart.css';

/** What a tooltip's content gets, in the shape Recharts gives its `content` element. */
export interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: unknown; value?: unknown; name?: string }[];
}

export interface SvgBarChartProps<T> {
  data: readonly T[];
  /** The category's label on the left axis. */
  category: (row: T) => string;
  /** The bar's length; undefined draws no bar and no label. */
  value: (row: T) => number | undefined;
  /** Bar colour where the row has no `colour`; each row's `opacity` dims it (a selection). */
  fill: string;
  name?: string;
  margin: Margin;
  /** Width of the category axis, labels wrapped to it. */
  categoryWidth: number;
  ticks: readonly number[];
  domain: readonly [number, number];
  tickFormat: (value: number) => string;
  /** 0: every tick; 'preserveStartEnd': as Recharts thins labels that would overlap. */
  tickInterval?: 0 | 'preserveStartEnd';
  label: (value: number) => string;
  maxBarSize?: number;
  /** The tooltip's content element: it is given `active` and `payload`. */
  tooltip: ReactElement<TooltipProps>;
  onBar: (row: T) => void;
}

const TICK_SIZE = 13;
const LABEL_SIZE = 14;

interface Active {
  index: number;
  x: number;
  y: number;
  /** Shown (false once dismissed with Escape or Enter, index kept for the arrow keys). */
  shown: boolean;
}

type Row = { opacity?: number; colour?: string };

export function SvgBarChart<T>(props: SvgBarChartProps<T>) {
  const { data, margin, categoryWidth, ticks, domain, tickFormat, maxBarSize } = props;
  const height = useChartHeight();
  const [container, width] = useWidth();
  const [active, setActive] = useState<Active | undefined>();
  const tooltipRef = useRef<HTMLDivElement>(null);
  const [tooltipBox, setTooltipBox] = useState<{ width: number; height: number }>();
  const svgRef = useRef<SVGSVGElement>(null);
  // Labels are measured at the size they are drawn at, which a stylesheet may change (slides: 18 px),
  // as Recharts reads it from its first tick; read once the drawing is in the page.
  const [fontPx, setFontPx] = useState(TICK_SIZE);
  const drawn = width > 0;
  useLayoutEffect(() => {
    const tick = svgRef.current?.querySelector('.recharts-cartesian-axis-tick-value');
    const px = tick ? parseFloat(getComputedStyle(tick).fontSize) : NaN;
    if (px > 0) setFontPx(px);
  }, [drawn]);

  const plot = plotArea(Math.max(0, width), height, margin, categoryWidth);
  const scale = linearScale(domain, [plot.left, plot.left + plot.width]);
  const values = data.map(props.value);
  const boxes = barBoxes(values, plot, scale, maxBarSize);
  const shownRow = active?.shown ? data[active.index] : undefined;

  // The tooltip is placed from its size, so it is measured before it is painted, while it shows.
  useLayoutEffect(() => {
    const element = tooltipRef.current;
    if (!shownRow || !element) return;
    const { width: w, height: h } = element.getBoundingClientRect();
    if (w > 0 && h > 0 && (w !== tooltipBox?.width || h !== tooltipBox?.height))
      setTooltipBox({ width: w, height: h });
  }, [shownRow, props.tooltip, tooltipBox]);
  useEffect(() => {
    if (!active?.shown) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') setActive((a) => (a ? { ...a, shown: false } : a));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active?.shown]);

  const atIndex = (index: number): Active => {
    const box = boxes[index]!;
    return { index, x: (plot.left + width) / 2, y: box.bandStart + box.band / 2, shown: true };
  };
  const onMouseMove = (event: MouseEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    const inside =
      x >= plot.left && x <= plot.left + plot.width && y >= plot.top && y <= plot.top + plot.height;
    const index = Math.min(data.length - 1, Math.floor((y - plot.top) / (boxes[0]?.band || 1)));
    if (!inside || data.length === 0) setActive(undefined);
    // As Recharts: the tooltip follows the pointer across, and sits at the band's middle down.
    else setActive({ index, x, y: boxes[index]!.bandStart + boxes[index]!.band / 2, shown: true });
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.key === 'Enter' && active) setActive({ ...active, shown: !active.shown });
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = (active?.index ?? -1) + (event.key === 'ArrowRight' ? 1 : -1);
    if (active === undefined && event.key === 'ArrowLeft') setActive(atIndex(data.length - 1));
    else if (next >= 0 && next < data.length) setActive(atIndex(next));
  };

  let tooltipStyle: CSSProperties = { visibility: 'hidden' };
  let side = '';
  if (shownRow !== undefined && active && tooltipBox) {
    const tx = tooltipAt(active.x, tooltipBox.width, plot.left, plot.width);
    const ty = tooltipAt(active.y, tooltipBox.height, plot.top, plot.height);
    tooltipStyle = { transform: `translate(${tx}px, ${ty}px)`, visibility: 'visible' };
    side = `${tx >= active.x ? ' recharts-tooltip-wrapper-right' : ' recharts-tooltip-wrapper-left'}${ty >= active.y ? ' recharts-tooltip-wrapper-bottom' : ' recharts-tooltip-wrapper-top'}`;
  }

  const tickPositions = ticks.map(scale);
  const tickLabels = ticks.map(tickFormat);
  const tickAt =
    props.tickInterval === 'preserveStartEnd'
      ? preserveStartEnd(
          tickPositions,
          tickLabels.map((t) => textWidth(t, fontPx)),
          // Recharts bounds an axis's labels by the whole chart, not by the axis.
          0,
          width,
        )
      : tickPositions;
  const axisY = plot.top + plot.height;

  return (
    <div
      ref={container}
      className="recharts-responsive-container"
      style={{ width: '100%', height, minWidth: 0 }}
    >
      <div style={{ width: 0, overflowX: 'visible' }}>
        {width > 0 ? (
          <div
            className="recharts-wrapper svg-bar-chart"
            style={{ width, height }}
            onMouseMove={onMouseMove}
            onMouseLeave={() => setActive(undefined)}
          >
            <div
              ref={tooltipRef}
              tabIndex={-1}
              className={`recharts-tooltip-wrapper${side} svg-bar-chart__tooltip${shownRow !== undefined ? ' svg-bar-chart__tooltip--active' : ''}`}
              style={tooltipStyle}
            >
              {cloneElement(props.tooltip, {
                active: shownRow !== undefined,
                payload:
                  shownRow !== undefined
                    ? [{ payload: shownRow, value: values[active!.index], name: props.name }]
                    : [],
              })}
            </div>
            <svg
              ref={svgRef}
              role="application"
              tabIndex={0}
              className="recharts-surface"
              width={width}
              height={height}
              viewBox={`0 0 ${width} ${height}`}
              style={{ width: '100%', height: '100%', display: 'block' }}
              onFocus={() => setActive((a) => (a ? a : data.length > 0 ? atIndex(0) : a))}
              onBlur={() => setActive((a) => (a ? { ...a, shown: false } : a))}
              onKeyDown={onKeyDown}
            >
              <g className="recharts-cartesian-grid">
                <g className="recharts-cartesian-grid-vertical">
                  {tickPositions.map((x, i) => (
                    <line
                      key={i}
                      stroke="currentColor"
                      strokeOpacity={0.15}
                      fill="none"
                      x1={x}
                      y1={plot.top}
                      x2={x}
                      y2={axisY}
                    />
                  ))}
                </g>
              </g>
              {shownRow !== undefined ? (
                <path
                  className="recharts-rectangle recharts-tooltip-cursor"
                  pointerEvents="none"
                  fill="#ccc"
                  stroke="#ccc"
                  fillOpacity={0.08}
                  d={rectPath({
                    x: plot.left + 0.5,
                    y: boxes[active!.index]!.bandStart,
                    width: plot.width - 1,
                    height: boxes[active!.index]!.band,
                  })}
                />
              ) : null}
              <g className="recharts-layer recharts-bar">
                <g className="recharts-layer recharts-bar-rectangles">
                  {data.map((row, i) => {
                    const box = boxes[i]!;
                    const point = row as Row;
                    const shown = values[i] !== undefined && box.width !== 0 && box.height !== 0;
                    return (
                      <g key={i} className="recharts-layer recharts-bar-rectangle">
                        {shown ? (
                          <path
                            name={props.name}
                            fill={point.colour ?? props.fill}
                            // Recharts spread the row onto its bar: a dimmed bar's opacity applies twice.
                            opacity={point.opacity}
                            fillOpacity={point.opacity ?? 1}
                            cursor="pointer"
                            className="recharts-rectangle"
                            d={rectPath(box)}
                            onClick={() => props.onBar(row)}
                          />
                        ) : null}
                      </g>
                    );
                  })}
                </g>
              </g>
              <g className="recharts-layer recharts-cartesian-axis recharts-xAxis xAxis">
                <line
                  className="recharts-cartesian-axis-line"
                  stroke="#666"
                  fill="none"
                  x1={plot.left}
                  y1={axisY}
                  x2={plot.left + plot.width}
                  y2={axisY}
                />
              </g>
              <g className="recharts-layer recharts-cartesian-axis recharts-yAxis yAxis">
                <line
                  className="recharts-cartesian-axis-line"
                  stroke="#666"
                  fill="none"
                  x1={plot.left}
                  y1={plot.top}
                  x2={plot.left}
                  y2={axisY}
                />
              </g>
              <g className="recharts-cartesian-axis-tick-labels recharts-xAxis-tick-labels">
                {tickAt.map((x, i) =>
                  x === undefined ? null : (
                    <text
                      key={i}
                      className="recharts-text recharts-cartesian-axis-tick-value"
                      fill="currentColor"
                      fontSize={TICK_SIZE}
                      x={x}
                      y={axisY + TICK_GAP}
                      textAnchor="middle"
                    >
                      <tspan x={x} dy="0.71em">
                        {tickLabels[i]}
                      </tspan>
                    </text>
                  ),
                )}
              </g>
              <g className="recharts-cartesian-axis-tick-labels recharts-yAxis-tick-labels">
                {data.map((row, i) => {
                  const box = boxes[i]!;
                  const x = plot.left - TICK_GAP;
                  const lines = wrapWords(props.category(row), categoryWidth, (t) => textWidth(t, fontPx));
                  return (
                    <SvgText
                      key={i}
                      className="recharts-text recharts-cartesian-axis-tick-value"
                      fontSize={TICK_SIZE}
                      x={x}
                      y={box.bandStart + box.band / 2}
                      textAnchor="end"
                      lines={lines}
                    />
                  );
                })}
              </g>
              <g className="recharts-layer recharts-label-list">
                {data.map((row, i) => {
                  const value = values[i];
                  if (value === undefined) return null;
                  const box = boxes[i]!;
                  const x = box.x + box.width + 5;
                  return (
                    <SvgText
                      key={i}
                      className="recharts-text recharts-label"
                      fontSize={LABEL_SIZE}
                      x={x}
                      y={box.y + box.height / 2}
                      textAnchor="start"
                      lines={[props.label(value)]}
                    />
                  );
                })}
              </g>
            </svg>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/**
 * Text as Recharts' `Text` writes it: one tspan a line, the block centred on `y` (up half a line per
 * extra line), so exports and e2e queries see the same elements.
 */
function SvgText({
  className,
  fontSize,
  x,
  y,
  textAnchor,
  lines,
}: {
  className: string;
  fontSize: number;
  x: number;
  y: number;
  textAnchor: 'start' | 'end';
  lines: readonly string[];
}) {
  const first = `${Number((0.355 - (lines.length - 1) / 2).toFixed(4))}em`;
  return (
    <text className={className} fill="currentColor" fontSize={fontSize} x={x} y={y} textAnchor={textAnchor}>
      {lines.map((line, l) => (
        <tspan key={l} x={x} dy={l === 0 ? first : '1em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
