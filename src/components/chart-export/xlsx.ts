// A chart's data as an .xlsx file. write-excel-file is loaded with import() on first use, with this
// module, so neither is part of the first page load.
import writeXlsxFile, { type Cell } from 'write-excel-file/browser';
import type { ChartData } from '../../domain/export/chart-data';
import { chartToSheet, type SheetCell } from '../../domain/export/chart-table-export';

function cell(c: SheetCell): Cell {
  if (c.value === null) return null;
  const style = {
    ...(c.bold ? { fontWeight: 'bold' as const } : {}),
    ...(c.format ? { format: c.format } : {}),
  };
  // A text is typed as text, so a cell that starts with "=" is never run as a formula.
  return typeof c.value === 'number'
    ? { value: c.value, type: Number, ...style }
    : { value: c.value, type: String, wrap: c.value.length > 60, ...style };
}

export async function chartToXlsx(chart: ChartData, exported: Date): Promise<Blob> {
  const sheet = chartToSheet(chart, exported);
  const widest = Math.max(1, ...sheet.rows.map((r) => r.length));
  const columns = Array.from({ length: widest }, (_, i) => ({ width: i === 0 ? 30 : 22 }));
  return writeXlsxFile(
    sheet.rows.map((row) => row.map(cell)),
    {
      sheet: sheet.name,
      columns,
      stickyRowsCount: 1,
    },
  ).toBlob();
}
