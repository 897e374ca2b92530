import { Rectangle, type BarShapeProps } from 'recharts';

/**
 * A bar dimmed by its data point's `opacity` (and coloured by its `colour`, where it has one).
 * Drawing the selection from the data, not from <Cell> children, keeps a <Bar>'s props the same from
 * one render to the next, so Recharts skips the bars whose data did not change.
 */
export function dimmableBar(props: BarShapeProps) {
  const point = props.payload as { opacity?: number; colour?: string } | undefined;
  const opacity = (Number(props.fillOpacity ?? 1) || 1) * (point?.opacity ?? 1);
  return <Rectangle {...props} fill={point?.colour ?? props.fill} fillOpacity={opacity} />;
}
