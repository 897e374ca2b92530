import { useDismissableMenu } from '../../components/use-dismissable-menu';
import { formatCount, type Deal } from '../../domain';
import { downloadDeals, type DataExportFormat } from './data-export';

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** The table's "Export data" menu: the deals shown, or their reported figures, as files. */
export function ExportDataMenu({ deals, filters }: { deals: readonly Deal[]; filters: string }) {
  const menu = useDismissableMenu();
  const run = (format: DataExportFormat) => void downloadDeals(deals, format, filters);
  return (
    <details className="export-menu" ref={menu}>
      <summary>Export data</summary>
      <div className="export-menu__panel" role="group" aria-label="Export the deals shown">
        <button type="button" onClick={() => run('csv')} disabled={deals.length === 0}>
          CSV ({plural(deals.length, 'deal', 'deals')})
        </button>
        {/* Not counted here: it would walk every deal shown on every keystroke. */}
        <button type="button" onClick={() => run('figures-csv')} disabled={deals.length === 0}>
          Reported figures CSV (one row per figure)
        </button>
        <button type="button" onClick={() => run('json')} disabled={deals.length === 0}>
          JSON ({plural(deals.length, 'deal', 'deals')})
        </button>
      </div>
    </details>
  );
}
