import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { Deal } from './deal-schema';
import {
  citationCount,
  dealFromDraft,
  draftFromDeal,
  emptyAllocation,
  emptyDraft,
  emptyFigure,
  emptySource,
  fieldKeyOf,
  figureIdFor,
  issuesByField,
  parseNumberText,
  removeSource,
  renameSourceId,
  sameDraft,
  slugify,
  sourceIdFor,
  uniqueSlug,
  type DealDraft,
} from './deal-draft';

const seeds = (seedRecords as unknown[]).map((r) => Deal.parse(r));
const withQuantity = seeds.find((d) => d.quantity && d.quantity.allocations.length > 1)!;
const withFigures = seeds.find((d) => d.figures.length > 1)!;

/** A draft a user would have typed: one sourced figure, a quantity split over two services. */
function typedDraft(): DealDraft {
  const draft = emptyDraft();
  const source = { ...draft.sources[0]!, id: 'pti-2024', publisher: 'PTI', title: 'Deal signed' };
  const figure = { ...emptyFigure([]), amount: '3,500,000,000', kind: 'signed' as const, asOf: '2024-10' };
  return {
    ...draft,
    id: 'new-deal',
    title: 'A new deal',
    summary: 'Typed in the form.',
    kind: 'purchase',
    status: 'contract-signed',
    buyerCountries: 'in',
    supplierCountries: 'US',
    sources: [source],
    quantity: {
      ...draft.quantity,
      total: '31',
      unit: 'drones',
      sourceIds: ['pti-2024'],
      allocations: [
        { ...emptyAllocation(), service: 'navy', count: '15' },
        { ...emptyAllocation(), service: 'army', count: '8' },
      ],
    },
    figures: [{ ...figure, sourceIds: ['pti-2024'] }],
    headlineFigureId: figure.id,
  };
}

function fieldsOf(draft: DealDraft): Map<string, string[]> {
  const result = dealFromDraft(draft);
  if (result.ok) throw new Error('expected the draft to be refused');
  return issuesByField(result.issues);
}

describe('draft ↔ record', () => {
  it.each(seeds.map((d) => [d.id, d] as const))('%s comes back unchanged through a draft', (_id, deal) => {
    const result = dealFromDraft(draftFromDeal(deal));
    expect(result).toEqual({ ok: true, record: deal });
  });

  it('turns typed text into the record: numbers without separators, codes upper-cased', () => {
    const result = dealFromDraft(typedDraft());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.buyerCountries).toEqual(['IN']);
    expect(result.record.figures[0]!.amount).toBe(3_500_000_000);
    expect(result.record.quantity?.allocations.map((a) => a.count)).toEqual([15, 8]);
    // Nothing typed for the system or the end user: unknown, so absent, never an empty shell.
    expect(result.record.system).toBeUndefined();
    expect(result.record.endUser).toBeUndefined();
  });

  it('keeps a half-typed number as typed and says beside the field that it is not a number', () => {
    const draft = typedDraft();
    draft.quantity.total = '31a';
    const fields = fieldsOf(draft);
    expect(draft.quantity.total).toBe('31a');
    expect(fields.get('quantity.total')).toEqual([expect.stringContaining('"31a" is not a number')]);
    // One message for the field, not the schema's "expected number" as well.
    expect(fields.get('quantity.total')).toHaveLength(1);
  });

  it('an empty draft names every required field, in plain words', () => {
    const fields = fieldsOf(emptyDraft());
    for (const key of ['id', 'title', 'summary', 'kind', 'status', 'buyerCountries', 'supplierCountries']) {
      expect(fields.has(key), key).toBe(true);
    }
    expect(fields.get('title')).toEqual(['Required: this cannot be empty.']);
    expect(fields.get('kind')).toEqual(['Choose one.']);
    // An empty id is missing, not a badly formed slug.
    expect(fields.get('id')).toEqual(['Required: this cannot be empty.']);
    // The one blank source needs a publisher and a title.
    expect(fields.has('sources.0.publisher')).toBe(true);
    expect(fields.has('sources.0.title')).toBe(true);
  });
});

