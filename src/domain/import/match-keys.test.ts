import { describe, expect, it } from 'vitest';
import { makeDeal } from '../../test/deal-fixtures';
import { compositeKey, normaliseSystemName } from './match-keys';

const signed = (date: string) => [{ kind: 'signature' as const, date, label: 'Signed', sourceIds: ['src'] }];

describe('compositeKey', () => {
  it('is the same for the same countries, system and year however they are written', () => {
    const a = makeDeal({
      supplierCountries: ['US', 'FR'],
      system: { name: 'C-17A Globemaster-3', category: 'transport-aircraft' },
      milestones: signed('2011-06-15'),
    });
    const b = makeDeal({
      supplierCountries: ['FR', 'US'],
      system: { name: 'c17a globemaster 3', category: 'other' },
      milestones: signed('2011'),
    });
    expect(compositeKey(a)).toBe('deal:FR,US|IN|c17aglobemaster3|2011');
    expect(compositeKey(b)).toBe(compositeKey(a));
  });

  it('tells apart another year, another buyer or another system', () => {
    const base = { system: { name: 'MQ-9 Reaper', category: 'uav' as const }, milestones: signed('2024') };
    const key = compositeKey(makeDeal(base));
    expect(compositeKey(makeDeal({ ...base, milestones: signed('2023') }))).not.toBe(key);
    expect(compositeKey(makeDeal({ ...base, buyerCountries: ['PK'] }))).not.toBe(key);
    expect(compositeKey(makeDeal({ ...base, system: { name: 'MQ-9B', category: 'uav' } }))).not.toBe(key);
  });

  it('gives no key without a system or a year: countries alone would be a guess', () => {
    expect(compositeKey(makeDeal({ milestones: signed('2024') }))).toBeUndefined();
    expect(compositeKey(makeDeal({ system: { name: 'MQ-9 Reaper', category: 'uav' } }))).toBeUndefined();
  });

  it('folds accents and punctuation out of system names', () => {
    expect(normaliseSystemName('Alizé')).toBe(normaliseSystemName('ALIZE'));
  });
});
