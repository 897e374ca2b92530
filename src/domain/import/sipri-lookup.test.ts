import { describe, expect, it } from 'vitest';
import { countryName } from '../model/vocabulary';
import { sipriCategory, sipriDomains } from './sipri-categories';
import { SIPRI_COUNTRY_CODES, sipriCountryCode } from './sipri-countries';
import { FIXTURES, fixtureRows } from './sipri-test-helpers';

describe('sipriCountryCode', () => {
  it('keeps the historical states apart from their successors', () => {
    expect(['Soviet Union', 'Czechoslovakia', 'East Germany', 'Yugoslavia'].map(sipriCountryCode)).toEqual([
      'SU',
      'CS',
      'DD',
      'YU',
    ]);
    expect(sipriCountryCode('Russia')).toBe('RU');
  });

  it('names no code for what is not a country', () => {
    expect(sipriCountryCode('unknown supplier(s)')).toBeUndefined();
    expect(sipriCountryCode('NATO**')).toBeUndefined();
  });

  it('has a display name for every code it gives', () => {
    const fixtureCountries = fixtureRows(FIXTURES.indiaRecipient).flatMap((row) => [
      row.cells[0]!,
      row.cells[1]!,
    ]);
    const codes = [
      ...SIPRI_COUNTRY_CODES,
      ...fixtureCountries.map(sipriCountryCode).filter((c) => c !== undefined),
    ];
    for (const code of new Set(codes)) expect(countryName(code), code).not.toBe(code);
  });
});

describe('sipriCategory', () => {
  it.each([
    ['armed UAV', 'uav'],
    ['loitering munition', 'uav'],
    ['turbofan', 'engine'],
    ['ship engine', 'engine'],
    ['FGA aircraft', 'combat-aircraft'],
    ['trainer/combat aircraft', 'combat-aircraft'],
    ['SAM', 'missile'],
    ['portable SAM', 'missile'],
    ['anti-ship missile', 'missile'],
    ['anti-submarine torpedo', 'missile'],
    ['frigate', 'naval-vessel'],
    ['submarine', 'naval-vessel'],
    ['aircraft carrier', 'naval-vessel'],
    ['self-propelled gun', 'artillery'],
    ['towed gun', 'artillery'],
    ['radar', 'sensor'],
    ['combat aircraft radar', 'sensor'],
    ['heavy transport aircraft', 'transport-aircraft'],
    ['maritime patrol aircraft', 'maritime-patrol-aircraft'],
    ['combat helicopter', 'helicopter'],
    ['tank', 'armoured-vehicle'],
    ['APC', 'armoured-vehicle'],
    ['guided glide bomb', 'munitions'],
    ['trainer aircraft', 'other'],
    ['air refuel system', 'other'],
  ] as const)('"%s" is %s', (description, category) => {
    expect(sipriCategory(description)).toBe(category);
  });

  it('gives domains only where they are plain', () => {
    expect(sipriDomains('submarine', 'naval-vessel')).toEqual(['maritime', 'undersea']);
    expect(sipriDomains('naval gun', 'artillery')).toEqual(['maritime']);
    expect(sipriDomains('towed gun', 'artillery')).toEqual(['land']);
    expect(sipriDomains('maritime patrol aircraft', 'maritime-patrol-aircraft')).toEqual(['air', 'maritime']);
    expect(sipriDomains('turbofan', 'engine')).toEqual([]);
  });
});
