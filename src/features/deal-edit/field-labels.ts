/** What the error summary calls a field: "Figure 2: amount", from its key "figures.1.amount". */

const TOP: Record<string, string> = {
  record: 'The record',
  id: 'Id',
  title: 'Title',
  summary: 'Summary',
  kind: 'Kind',
  status: 'Status',
  buyerCountries: 'Buyer countries',
  supplierCountries: 'Supplier countries',
  parties: 'Parties',
  routes: 'Routes',
  domains: 'Domains',
  system: 'System',
  quantity: 'Quantity',
  endUser: 'End user',
  figures: 'Money figures',
  headlineFigureId: 'Headline figure',
  milestones: 'Milestones',
  sources: 'Sources',
  synthetic: 'Synthetic',
};

const LEAF: Record<string, string> = {
  name: 'name',
  role: 'role',
  country: 'country',
  variant: 'variant',
  category: 'category',
  total: 'total',
  unit: 'unit',
  confidence: 'confidence',
  sourceIds: 'sources cited',
  note: 'note',
  allocations: 'allocations',
  service: 'service',
  count: 'count',
  services: 'services',
  id: 'id',
  amount: 'amount',
  currency: 'currency',
  kind: 'kind',
  approximate: 'approximate',
  asOf: 'as of',
  date: 'date',
  label: 'label',
  planned: 'planned',
  title: 'title',
  publisher: 'publisher',
  url: 'URL',
  quote: 'quote',
};

const ROW: Record<string, string> = {
  parties: 'Party',
  allocations: 'Allocation',
  figures: 'Figure',
  milestones: 'Milestone',
  sources: 'Source',
};

export function fieldLabel(key: string): string {
  const parts = key.split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next) && ROW[part]) {
      const row = `${ROW[part]} ${Number(next) + 1}`;
      words.push(i === 0 ? row : row.toLowerCase());
      i++;
      continue;
    }
    if (i === 0) words.push(TOP[part] ?? part);
    else words.push(LEAF[part] ?? part);
  }
  if (words.length === 1) return words[0]!;
  return `${words[0]}: ${words.slice(1).join(', ')}`;
}
