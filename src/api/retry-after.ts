/**
 * `Retry-After` in milliseconds from now: delay-seconds ("120") or an HTTP date. Undefined when the
 * header is absent or unreadable, so the caller falls back to its own back-off.
 */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  // Only a date-like value: Date.parse also reads bare numbers such as "-5" or "1.5" as years.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
