import { Deal, type DealInput } from '../domain/model/deal-schema';

/**
 * Records shaped as the SIPRI importer writes them (origin, TIV, deliveries, no service split, no
 * money), built by hand so the views can be tested before and apart from the parser.
 */
export function sipriRecord(
  n: number,
  overrides: Partial<DealInput> & { supplier?: string; tivOrder?: number | null; year?: number } = {},
): Deal {
  const { supplier = 'RU', tivOrder = 100, year = 2000 + (n % 20), ...rest } = overrides;
  return Deal.parse({
    id: `sipri-${n}`,
    title: `SIPRI order ${n}`,
    summary: 'Imported from the SIPRI trade register.',
    kind: 'purchase',
    status: 'completed',
    buyerCountries: ['IN'],
    supplierCountries: [supplier],
    system: { name: `System ${n % 7}`, category: n % 2 === 0 ? 'combat-aircraft' : 'missile' },
    quantity: {
      total: 10,
      unit: 'units',
      sourceIds: ['sipri'],
      delivered: { count: 10, sourceIds: ['sipri'] },
    },
    milestones: [{ kind: 'signature', label: 'Order (SIPRI)', date: String(year), sourceIds: ['sipri'] }],
    sources: [{ id: 'sipri', title: 'SIPRI Arms Transfers Database', publisher: 'SIPRI' }],
    ...(tivOrder === null ? {} : { tiv: { perUnit: tivOrder / 10, order: tivOrder, sourceIds: ['sipri'] } }),
    origin: {
      format: 'sipri-classic',
      publisher: 'SIPRI',
      file: 'sipri_trade_register_india_recipient.csv',
      rows: [12 + n],
      generated: '2025-03-13',
      importedAt: '2026-12-01T09:30:00.000Z',
      externalId: `${1000 + n}`,
      rights: '(c) SIPRI',
    },
    ...rest,
  });
}
