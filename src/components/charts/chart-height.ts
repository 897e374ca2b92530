import { createContext, useContext } from 'react';

/**
 * Chart drawing height: 340 px on the dashboard, taller on a presentation slide, and whatever an
 * export at a slide, page or card size leaves for the drawing (`ChartCard` renders a copy at that size).
 */
export const ChartHeightContext = createContext(340);

export function useChartHeight(): number {
  return useContext(ChartHeightContext);
}
