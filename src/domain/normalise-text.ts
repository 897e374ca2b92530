// Most text is plain printable ASCII, where decomposing and stripping marks changes nothing.
const ASCII = /^[ -~\n\t]*$/;

/** Lower case without accents, so "Sécurité" is found by "securite". */
export function normaliseText(value: string): string {
  if (ASCII.test(value)) return value.toLowerCase();
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
