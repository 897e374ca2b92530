/*
 * When a revision was saved: the date and time in the reader's time zone, and how long ago
 * ("1 Dec 2026, 10:00 (3 hours ago)"), in a `<time>` that carries the exact instant.
 */

const absolute = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "3 hours ago", "just now", "yesterday"; a clock ahead of the saver's says "just now", not "in 2 s". */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  let value = (then - now) / 1000;
  if (Math.abs(value) < 45) return 'just now';
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
    value /= size;
  }
  return '';
}

export function absoluteTime(iso: string): string {
  const then = Date.parse(iso);
  return Number.isNaN(then) ? iso : absolute.format(then);
}

export function RevisionTime({ iso, now }: { iso: string; now?: number }) {
  const rel = relativeTime(iso, now);
  return (
    <time dateTime={iso} title={iso}>
      {absoluteTime(iso)}
      {rel ? ` (${rel})` : ''}
    </time>
  );
}
