import { useEffect, useRef } from 'react';

/**
 * Makes a `<details>` menu behave like a menu: Escape and a click outside close it, and focus goes back
 * to its `<summary>` (the trigger) when it would otherwise be lost. A plain `<details>` does neither,
 * so an open panel stayed over the page until its summary was clicked again.
 */
export function useDismissableMenu() {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const trigger = () => menu.querySelector<HTMLElement>(':scope > summary');
    const focusInMenuOrNowhere = () => {
      const now = document.activeElement;
      return now === null || now === document.body || menu.contains(now);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !menu.open) return;
      // Escape closes the menu and nothing else (the slides, say, leave on Escape).
      event.preventDefault();
      event.stopPropagation();
      const refocus = focusInMenuOrNowhere();
      menu.open = false;
      if (refocus) trigger()?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.open || menu.contains(event.target as Node)) return;
      const hadFocus = menu.contains(document.activeElement);
      menu.open = false;
      // The click moves focus after this event, to what was clicked or to nowhere: the trigger takes it
      // back only if it was in the menu and nothing else took it.
      setTimeout(() => {
        if (hadFocus && focusInMenuOrNowhere()) trigger()?.focus();
      });
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, []);
  return ref;
}
