import { useDismissableMenu } from '../../components/use-dismissable-menu';
import { COLUMN_META } from './columns';
import { COLUMN_IDS, type ColumnId } from './table-view';

export function ColumnMenu({
  visible,
  onChange,
}: {
  visible: readonly ColumnId[];
  onChange: (next: ColumnId[]) => void;
}) {
  const menu = useDismissableMenu();
  return (
    <details className="export-menu" ref={menu}>
      <summary>Columns</summary>
      <div className="export-menu__panel" role="group" aria-label="Visible columns">
        {COLUMN_IDS.map((id) => (
          <label key={id} className="check">
            <input
              type="checkbox"
              checked={visible.includes(id)}
              disabled={id === 'title'}
              onChange={(e) =>
                onChange(e.target.checked ? [...visible, id] : visible.filter((c) => c !== id))
              }
            />
            {COLUMN_META[id].label}
          </label>
        ))}
      </div>
    </details>
  );
}
