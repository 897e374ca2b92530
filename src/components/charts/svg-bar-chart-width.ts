import { useEffect, useRef, useState } from 'react';

/**
 * The width of the element `ref` is put on, in whole pixels as Recharts' ResponsiveContainer rounds
 * it; -1 until it is known, so nothing is drawn at a wrong width. Only from the ResizeObserver: its
 * size is in the element's own CSS pixels, which the drawing's coordinates are, whereas
 * getBoundingClientRect under a slide's `zoom: 2` gives twice that (a chart drawn twice as wide
 * until the observer's first report).
 */
export function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(-1);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
