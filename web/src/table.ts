// Sortable tables with CSV export: each column says how to read a row.
import { download, safeFileName } from './download';
import { h } from './dom';
import { csvCell } from './charts/csv';

export interface Column<Row> {
  title: string;
  value: (row: Row) => string | number | null;
  digits?: number;
}

function display(value: string | number | null, digits: number | undefined): string {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return '—';
  if (typeof value === 'number' && digits !== undefined) return value.toFixed(digits);
  return String(value);
}

export function toCsv<Row>(rows: Row[], columns: Column<Row>[]): string {
  const lines = [columns.map((c) => csvCell(c.title)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return lines.join('\n') + '\n';
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

// Each table's CSV, all rows at full precision, for the exported report.
const tableCsv = new WeakMap<HTMLTableElement, () => string>();
export const csvOfTable = (table: HTMLTableElement): string | null => tableCsv.get(table)?.() ?? null;

// Long tables start folded so the figures stay in view.
export function sortableTable<Row>(name: string, caption: string, rows: Row[], columns: Column<Row>[], foldAbove = 30): HTMLElement {
  const table = h('table', { class: 'data', 'data-table': name });
  table.append(h('caption', {}, caption));
  const body = h('tbody');
  let sortColumn = -1;
  let ascending = true;
  const headers = columns.map((column, index) => {
    const button = h('button', { type: 'button', class: 'sort' }, column.title);
    const th = h('th', { scope: 'col', 'aria-sort': 'none' }, button);
    button.addEventListener('click', () => {
      ascending = sortColumn === index ? !ascending : true;
      sortColumn = index;
      headers.forEach((other) => other.setAttribute('aria-sort', 'none'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      render();
    });
    return th;
  });
  table.append(h('thead', {}, h('tr', {}, ...headers)), body);

  function render() {
    const ordered = [...rows];
    if (sortColumn >= 0) {
      const column = columns[sortColumn];
      ordered.sort((a, b) => (ascending ? 1 : -1) * compare(column.value(a), column.value(b)));
    }
    body.replaceChildren(
      ...ordered.map((row) => h('tr', {}, ...columns.map((c) => h('td', {}, display(c.value(row), c.digits))))),
    );
  }
  render();

  const save = h('button', { type: 'button', class: 'download', 'data-download': `${name}.csv` }, `Download CSV`);
  save.addEventListener('click', () => download(`${safeFileName(name)}.csv`, toCsv(rows, columns), 'text/csv'));
  tableCsv.set(table, () => toCsv(rows, columns));
  const block = h('div', { class: 'table-block' }, h('div', { class: 'table-scroll' }, table), save);
  if (rows.length <= foldAbove) return block;
  return h('details', { class: 'table-fold' }, h('summary', {}, `${caption} (${rows.length} rows)`), block);
}
