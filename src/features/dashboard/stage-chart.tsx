import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { DealFilter, StageCount } from '../../domain';
import { useMemo } from 'react';
import { AXIS_TICK, selectionOpacity, TOOLTIP_CURSOR, TOOLTIP_STYLE } from './chart-theme';
import { dimmableBar } from './bar-shapes';
import { STAGE_COLOURS } from './chart-colours';
import { useStableCallback } from '../../components/use-stable-callback';
import type { ExportContext } from '../../components/chart-export/export-menu';
import { ChartFrame } from '../../components/charts/chart-frame';
import { ChartCard, FilterButton } from '../../components/charts/chart-card';
import {
  DrillThroughHeader,
  DrillThroughRow,
  DrillThroughTooltip,
  useBarDeals,
} from '../../components/charts/drill-through';
import { countAxisFormat, formatCount, roundTicks } from '../../domain';
import { facetBar } from '../../domain/filter/drill-through';

const ON_PATH = STAGE_COLOURS['on-path'];
const OFF_PATH = STAGE_COLOURS['off-path'];
const MARGIN = { top: 4, right: 48, bottom: 4, left: 8 };
const formatLabel = (v: unknown) => formatCount(Number(v));
const LABELS = (
  <LabelList dataKey="count" position="right" fill="currentColor" fontSize={14} formatter={formatLabel} />
);

/** Lifecycle as horizontal bars in order, stalled and cancelled in another colour below the path. */
export function StageChart({
  stages,
  filter,
  subtitle,
  onStatus,
  exportContext,
}: {
  stages: StageCount[];
  filter: DealFilter;
  subtitle: string;
  onStatus: (status: string) => void;
  exportContext?: ExportContext;
}) {
  const total = stages.reduce((n, s) => n + s.count, 0);
  const rows = useMemo(
    () =>
      stages.map((s) => ({
        ...s,
        colour: s.offPath ? OFF_PATH : ON_PATH,
        opacity: selectionOpacity(filter.status, s.status),
      })),
    [stages, filter.status],
  );
  const onBar = useStableCallback((bar: { payload?: unknown }) =>
    onStatus(String((bar.payload as StageCount).status)),
  );
  const ticks = useMemo(() => roundTicks(Math.max(0, ...stages.map((s) => s.count))), [stages]);
  const domain = useMemo(() => [0, ticks.at(-1) ?? 1] as [number, number], [ticks]);
  const dealsOf = useBarDeals(filter);
  const tooltip = useMemo(
    () => (
      <DrillThroughTooltip
        dealsOf={dealsOf}
        describe={(point) => {
          const s = point as StageCount;
          return { title: s.label, bar: facetBar('status', s.status) };
        }}
      />
    ),
    [dealsOf],
  );
  return (
    <ChartCard
      exportContext={exportContext}
      chartId="stages"
      title="Deals by lifecycle stage"
      subtitle={`${subtitle} · announced → completed; stalled and cancelled apart`}
      summary={stages.map((s) => `${s.label} ${s.count}`).join(', ')}
      empty={total === 0 ? 'No deal matches these filters.' : undefined}
      table={
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col" className="num">
                Deals
              </th>
              <DrillThroughHeader />
            </tr>
          </thead>
          <tbody>
            {stages.map((s) => (
              <DrillThroughRow
                key={s.status}
                columns={2}
                title={s.label}
                count={s.count}
                filter={filter}
                bar={facetBar('status', s.status)}
                deals={() => dealsOf(facetBar('status', s.status))}
                cells={
                  <>
                    <th scope="row">
                      <FilterButton
                        label={s.label}
                        active={filter.status?.includes(s.status) ?? false}
                        onClick={() => onStatus(s.status)}
                      />
                    </th>
                    <td className="num">{formatCount(s.count)}</td>
                  </>
                }
              />
            ))}
          </tbody>
        </table>
      }
    >
      <ChartFrame>
        <BarChart data={rows} layout="vertical" margin={MARGIN}>
          <CartesianGrid horizontal={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis
            type="number"
            tick={AXIS_TICK}
            tickLine={false}
            ticks={ticks}
            domain={domain}
            interval={0}
            tickFormatter={countAxisFormat}
          />
          <YAxis type="category" dataKey="label" tick={AXIS_TICK} tickLine={false} width={128} interval={0} />
          <Tooltip cursor={TOOLTIP_CURSOR} contentStyle={TOOLTIP_STYLE} content={tooltip} />
          <Bar
            dataKey="count"
            name="Deals"
            fill={ON_PATH}
            shape={dimmableBar}
            isAnimationActive={false}
            cursor="pointer"
            onClick={onBar}
          >
            {LABELS}
          </Bar>
        </BarChart>
      </ChartFrame>
    </ChartCard>
  );
}
