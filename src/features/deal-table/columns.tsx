import { clampLabel, LABEL_MAX } from '../../domain/text/clamp-text';
import {
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  tableFeatures,
} from '@tanstack/react-table';
import { Highlighted } from '../../components/highlight';
import { ViewLink } from '../../components/view-link';
import { HeadlineValue, StatusBadge } from '../../components/deal-summary-line';
import {
  countryName,
  formatPartialDate,
  LABELS,
  signatureDate,
  type Deal,
  type SortKey,
  formatCount,
} from '../../domain';
import type { ColumnId } from './table-view';

export const features = tableFeatures({
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
});
const helper = createColumnHelper<typeof features, Deal>();

export interface ColumnMeta {
  label: string;
  sortKey?: SortKey;
  numeric?: boolean;
}

export const COLUMN_META: Record<ColumnId, ColumnMeta> = {
  title: { label: 'Deal', sortKey: 'title' },
  system: { label: 'System', sortKey: 'system' },
  parties: { label: 'Supplier → buyer', sortKey: 'supplier' },
  kind: { label: 'Kind', sortKey: 'kind' },
  status: { label: 'Status', sortKey: 'status' },
  quantity: { label: 'Quantity', sortKey: 'quantity', numeric: true },
  value: { label: 'Headline value', sortKey: 'value', numeric: true },
  signed: { label: 'Signed', sortKey: 'signed' },
  domains: { label: 'Domains' },
  route: { label: 'Route' },
};

const split = (deal: Deal) =>
  deal.quantity?.allocations.map((a) => `${LABELS.service[a.service]} ${formatCount(a.count)}`).join(' · ') ??
  '';

// Sorting and filtering are done by the shared domain functions before the rows reach the table, so
// the cells only render.
export const columns = helper.columns([
  helper.display({
    id: 'title',
    size: 226,
    cell: ({ row }) => (
      <span className="deal-table__title-cell">
        <span title={clampLabel(row.original.title, LABEL_MAX)} className="deal-table__cell">
          <ViewLink to={`/deals/${encodeURIComponent(row.original.id)}`} className="deal-table__title">
            <Highlighted text={clampLabel(row.original.title, LABEL_MAX)} />
          </ViewLink>
        </span>
        {/*
          The row's one action besides opening it. Its name says which deal after the visible word; the
          word is drawn by CSS, so the cell's text (what a copy or a test reads) stays the title.
        */}
        <ViewLink
          to={`/deals/${encodeURIComponent(row.original.id)}/edit`}
          className="deal-table__edit"
          aria-label={`Edit ${clampLabel(row.original.title, LABEL_MAX)}`}
        />
      </span>
    ),
  }),
  helper.display({
    id: 'system',
    size: 100,
    cell: ({ row }) =>
      row.original.system ? (
        <Highlighted text={row.original.system.name} />
      ) : (
        <span className="muted">—</span>
      ),
  }),
  helper.display({
    id: 'parties',
    size: 128,
    cell: ({ row }) => {
      const { supplierCountries: from, buyerCountries: to } = row.original;
      return (
        <abbr title={`${from.map(countryName).join(', ')} → ${to.map(countryName).join(', ')}`}>
          {from.join(', ')} → {to.join(', ')}
        </abbr>
      );
    },
  }),
  helper.display({ id: 'kind', size: 100, cell: ({ row }) => LABELS.kind[row.original.kind] }),
  helper.display({
    id: 'status',
    size: 144,
    cell: ({ row }) => <StatusBadge status={row.original.status} />,
  }),
  helper.display({
    id: 'quantity',
    size: 130,
    cell: ({ row }) => {
      const q = row.original.quantity;
      if (!q)
        return (
          <span className="muted" title="Quantity not reported">
            —
          </span>
        );
      const detail = split(row.original);
      return (
        <span title={detail ? `${detail} (by armed service)` : 'Not split by armed service'}>
          {formatCount(q.total)} {q.unit}
          {detail ? <span className="visually-hidden"> ({detail})</span> : null}
        </span>
      );
    },
  }),
  helper.display({
    id: 'value',
    size: 138,
    cell: ({ row }) => <HeadlineValue deal={row.original} compact />,
  }),
  helper.display({
    id: 'signed',
    size: 108,
    cell: ({ row }) => {
      const date = signatureDate(row.original);
      return date ? formatPartialDate(date, 'compact') : <span className="muted">—</span>;
    },
  }),
  helper.display({
    id: 'domains',
    size: 150,
    cell: ({ row }) => row.original.domains.map((d) => LABELS.domain[d]).join(', '),
  }),
  helper.display({
    id: 'route',
    size: 170,
    cell: ({ row }) =>
      row.original.routes.map((r) => LABELS.route[r]).join(', ') || <span className="muted">—</span>,
  }),
]);
