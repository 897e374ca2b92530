import { useLayoutEffect, useState } from 'react';

export interface Area {
  width: number;
  height: number;
}

export interface SlideFit {
  /** Height for the current slide's chart drawing, in pixels; 0 until measured. */
  chart: number;
  /** The room a timeline slide leaves for its drawing, measured on a hidden copy of its card. */
  timeline: Area | null;
}

const CHART_AREA = '.chart-card__chart';
// A pixel short of the measured room, so rounding never pushes the last pixel row off the slide.
const SLACK = 2;

const same = (a: SlideFit, b: SlideFit) =>
  a.chart === b.chart && a.timeline?.width === b.timeline?.width && a.timeline?.height === b.timeline?.height;

/**
 * Sizes a slide's chart from the room its slide leaves, not from a fixed height: the slide is a
 * column of notice, body and footer, the chart area in the body flexes (present.css), and its measured
 * size goes to the chart. A ResizeObserver reports it when a slide mounts (each slide's `content` is a
 * new element, and its title and footer leave a different room) and whenever the window, full screen
 * or zoom changes it; its reports come after layout and before paint, so no slide is seen unfitted.
 * `probe` holds a hidden timeline card with no drawing, measured the same way.
 */
export function useSlideFit(content: HTMLElement | null, probe: HTMLElement | null): SlideFit {
  const [fit, setFit] = useState<SlideFit>({ chart: 0, timeline: null });

  useLayoutEffect(() => {
    const chart = content?.querySelector<HTMLElement>(CHART_AREA);
    const room = probe?.querySelector<HTMLElement>(CHART_AREA);
    const measure = () => {
      const next: SlideFit = {
        chart: chart ? Math.max(0, Math.floor(chart.clientHeight) - SLACK) : 0,
        timeline: room
          ? {
              width: Math.max(0, Math.floor(room.clientWidth) - SLACK),
              height: Math.max(0, Math.floor(room.clientHeight) - SLACK),
            }
          : null,
      };
      setFit((current) => (same(current, next) ? current : next));
    };
    const observer = new ResizeObserver(measure);
    for (const element of [content, chart, probe, room]) if (element) observer.observe(element);
    return () => observer.disconnect();
  }, [content, probe]);

  return fit;
}
