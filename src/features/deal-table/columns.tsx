import type { ReactNode } from 'react';
import { clampLabel, LABEL_MAX } from '../../domain/text/clamp-text';
import {
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  tableFeatures,
} from '@tanstack/react-table';
import { Highlighted } from '../../components/highlight';
import { Link } from '../../components/routing';
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

// Sorting and filtering are done by the shared domain functions before the rows reach the table, and
// the table draws its body rows itself (`CELLS`), so the column definitions carry only id and width
// (for the header, column choice and resizing).
export const columns = helper.columns([
  helper.display({ id: 'title', size: 226 }),
  helper.display({ id: 'system', size: 100 }),
  helper.display({ id: 'parties', size: 128 }),
  helper.display({ id: 'kind', size: 100 }),
  helper.display({ id: 'status', size: 144 }),
  helper.display({ id: 'quantity', size: 130 }),
  helper.display({ id: 'value', size: 138 }),
  helper.display({ id: 'signed', size: 108 }),
  helper.display({ id: 'domains', size: 150 }),
  helper.display({ id: 'route', size: 170 }),
]);

/**
 * One body cell's content. `linkSearch` is the query string a link from the table carries (the view:
 * data set, filters, sort, columns), worked out once per table render rather than once per link.
 * Each cell keeps one shape whatever the deal, as far as it can, so a row shown for another deal
 * (scrolling, a new search) rewrites text and attributes instead of replacing elements.
 */
export const CELLS: Record<ColumnId, (deal: Deal, linkSearch: string) => ReactNode> = {
  title: (deal, linkSearch) => {
    const title = clampLabel(deal.title, LABEL_MAX);
    const path = `/deals/${encodeURIComponent(deal.id)}`;
    return (
      <span className="deal-table__title-cell">
        {/* The clipping box: its ellipsis is drawn plain, not underlined as part of the link. */}
        <span title={title} className="deal-table__cell">
          <Link to={`${path}${linkSearch}`} className="deal-table__title">
            <Highlighted text={title} />
          </Link>
        </span>
        {/*
          The row's one action besides opening it. Its name says which deal after the visible word; the
          word is drawn by CSS, so the cell's text (what a copy or a test reads) stays the title.
        */}
        <Link to={`${path}/edit${linkSearch}`} className="deal-table__edit" aria-label={`Edit ${title}`} />
      </span>
    );
  },
  system: (deal) =>
    deal.system ? <Highlighted text={deal.system.name} /> : <span className="muted">—</span>,
  parties: (deal) => {
    const { supplierCountries: from, buyerCountries: to } = deal;
    return (
      <abbr title={`${from.map(countryName).join(', ')} → ${to.map(countryName).join(', ')}`}>
        {`${from.join(', ')} → ${to.join(', ')}`}
      </abbr>
    );
  },
  kind: (deal) => LABELS.kind[deal.kind],
  status: (deal) => <StatusBadge status={deal.status} />,
  quantity: (deal) => {
    const q = deal.quantity;
    if (!q)
      return (
        <span className="muted" title="Quantity not reported">
          —
        </span>
      );
    const detail = split(deal);
    return (
      <span title={detail ? `${detail} (by armed service)` : 'Not split by armed service'}>
        {formatCount(q.total)} {q.unit}
        {detail ? <span className="visually-hidden"> ({detail})</span> : null}
      </span>
    );
  },
  value: (deal) => <HeadlineValue deal={deal} compact />,
  signed: (deal) => {
    const date = signatureDate(deal);
    return date ? formatPartialDate(date, 'compact') : <span className="muted">—</span>;
  },
  domains: (deal) => deal.domains.map((d) => LABELS.domain[d]).join(', '),
  route: (deal) => deal.routes.map((r) => LABELS.route[r]).join(', ') || <span className="muted">—</span>,
};
