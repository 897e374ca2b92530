/**
 * SIPRI's country names to ISO 3166-1 alpha-2 codes. SIPRI writes the states of the time of the
 * order, so the historical states keep the codes ISO reserved for them (Soviet Union SU,
 * Czechoslovakia CS, East Germany DD, Yugoslavia YU) rather than being folded into their successors.
 * Anything else goes through the importers' shared table (`country-codes.ts`). A name neither knows,
 * such as SIPRI's "unknown supplier(s)" or an alliance ("NATO**"), is undefined: the row is rejected
 * with the name, never guessed.
 */
import { countryCode } from './country-codes';

const SIPRI_NAMES: Record<string, string> = {
  'Soviet Union': 'SU',
  USSR: 'SU',
  Czechoslovakia: 'CS',
  'East Germany (GDR)': 'DD',
  'East Germany': 'DD',
  'West Germany (FRG)': 'DE',
  'West Germany': 'DE',
  Yugoslavia: 'YU',
  Kyrgyzstan: 'KG',
  Turkiye: 'TR',
};

const BY_NAME = new Map(Object.entries(SIPRI_NAMES));

const looked = new Map<string, string | undefined>();

/** The code of a country as SIPRI names it, or undefined when the tracker does not know the name. */
export function sipriCountryCode(name: string): string | undefined {
  // A register names the same few dozen countries over and over: each name is looked up once.
  if (looked.has(name)) return looked.get(name);
  const trimmed = name.trim();
  const code = BY_NAME.get(trimmed) ?? countryCode(trimmed);
  if (looked.size < 10_000) looked.set(name, code);
  return code;
}

/** Every code this table itself adds (a test checks each has a display name). */
export const SIPRI_COUNTRY_CODES: readonly string[] = [...new Set(Object.values(SIPRI_NAMES))];
