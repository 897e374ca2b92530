/** The URL if it is an absolute http(s) address, else undefined: `javascript:` or `data:` never become links. */
export function safeExternalUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
