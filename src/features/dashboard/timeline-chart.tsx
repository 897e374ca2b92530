import { useNavigate } from '../../components/routing';
import { contextSearch, useApiContext } from '../../components/api-context';
import { formatPartialDate, LABELS, type Timeline, formatCount } from '../../domain';
import type { ExportContext } from '../../components/chart-export/export-menu';
import { ChartCard } from '../../components/charts/chart-card';

const ROW = 30;
const LABEL_W = 300;
const AXIS_H = 28;
const PLOT_W = 760;
const BEFORE = '#56B4E9';
const AFTER = '#0072B2';

/**
 * Each deal as a bar from its first milestone to signature (light) and on to its last delivery (dark),
 * with every milestone marked. Recharts has no Gantt chart, so this one is drawn as plain SVG; it uses
 * no CSS variables for colour, so an exported image keeps them.
 */
export function TimelineChart({
  data,
  subtitle,
  exportContext,
}: {
  data: Timeline;
  subtitle: string;
  exportContext?: ExportContext;
}) {
  const navigate = useNavigate();
  const search = contextSearch(useApiContext());
  const [lo, hi] = data.domain;
  const span = Math.max(1, hi - lo);
  const x = (t: number) => LABEL_W + ((t - lo) / span) * PLOT_W;
  const step = span > 30 ? 5 : span > 12 ? 2 : 1;
  const ticks: number[] = [];
  for (let y = Math.ceil(lo / step) * step; y <= hi; y += step) ticks.push(y);
  const height = AXIS_H + data.rows.length * ROW + 8;
  const open = (id: string) => void navigate(`/deals/${encodeURIComponent(id)}${search}`);
  const years = (a: number, b: number) => Math.round(b - a);
  const summary = data.rows
    .map(
      (r) =>
        `${r.title}: ${formatPartialDate(r.markers[0]!.date)} to ${formatPartialDate(r.markers[r.markers.length - 1]!.date)}`,
    )
    .join('; ');
  const notes = [
    data.omitted > 0
      ? `the ${data.rows.length} largest by dollar value of ${formatCount(data.rows.length + data.omitted)} deals are drawn; filter to see others`
      : '',
    data.undated > 0 ? `${formatCount(data.undated)} without a dated milestone not drawn` : '',
  ].filter(Boolean);
  return (
    <ChartCard
      exportContext={exportContext}
      className="chart-card--wide"
      interactive
      title="From first step to signature and delivery"
      subtitle={`${subtitle} · light: before signature (or MoU, lease) · dark: signature to last delivery · dots: milestones`}
      summary={summary}
      empty={data.rows.length === 0 ? 'No deal under these filters has a dated milestone.' : undefined}
      table={
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Deal</th>
              <th scope="col">Milestones</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => open(r.id)}>
                    {r.title}
                  </button>
                </th>
                <td>
                  {r.markers
                    .map((m) => `${formatPartialDate(m.date)} ${LABELS.milestone[m.kind].toLowerCase()}`)
                    .join(' → ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      footer={notes.length > 0 ? <>{notes.join('; ')}.</> : null}
    >
      <div className="timeline-scroll">
        <svg
          viewBox={`0 0 ${LABEL_W + PLOT_W + 24} ${height}`}
          width="100%"
          style={{ minWidth: 720, fontFamily: 'inherit' }}
          className="timeline"
        >
          {ticks.map((t) => (
            <g key={t}>
              <line
                x1={x(t)}
                x2={x(t)}
                y1={AXIS_H - 6}
                y2={height}
                stroke="currentColor"
                strokeOpacity={0.15}
              />
              <text x={x(t)} y={AXIS_H - 10} textAnchor="middle" fontSize={13} fill="currentColor">
                {t}
              </text>
            </g>
          ))}
          {data.rows.map((r, i) => {
            const y = AXIS_H + i * ROW;
            const mid = y + ROW / 2;
            const signed = r.signed;
            const delivered = r.delivered;
            const title = r.title.length > 38 ? `${r.title.slice(0, 37)}…` : r.title;
            return (
              <g
                key={r.id}
                className="timeline__row"
                onClick={() => open(r.id)}
                role="link"
                tabIndex={0}
                aria-label={`${r.title}: open the deal`}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') open(r.id);
                }}
              >
                <title>
                  {r.title}
                  {signed !== undefined
                    ? ` — ${years(r.start, signed)} years from first step to signature`
                    : ''}
                </title>
                <rect x={0} y={y} width={LABEL_W + PLOT_W + 24} height={ROW} fill="transparent" />
                <text x={LABEL_W - 10} y={mid + 5} textAnchor="end" fontSize={13} fill="currentColor">
                  {title}
                </text>
                <rect
                  x={x(r.start)}
                  y={mid - 6}
                  width={Math.max(2, x(signed ?? r.end) - x(r.start))}
                  height={12}
                  rx={3}
                  fill={BEFORE}
                />
                {signed !== undefined && delivered !== undefined && delivered > signed ? (
                  <rect
                    x={x(signed)}
                    y={mid - 6}
                    width={Math.max(2, x(delivered) - x(signed))}
                    height={12}
                    rx={3}
                    fill={AFTER}
                  />
                ) : null}
                {r.markers.map((m, j) => (
                  <circle
                    key={j}
                    cx={x(m.at)}
                    cy={mid}
                    r={4.5}
                    fill="#ffffff"
                    stroke="#16202a"
                    strokeWidth={1.5}
                  >
                    <title>{`${formatPartialDate(m.date)}: ${m.label}`}</title>
                  </circle>
                ))}
              </g>
            );
          })}
        </svg>
      </div>
    </ChartCard>
  );
}
