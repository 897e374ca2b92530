import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SvgBarChart, type TooltipProps } from './svg-bar-chart';
import { preserveStartEnd, tooltipAt, wrapWords } from './svg-bar-chart-geometry';

interface Row {
  label: string;
  count: number | undefined;
  opacity?: number;
  colour?: string;
}

const ROWS: Row[] = [
  { label: 'Announced', count: 5 },
  { label: 'Completed', count: 10, opacity: 0.3, colour: '#E69F00' },
  { label: 'Stalled', count: 0 },
  { label: 'Unknown value', count: undefined },
];

function Tip({ active, payload }: TooltipProps) {
  const row = payload?.[0]?.payload as Row | undefined;
  return active && row ? <p>Tooltip: {row.label}</p> : null;
}

function chart(onBar = vi.fn()) {
  const view = render(
    <SvgBarChart
      data={ROWS}
      category={(r) => r.label}
      value={(r) => r.count}
      fill="#0072B2"
      margin={{ top: 4, right: 48, bottom: 4, left: 8 }}
      categoryWidth={128}
      ticks={[0, 5, 10]}
      domain={[0, 10]}
      tickFormat={(v) => `${v}`}
      label={(v) => `n=${v}`}
      tooltip={<Tip />}
      onBar={onBar}
    />,
  );
  // The test setup gives every element 800 × 300 px; the chart is 340 px tall (the dashboard's).
  const wrapper = view.container.querySelector<HTMLElement>('.recharts-wrapper')!;
  return { ...view, wrapper, onBar };
}

const bars = (root: HTMLElement) => [...root.querySelectorAll('.recharts-bar-rectangle')];

describe('SvgBarChart', () => {
  it('draws a bar per category to scale, with its value, category and axis labels', () => {
    const { wrapper } = chart();
    const svg = wrapper.querySelector('svg.recharts-surface')!;
    expect(svg).toHaveAttribute('viewBox', '0 0 800 340');
    // Plot: 136 px (margin + axis) to 752 px (right margin 48): 10 deals span 616 px.
    const paths = bars(wrapper).map((g) => g.querySelector('path'));
    expect(paths[0]).toHaveAttribute('d', expect.stringMatching(/^M 136,[\d.]+ h 308 /));
    expect(paths[1]).toHaveAttribute('d', expect.stringMatching(/^M 136,[\d.]+ h 616 /));
    // No bar for nothing, nor for a value not known; a 0 still says so.
    expect(paths[2]).toBeNull();
    expect(paths[3]).toBeNull();
    const labels = [...wrapper.querySelectorAll('.recharts-label-list text')].map((t) => t.textContent);
    expect(labels).toEqual(['n=5', 'n=10', 'n=0']);
    const ticks = [...wrapper.querySelectorAll('.recharts-cartesian-axis-tick-value')].map(
      (t) => t.textContent,
    );
    expect(ticks).toEqual(['0', '5', '10', 'Announced', 'Completed', 'Stalled', 'Unknown value']);
  });

  it('colours and dims a bar from its row, as the selection says', () => {
    const { wrapper } = chart();
    const [plain, dimmed] = bars(wrapper).map((g) => g.querySelector('path')!);
    expect(plain).toHaveAttribute('fill', '#0072B2');
    expect(plain).toHaveAttribute('fill-opacity', '1');
    expect(dimmed).toHaveAttribute('fill', '#E69F00');
    expect(dimmed).toHaveAttribute('fill-opacity', '0.3');
    expect(dimmed).toHaveAttribute('opacity', '0.3');
  });

  it('filters from a click on a bar', () => {
    const { wrapper, onBar } = chart();
    fireEvent.click(bars(wrapper)[1]!.querySelector('path')!);
    expect(onBar).toHaveBeenCalledWith(ROWS[1]);
  });

  it('shows the tooltip of the band under the pointer, with its cursor band, until the pointer leaves', () => {
    const { wrapper } = chart();
    // Bands of 302 / 4 = 75.5 px from y = 4: y = 100 is the second.
    fireEvent.mouseMove(wrapper, { clientX: 300, clientY: 100 });
    expect(screen.getByText('Tooltip: Completed')).toBeInTheDocument();
    expect(wrapper.querySelector('.recharts-tooltip-cursor')).not.toBeNull();
    fireEvent.mouseMove(wrapper, { clientX: 20, clientY: 100 });
    expect(screen.queryByText(/^Tooltip/)).toBeNull();
    fireEvent.mouseMove(wrapper, { clientX: 300, clientY: 300 });
    expect(screen.getByText('Tooltip: Unknown value')).toBeInTheDocument();
    fireEvent.mouseLeave(wrapper);
    expect(screen.queryByText(/^Tooltip/)).toBeNull();
    expect(wrapper.querySelector('.recharts-tooltip-cursor')).toBeNull();
  });

  it('moves the tooltip from bar to bar with the arrow keys, and Escape hides it', () => {
    const { wrapper } = chart();
    const svg = wrapper.querySelector('svg')!;
    expect(svg).toHaveAttribute('tabindex', '0');
    fireEvent.focus(svg);
    expect(screen.getByText('Tooltip: Announced')).toBeInTheDocument();
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    expect(screen.getByText('Tooltip: Completed')).toBeInTheDocument();
    fireEvent.keyDown(svg, { key: 'ArrowLeft' });
    fireEvent.keyDown(svg, { key: 'ArrowLeft' });
    expect(screen.getByText('Tooltip: Announced')).toBeInTheDocument();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByText(/^Tooltip/)).toBeNull();
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    expect(screen.getByText('Tooltip: Completed')).toBeInTheDocument();
    fireEvent.blur(svg);
    expect(screen.queryByText(/^Tooltip/)).toBeNull();
  });
});

describe('the axis labels, laid out as Recharts lays them out', () => {
  const measure = (s: string) => s.length * 10;

  it('wraps a category label at spaces where it is wider than its axis', () => {
    expect(wrapWords('Contract signed', 160, measure)).toEqual(['Contract signed']);
    expect(wrapWords('Maritime patrol aircraft', 160, measure)).toEqual(['Maritime patrol', 'aircraft']);
    expect(wrapWords('Engine', 10, measure)).toEqual(['Engine']);
  });

  it('keeps the first and last value ticks inside the chart and drops those that would touch', () => {
    // Labels 20 px wide at 0, 10, 20 … 100 px on a 100 px chart: 5 px apart at least.
    const positions = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const shown = preserveStartEnd(
      positions,
      positions.map(() => 20),
      0,
      100,
    );
    const u = undefined;
    expect(shown).toEqual([10, u, u, u, 40, u, u, u, u, u, 90]);
  });

  it('puts the tooltip 10 px after the pointer, or before it where it would leave the plot', () => {
    expect(tooltipAt(100, 50, 0, 400)).toBe(110);
    expect(tooltipAt(380, 50, 0, 400)).toBe(320);
    // Wider than the room on either side: against the plot's start.
    expect(tooltipAt(30, 390, 0, 400)).toBe(0);
  });
});
