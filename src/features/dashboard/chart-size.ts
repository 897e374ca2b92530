// The context lives with the chart card, which lays a chart out again at an export's size.
export { ChartHeightContext, useChartHeight } from '../../components/charts/chart-height';
