import type { DealFilter, StageCount } from '../../domain';
import { useMemo } from 'react';
import { selectionOpacity } from './chart-theme';
import { STAGE_COLOURS } from './chart-colours';
import { useStableCallback } from '../../components/use-stable-callback';
import type { ExportContext } from '../../components/chart-export/export-menu';
import { SvgBarChart } from '../../components/charts/svg-bar-chart';
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
  const onBar = useStableCallback((stage: StageCount) => onStatus(stage.status));
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
      <SvgBarChart
        data={rows}
        category={(s) => s.label}
        value={(s) => s.count}
        fill={ON_PATH}
        name="Deals"
        margin={MARGIN}
        categoryWidth={128}
        ticks={ticks}
        domain={domain}
        tickFormat={countAxisFormat}
        label={formatCount}
        tooltip={tooltip}
        onBar={onBar}
      />
    </ChartCard>
  );
}
