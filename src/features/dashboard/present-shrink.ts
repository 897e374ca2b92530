import { useLayoutEffect } from 'react';

const SMALLEST = 0.55;
const STEP = 0.05;

/**
 * Shrinks a slide's text (the `--fit` factor its CSS multiplies font sizes by) until it fits its box:
 * text slides (title, key figures) hold sentences whose length the data decides, so no fixed size
 * fits every window. Re-run when the box is resized; the box is sized by the slide, not its text, so
 * shrinking does not resize it again.
 */
export function useShrinkToFit(element: HTMLElement | null): void {
  useLayoutEffect(() => {
    if (!element) return;
    const overflows = () =>
      element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
    const fit = () => {
      let scale = 1;
      element.style.setProperty('--fit', '1');
      while (scale > SMALLEST && overflows()) {
        scale = Math.round((scale - STEP) * 100) / 100;
        element.style.setProperty('--fit', String(scale));
      }
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
}
