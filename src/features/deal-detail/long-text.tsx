import { useState } from 'react';
import { DataText } from '../../components/data-text';
import { formatCount } from '../../domain';
import { clampLabel } from '../../domain/text/clamp-text';

/** Past this many characters a text is shown cut, with a button for the rest. */
export const LONG_TEXT = 2_000;

function size(text: string): string {
  return text.length >= 1e6
    ? `${(text.length / 1e6).toFixed(1)} million characters`
    : `${formatCount(text.length)} characters`;
}

/**
 * A record's text in full, except where it runs so long (a feed once sent a megabyte) that laying it
 * out would stall the page: then its beginning, and "Show all" to lay out the rest on request.
 */
export function LongText({ text, max = LONG_TEXT }: { text: string; max?: number }) {
  const [all, setAll] = useState(false);
  if (all || text.length <= max) return <DataText>{text}</DataText>;
  return (
    <>
      <DataText>{clampLabel(text, max)}</DataText>{' '}
      <button type="button" className="link-button" onClick={() => setAll(true)}>
        Show all ({size(text)})
      </button>
    </>
  );
}
