// Most text is plain printable ASCII, where decomposing and stripping marks changes nothing.
const ASCII = /^[ -~\n\t]*$/;

/** Lower case without accents, so "Sécurité" is found by "securite". */
export function normaliseText(value: string): string {
  if (ASCII.test(value)) return value.toLowerCase();
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Normalised text with everything but letters and digits removed, so "MQ9B", "mq 9b" and "MQ-9B" meet:
 * a search token that fails on the plain text is tried again on this.
 */
export function compactText(value: string): string {
  return normaliseText(value).replace(/[^\p{L}\p{N}]+/gu, '');
}
