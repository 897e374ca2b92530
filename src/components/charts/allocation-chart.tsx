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

/** Units by armed service as bars; the numbers are printed on the bars so a projector shows them. */
export function AllocationChart({
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
        <BarChart data={rows} margin={{ top: 28, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis
            dataKey="label"
            tick={{ fill: 'currentColor', fontSize: 14 }}
            tickLine={false}
            interval={0}
          />
          <YAxis
            allowDecimals={false}
            tick={{ fill: 'currentColor', fontSize: 13 }}
            tickLine={false}
            axisLine={false}
            width={40}
          />
          <Tooltip
            cursor={{ fillOpacity: 0.08 }}
            formatter={(value) => [`${String(value)} ${unit}`, 'Units']}
            contentStyle={{ color: '#111', borderRadius: 6 }}
          />
          <Bar dataKey="units" name="Units" radius={[4, 4, 0, 0]} isAnimationActive={false} maxBarSize={120}>
            {rows.map((row) => (
              <Cell key={row.service} fill={SERVICE_COLOURS[row.service]} />
            ))}
            <LabelList dataKey="units" position="top" fill="currentColor" fontSize={16} fontWeight={600} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
