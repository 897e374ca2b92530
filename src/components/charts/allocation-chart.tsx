import { memo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { AllocationRow } from '../../domain';
import { SERVICE_COLOURS } from './palette';

// Recharts re-derives a chart whenever an object or function prop changes identity: these never do.
const MARGIN = { top: 28, right: 16, bottom: 8, left: 0 };
const X_TICK = { fill: 'currentColor', fontSize: 14 };
const Y_TICK = { fill: 'currentColor', fontSize: 13 };
const CURSOR = { fillOpacity: 0.08 };
const TOOLTIP_STYLE = { color: '#111', borderRadius: 6 };
const RADIUS: [number, number, number, number] = [4, 4, 0, 0];

/** Units by armed service as bars; the numbers are printed on the bars so a projector shows them. */
export const AllocationChart = memo(function AllocationChart({
  rows,
  unit,
  height = 300,
  labelled = true,
}: {
  rows: AllocationRow[];
  unit: string;
  height?: number;
  /** False inside a ChartCard, which names the drawing itself. */
  labelled?: boolean;
}) {
  const summary = rows.map((r) => `${r.label} ${r.units}`).join(', ');
  return (
    <div
      {...(labelled ? { role: 'img', 'aria-label': `${unit} by armed service: ${summary}` } : {})}
      className="chart-frame"
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={MARGIN}>
          <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="label" tick={X_TICK} tickLine={false} interval={0} />
          <YAxis allowDecimals={false} tick={Y_TICK} tickLine={false} axisLine={false} width={40} />
          <Tooltip
            cursor={CURSOR}
            formatter={(value) => [`${String(value)} ${unit}`, 'Units']}
            contentStyle={TOOLTIP_STYLE}
          />
          <Bar dataKey="units" name="Units" radius={RADIUS} isAnimationActive={false} maxBarSize={120}>
            {rows.map((row) => (
              <Cell key={row.service} fill={SERVICE_COLOURS[row.service]} />
            ))}
            <LabelList dataKey="units" position="top" fill="currentColor" fontSize={16} fontWeight={600} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
});
