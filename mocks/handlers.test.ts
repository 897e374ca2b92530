import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDeals } from '../src/domain';
import { server } from './node';
import { resetScenarioCounters } from './scenarios';

const api = (path: string) => fetch(`http://localhost${path}`);
const json = async (path: string) => {
  const response = await api(path);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  };
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => resetScenarioCounters());
afterAll(() => server.close());

describe('GET /api/deals', () => {
  it('serves the seed deals with a total', async () => {
    const { status, type, body } = await json('/api/deals');
    expect(status).toBe(200);
    expect(type).toContain('application/json');
    const { deals, rejected } = parseDeals(body.data as unknown[]);
    expect(rejected).toEqual([]);
    expect(body.total).toBe(deals.length);
    expect(deals.find((d) => d.system?.name === 'MQ-9B' && d.kind === 'purchase')?.quantity?.total).toBe(31);
  });

  it('filters, sorts and pages with the shared filter model', async () => {
    const all = await json('/api/deals?domain=land');
    const page = await json('/api/deals?domain=land&sort=title:asc&offset=1&limit=2');
    expect(page.body.total).toBe(all.body.total);
    const titles = (page.body.data as { title: string }[]).map((d) => d.title);
    expect(titles).toHaveLength(2);
    expect(titles).toEqual([...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    for (const deal of all.body.data as { domains: string[] }[]) expect(deal.domains).toContain('land');
  });

  it.each([
    ['status=signed-ish', 'status'],
    ['limit=-1', 'limit'],
    ['offset=1.5', 'offset'],
    ['sort=price:up', 'sort'],
    ['dataset=secret', 'dataset'],
    ['dataset=synthetic&size=999999999', 'size'],
  ])('answers 400 naming the parameter for ?%s', async (query, param) => {
    const { status, body } = await json(`/api/deals?${query}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'bad_parameter', param });
    expect((body.error as { message: string }).message).toContain(param);
  });

  it('serves labelled synthetic data at the requested size, deterministically', async () => {
    const a = await json('/api/deals?dataset=synthetic&size=500&limit=3');
    const b = await json('/api/deals?dataset=synthetic&size=500&limit=3');
    expect(a.body.total).toBe(500);
    expect(a.body.data).toEqual(b.body.data);
    for (const deal of a.body.data as { synthetic: boolean; title: string }[]) {
      expect(deal.synthetic).toBe(true);
      expect(deal.title).toMatch(/^Synthetic: /);
    }
    const meta = await json('/api/meta?dataset=synthetic&size=500');
    expect(meta.body).toMatchObject({ dataset: 'synthetic', synthetic: true, recordCount: 500 });
  });

  it('serves the same records whole (encoded apart, as the app loads them) and page by page', async () => {
    const whole = await json('/api/deals?dataset=synthetic&size=300&seed=7&limit=1000');
    expect(whole.body).toMatchObject({ total: 300, offset: 0, limit: 1000 });
    const data = whole.body.data as { id: string }[];
    expect(data).toHaveLength(300);
    expect(parseDeals(data).rejected).toEqual([]);
    const page = await json('/api/deals?dataset=synthetic&size=300&seed=7&offset=120&limit=50');
    expect(page.body.data).toEqual(data.slice(120, 170));
    const detail = await json(`/api/deals/${data[42]!.id}?dataset=synthetic&size=300&seed=7`);
    expect(detail.body.data).toEqual(data[42]);
    const meta = await json('/api/meta?dataset=synthetic&size=300&seed=7');
    const again = await json('/api/meta?dataset=synthetic&size=300&seed=7');
    expect(meta.body.generatedAt).toBe(again.body.generatedAt);
  });
});

describe('GET /api/deals/:id and /api/meta', () => {
  it('returns one deal, and a JSON 404 for an unknown id', async () => {
    const list = await json('/api/deals?limit=1');
    const id = (list.body.data as { id: string }[])[0]!.id;
    expect((await json(`/api/deals/${id}`)).body.data).toMatchObject({ id });
    const missing = await json('/api/deals/no-such-deal');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'not_found' });
  });

  it('describes the seed dataset', async () => {
    const { body } = await json('/api/meta');
    expect(body).toMatchObject({ dataset: 'seed', synthetic: false });
    expect(body.recordCount).toBeGreaterThan(15);
  });
});

describe('?mock= scenarios', () => {
  it('error answers a JSON 500, and with mockTimes recovers after N failures', async () => {
    expect((await json('/api/deals?mock=error')).status).toBe(500);
    expect((await json('/api/deals?mock=error&mockTimes=1')).status).toBe(500);
    expect((await json('/api/deals?mock=error&mockTimes=1')).status).toBe(200);
  });

  it('offline fails at the network level', async () => {
    await expect(api('/api/deals?mock=offline')).rejects.toThrow();
  });

  it('malformed sends two records that fail validation among valid ones', async () => {
    const { body } = await json('/api/deals?mock=malformed');
    const { deals, rejected } = parseDeals(body.data as unknown[]);
    expect(rejected).toHaveLength(2);
    expect(deals.length).toBe((body.data as unknown[]).length - 2);
  });

  it('slow answers after the delay', async () => {
    const started = performance.now();
    expect((await json('/api/meta?mock=slow&delayMs=120')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });
});