describe('the invariants, each beside its field', () => {
  it('allocations above the total', () => {
    const draft = typedDraft();
    draft.quantity.total = '20';
    expect(fieldsOf(draft).get('quantity.allocations')).toEqual([
      'allocations add up to 23, more than the total of 20',
    ]);
  });

  it('a headline figure not among the figures', () => {
    const draft = { ...typedDraft(), headlineFigureId: 'gone' };
    expect(fieldsOf(draft).get('headlineFigureId')).toEqual([
      expect.stringContaining('headline figure "gone" is not among'),
    ]);
  });

  it('figures with no headline chosen', () => {
    const draft = { ...typedDraft(), headlineFigureId: '' };
    expect(fieldsOf(draft).get('headlineFigureId')).toEqual([expect.stringContaining('headline')]);
  });

  it('a citation of a source not listed, on the figure, the quantity and an allocation', () => {
    const draft = typedDraft();
    draft.figures[0]!.sourceIds = ['pti-2024', 'nowhere'];
    draft.quantity.sourceIds = ['nowhere'];
    draft.quantity.allocations[1]!.sourceIds = ['nowhere'];
    const fields = fieldsOf(draft);
    const message = 'cites source "nowhere", which this deal does not list';
    expect(fields.get('figures.0.sourceIds')).toEqual([message]);
    expect(fields.get('quantity.sourceIds')).toEqual([message]);
    expect(fields.get('quantity.allocations.1.sourceIds')).toEqual([message]);
  });

  it('a figure, quantity or milestone citing nothing', () => {
    const draft = typedDraft();
    draft.figures[0]!.sourceIds = [];
    draft.milestones = [
      {
        key: 'm',
        kind: 'signature',
        date: '2024-10-15',
        label: 'Signed',
        confidence: 'confirmed',
        sourceIds: [],
        planned: { date: '2024', sourceIds: ['nowhere'], note: '' },
      },
    ];
    const fields = fieldsOf(draft);
    expect(fields.get('figures.0.sourceIds')).toEqual(['cite at least one source']);
    expect(fields.get('milestones.0.sourceIds')).toEqual(['cite at least one source']);
    // A planned date cites its own source.
    expect(fields.get('milestones.0.planned.sourceIds')).toEqual([
      'cites source "nowhere", which this deal does not list',
    ]);
  });

  it('a new source without publisher or title; URL and quote may stay empty', () => {
    const draft = typedDraft();
    draft.sources.push({ ...emptySource(), id: 'x', url: '', quote: '' });
    const fields = fieldsOf(draft);
    expect([...fields.keys()].sort()).toEqual(['sources.1.publisher', 'sources.1.title']);
  });

  it('a date that is not a date', () => {
    const draft = typedDraft();
    draft.figures[0]!.asOf = '2024-13';
    expect(fieldsOf(draft).get('figures.0.asOf')).toEqual([expect.stringContaining('YYYY-MM')]);
  });
});

describe('field keys', () => {
  it('maps zod paths to the field that shows them', () => {
    expect(fieldKeyOf(['quantity', 'allocations', 0, 'count'])).toBe('quantity.allocations.0.count');
    expect(fieldKeyOf(['figures', 1, 'sourceIds', 0])).toBe('figures.1.sourceIds');
    expect(fieldKeyOf(['buyerCountries', 2])).toBe('buyerCountries');
    expect(fieldKeyOf(['endUser', 'services', 0])).toBe('endUser.services');
    expect(fieldKeyOf([])).toBe('record');
  });

  it('maps a server 422 issue list the same way as local issues', () => {
    const serverIssues = [
      { path: ['quantity', 'allocations'], message: 'allocations add up to 40, more than the total of 31' },
      { path: ['figures', 0, 'sourceIds', 0], message: 'cites source "x", which this deal does not list' },
    ];
    const fields = issuesByField(serverIssues);
    expect([...fields.keys()]).toEqual(['quantity.allocations', 'figures.0.sourceIds']);
  });
});

describe('ids and sources', () => {
  it('slugs from titles, unique among the taken', () => {
    expect(slugify('MQ-9B SeaGuardian, 2024!')).toBe('mq-9b-seaguardian-2024');
    expect(slugify('Défense — Évora')).toBe('defense-evora');
    expect(slugify('a'.repeat(100)).length).toBeLessThanOrEqual(60);
    expect(uniqueSlug('a', ['a', 'a-2'])).toBe('a-3');
    expect(sourceIdFor('PTI', 'Deal signed', ['pti-deal-signed'])).toBe('pti-deal-signed-2');
    expect(figureIdFor({ currency: 'USD', kind: 'signed', asOf: '2024-10' }, [])).toBe('usd-signed-2024-10');
  });

  it('renaming a source id moves every citation with it', () => {
    const draft = renameSourceId(typedDraft(), 'pti-2024', 'pti');
    expect(draft.figures[0]!.sourceIds).toEqual(['pti']);
    expect(draft.quantity.sourceIds).toEqual(['pti']);
    expect(citationCount(draft, 'pti')).toBe(2);
  });

  it('removing a source removes its citations, which the schema then asks for', () => {
    const base = typedDraft();
    const draft = removeSource(base, base.sources[0]!.key);
    expect(draft.sources).toEqual([]);
    expect(citationCount(draft, 'pti-2024')).toBe(0);
    expect(fieldsOf(draft).get('sources')).toEqual(['every deal needs at least one source']);
  });
});

describe('typed numbers', () => {
  it('reads separators, refuses anything else', () => {
    expect(parseNumberText('3,500,000,000')).toBe(3_500_000_000);
    expect(parseNumberText('3 500 000')).toBe(3_500_000);
    expect(parseNumberText('31')).toBe(31);
    expect(parseNumberText('')).toBeUndefined();
    expect(parseNumberText('31a')).toBeNaN();
    expect(parseNumberText('-5')).toBeNaN();
    expect(parseNumberText('1,00')).toBeNaN();
  });

  it('a zero amount is refused: unknown is no figure, never 0', () => {
    const draft = typedDraft();
    draft.figures[0]!.amount = '0';
    expect(fieldsOf(draft).get('figures.0.amount')).toEqual(['at least 1 unit of its currency']);
  });
});

describe('unsaved changes', () => {
  it('a draft of a deal equals another draft of it; a typed letter does not', () => {
    expect(sameDraft(draftFromDeal(withQuantity), draftFromDeal(withQuantity))).toBe(true);
    const changed = draftFromDeal(withFigures);
    changed.figures[0]!.amount += '1';
    expect(sameDraft(changed, draftFromDeal(withFigures))).toBe(false);
  });
});
