import { useMemo, useRef, useState } from 'react';
import {
  CellStyleModule,
  ClientSideRowModelModule,
  ModuleRegistry,
  QuickFilterModule,
  RowApiModule,
  type ColDef,
  type GridApi,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import {
  formatFigure,
  formatPartialDate,
  headlineFigure,
  LABELS,
  normaliseText,
  signatureDate,
  type Deal,
} from '../../src/domain';

ModuleRegistry.registerModules([CellStyleModule, ClientSideRowModelModule, QuickFilterModule, RowApiModule]);

// The tracker's search reads title, system, parties, summary and id; the quick filter is given that
// same text on the first column and none on the others, so both answer a query with the same rows.
const searchText = (deal: Deal) =>
  normaliseText(
    [
      deal.title,
      deal.system ? `${deal.system.name} ${deal.system.variant ?? ''}` : '',
      deal.parties.map((p) => p.name).join(' '),
      deal.summary,
      deal.id,
    ].join('\n'),
  );
const none = () => '';

// The tracker's eight default columns, in its order.
const columns: ColDef<Deal>[] = [
  {
    colId: 'title',
    headerName: 'Deal',
    width: 250,
    valueGetter: (p) => p.data?.title,
    getQuickFilterText: (p) => searchText(p.data),
  },
  {
    colId: 'system',
    headerName: 'System',
    width: 100,
    valueGetter: (p) => p.data?.system?.name ?? '—',
    getQuickFilterText: none,
  },
  {
    colId: 'parties',
    headerName: 'Supplier → buyer',
    width: 128,
    valueGetter: (p) =>
      p.data ? `${p.data.supplierCountries.join(', ')} → ${p.data.buyerCountries.join(', ')}` : '',
    getQuickFilterText: none,
  },
  {
    colId: 'kind',
    headerName: 'Kind',
    width: 100,
    valueGetter: (p) => (p.data ? LABELS.kind[p.data.kind] : ''),
    getQuickFilterText: none,
  },
  {
    colId: 'status',
    headerName: 'Status',
    width: 122,
    valueGetter: (p) => (p.data ? LABELS.status[p.data.status] : ''),
    getQuickFilterText: none,
  },
  {
    colId: 'quantity',
    headerName: 'Quantity',
    width: 130,
    type: 'rightAligned',
    valueGetter: (p) =>
      p.data?.quantity ? `${p.data.quantity.total.toLocaleString('en')} ${p.data.quantity.unit}` : '—',
    getQuickFilterText: none,
  },
  {
    colId: 'value',
    headerName: 'Headline value',
    width: 138,
    type: 'rightAligned',
    valueGetter: (p) => {
      const figure = p.data ? headlineFigure(p.data) : undefined;
      return figure ? formatFigure(figure, { compact: true }) : '—';
    },
    getQuickFilterText: none,
  },
  {
    colId: 'signed',
    headerName: 'Signed',
    width: 100,
    valueGetter: (p) => {
      const date = p.data ? signatureDate(p.data) : undefined;
      return date ? formatPartialDate(date, 'compact') : '—';
    },
    getQuickFilterText: none,
  },
];

export function PeerGrid({ deals }: { deals: Deal[] }) {
  const api = useRef<GridApi<Deal>>(null);
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState<number | undefined>(undefined);
  const defaultColDef = useMemo<ColDef<Deal>>(() => ({ sortable: false, resizable: true }), []);
  return (
    <main style={{ font: '14px system-ui, sans-serif', padding: 16 }}>
      <h1 style={{ fontSize: 20, margin: '0 0 8px' }}>AG Grid Community peer (benchmark only)</h1>
      <label>
        Search deals{' '}
        <input
          id="peer-search"
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            api.current?.setGridOption('quickFilterText', normaliseText(e.target.value));
          }}
        />
      </label>{' '}
      <output id="peer-count">
        {shown === undefined
          ? ''
          : `${shown.toLocaleString('en')} of ${deals.length.toLocaleString('en')} deals`}
      </output>
      <div style={{ height: 640, marginTop: 8 }}>
        <AgGridReact<Deal>
          rowData={deals}
          columnDefs={columns}
          defaultColDef={defaultColDef}
          getRowId={(p) => p.data.id}
          cacheQuickFilter
          animateRows={false}
          onGridReady={(e) => {
            api.current = e.api;
          }}
          onModelUpdated={(e) => setShown(e.api.getDisplayedRowCount())}
        />
      </div>
    </main>
  );
}
