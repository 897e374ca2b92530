/**
 * Country names as registers write them, to ISO 3166-1 alpha-2 codes. A small table, not a gazetteer:
 * a name not in it is reported to the user ("not a country the tracker knows"), never guessed. Keys
 * are folded by `countryKey` (lowercase, accents and punctuation dropped), so "Türkiye", "TURKIYE" and
 * "Turkiye" are one key.
 */
const NAMES: Record<string, string> = {
  Afghanistan: 'AF',
  Algeria: 'DZ',
  Angola: 'AO',
  Argentina: 'AR',
  Armenia: 'AM',
  Australia: 'AU',
  Austria: 'AT',
  Azerbaijan: 'AZ',
  Bahrain: 'BH',
  Bangladesh: 'BD',
  Belarus: 'BY',
  Belgium: 'BE',
  Bhutan: 'BT',
  Bolivia: 'BO',
  Brazil: 'BR',
  Bulgaria: 'BG',
  Cambodia: 'KH',
  Canada: 'CA',
  Chile: 'CL',
  China: 'CN',
  Colombia: 'CO',
  Croatia: 'HR',
  Cyprus: 'CY',
  Czechia: 'CZ',
  'Czech Republic': 'CZ',
  Denmark: 'DK',
  Ecuador: 'EC',
  Egypt: 'EG',
  Estonia: 'EE',
  Ethiopia: 'ET',
  Finland: 'FI',
  France: 'FR',
  Georgia: 'GE',
  Germany: 'DE',
  Ghana: 'GH',
  Greece: 'GR',
  Hungary: 'HU',
  Iceland: 'IS',
  India: 'IN',
  Indonesia: 'ID',
  Iran: 'IR',
  Iraq: 'IQ',
  Ireland: 'IE',
  Israel: 'IL',
  Italy: 'IT',
  Japan: 'JP',
  Jordan: 'JO',
  Kazakhstan: 'KZ',
  Kenya: 'KE',
  Kuwait: 'KW',
  Kyrgyzstan: 'KG',
  Latvia: 'LV',
  Lebanon: 'LB',
  Libya: 'LY',
  Lithuania: 'LT',
  Luxembourg: 'LU',
  Malaysia: 'MY',
  Maldives: 'MV',
  Mauritius: 'MU',
  Mexico: 'MX',
  Mongolia: 'MN',
  Morocco: 'MA',
  Myanmar: 'MM',
  Nepal: 'NP',
  Netherlands: 'NL',
  'New Zealand': 'NZ',
  Nigeria: 'NG',
  'North Korea': 'KP',
  'North Macedonia': 'MK',
  Norway: 'NO',
  Oman: 'OM',
  Pakistan: 'PK',
  Peru: 'PE',
  Philippines: 'PH',
  Poland: 'PL',
  Portugal: 'PT',
  Qatar: 'QA',
  Romania: 'RO',
  Russia: 'RU',
  'Russian Federation': 'RU',
  'Saudi Arabia': 'SA',
  Serbia: 'RS',
  Seychelles: 'SC',
  Singapore: 'SG',
  Slovakia: 'SK',
  Slovenia: 'SI',
  'South Africa': 'ZA',
  'South Korea': 'KR',
  'Korea, Republic of': 'KR',
  'Republic of Korea': 'KR',
  Spain: 'ES',
  'Sri Lanka': 'LK',
  Sweden: 'SE',
  Switzerland: 'CH',
  Syria: 'SY',
  Taiwan: 'TW',
  Tanzania: 'TZ',
  Thailand: 'TH',
  Tunisia: 'TN',
  Turkey: 'TR',
  Türkiye: 'TR',
  Uganda: 'UG',
  Ukraine: 'UA',
  'United Arab Emirates': 'AE',
  UAE: 'AE',
  'United Kingdom': 'GB',
  'United Kingdom of Great Britain and Northern Ireland': 'GB',
  UK: 'GB',
  'Great Britain': 'GB',
  'United States': 'US',
  'United States of America': 'US',
  USA: 'US',
  US: 'US',
  Uzbekistan: 'UZ',
  Venezuela: 'VE',
  'Viet Nam': 'VN',
  Vietnam: 'VN',
  Yemen: 'YE',
};

/** The name folded for lookup: "Türkiye " and "turkiye" are one key. */
export function countryKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const BY_KEY = new Map(Object.entries(NAMES).map(([name, code]) => [countryKey(name), code]));
const CODES = new Set(Object.values(NAMES));

/**
 * The ISO alpha-2 code of a country named as a register writes it, or of a code the table knows
 * ("GB", "gb"); undefined when the name is not one the tracker knows.
 */
export function countryCode(name: string): string | undefined {
  const trimmed = name.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && CODES.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return BY_KEY.get(countryKey(trimmed));
}
