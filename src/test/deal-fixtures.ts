import { Deal, type DealInput } from '../domain/model/deal-schema';

/** A small valid deal; tests override what they are about. */
export function makeDeal(overrides: Partial<DealInput> = {}): Deal {
  return Deal.parse({
    id: 'test-deal',
    title: 'Test deal',
    summary: 'A deal made for a test.',
    kind: 'purchase',
    status: 'contract-signed',
    buyerCountries: ['IN'],
    supplierCountries: ['US'],
    sources: [{ id: 'src', title: 'A source', publisher: 'A publisher' }],
    ...overrides,
  });
}

/** A single-deal answer as the API sends it (docs/api.md, "Tracking"): the record and its revision. */
export const dealEnvelope = (data: unknown) => ({
  data,
  revision: 1,
  savedAt: '2026-12-01T10:00:00.000Z',
  deleted: false,
});
