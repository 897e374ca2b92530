import { useEffect, useRef, useState } from 'react';

/**
 * The width of the element `ref` is put on, in whole pixels as Recharts' ResponsiveContainer rounds
 * it; -1 until it is known (after the first commit), so nothing is drawn at a wrong width.
 */
export function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(-1);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const set = (w: number) => setWidth(Math.round(w));
    set(element.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) set(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
