import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';
import { useChartHeight } from './chart-height';

/**
 * A Recharts container as wide as its card and as tall as `ChartHeightContext` says. It reads the
 * height itself, below the `ChartCard`, so the copy a card lays out for an export at a slide's or a
 * page's size gets that size's height, not the one the chart was first drawn at.
 */
export function ChartFrame({ children }: { children: ReactElement }) {
  const height = useChartHeight();
  return (
    <ResponsiveContainer width="100%" height={height}>
      {children}
    </ResponsiveContainer>
  );
}
