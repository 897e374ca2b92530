import { useEffect, useState } from 'react';
import type { Briefing } from '../../domain/export/deck-model';

/** Back and Next on screen, for a presenter with a mouse or a touch screen rather than a keyboard. */
export function SlideNav({
  index,
  count,
  onGo,
}: {
  index: number;
  count: number;
  onGo: (to: number) => void;
}) {
  const first = index <= 0;
  const last = index >= count - 1;
  // aria-disabled, not disabled: the button keeps focus at the end of the show, so Tab does not restart.
  return (
    <div className="present__nav" role="group" aria-label="Slides">
      <button
        type="button"
        className="present__button"
        aria-disabled={first}
        onClick={() => !first && onGo(index - 1)}
      >
        <span aria-hidden="true">← </span>Previous slide
      </button>
      <span className="present__count">
        {index + 1} / {count}
      </span>
      <button
        type="button"
        className="present__button"
        aria-disabled={last}
        onClick={() => !last && onGo(index + 1)}
      >
        Next slide<span aria-hidden="true"> →</span>
      </button>
    </div>
  );
}

/** Full screen on and off through the Fullscreen API; absent where the page may not use it. */
export function FullscreenButton() {
  const [on, setOn] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const sync = () => setOn(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, []);
  if (!document.fullscreenEnabled) return null;
  const toggle = () => {
    // A refusal (no user gesture, a policy) leaves the slide as it was; there is nothing to undo.
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  };
  return (
    <button type="button" className="present__button" aria-pressed={on} onClick={toggle}>
      {on ? 'Exit full screen' : 'Full screen'}
    </button>
  );
}

/**
 * "Download these slides": the show as a PowerPoint deck with native charts. The writer and pptxgenjs
 * load on the first press; the status says when the file is saved or what went wrong.
 */
export function DownloadSlidesButton({ briefing }: { briefing: () => Briefing }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const run = () => {
    if (busy) return;
    setBusy(true);
    setStatus('Preparing the deck…');
    void import('../../components/chart-export/pptx/export-deck')
      .then((m) => m.exportDeck(briefing()))
      .catch(
        (error: unknown) => `Could not export: ${error instanceof Error ? error.message : String(error)}`,
      )
      .then((message) => {
        setStatus(message);
        setBusy(false);
      });
  };
  return (
    <>
      <button type="button" className="present__button" aria-disabled={busy} onClick={run}>
        Download these slides
      </button>
      <span role="status" className="present__status">
        {status}
      </span>
    </>
  );
}
