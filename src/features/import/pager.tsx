import { formatCount } from '../../domain';

/** "21–40 of 700" with Previous and Next: long lists are shown a page at a time. */
export function Pager({
  offset,
  pageSize,
  total,
  onOffset,
  what,
}: {
  offset: number;
  pageSize: number;
  total: number;
  onOffset: (offset: number) => void;
  what: string;
}) {
  if (total <= pageSize) return null;
  const last = Math.min(total, offset + pageSize);
  return (
    <nav className="pager" aria-label={`Pages of ${what}`}>
      <button type="button" onClick={() => onOffset(Math.max(0, offset - pageSize))} disabled={offset === 0}>
        Previous
      </button>
      <span aria-live="polite">
        {formatCount(offset + 1)}–{formatCount(last)} of {formatCount(total)}
      </span>
      <button type="button" onClick={() => onOffset(offset + pageSize)} disabled={last >= total}>
        Next
      </button>
    </nav>
  );
}
