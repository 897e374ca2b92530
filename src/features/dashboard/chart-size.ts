import { createContext, useContext } from 'react';

/** Chart drawing height: 340 px on the dashboard, taller on a presentation slide. */
export const ChartHeightContext = createContext(340);

export function useChartHeight(): number {
  return useContext(ChartHeightContext);
}
