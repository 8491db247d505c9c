// The appendix: every table of the results with its CSV attached to the file.
// Long tables (a row per concept and subset size, per word) are folded: the
// printed report holds their size and where to find them, not their rows.
import { h } from '../dom';
import { safeFileName } from '../download';
import { csvOfTable } from '../table';
import { readerCopy } from './page-copy';

// Tables up to this many rows are printed in full.
const PRINTED_ROWS = 60;

// A data: address works offline from a single file and needs no script.
function csvAddress(csv: string): string {
  const bytes = new TextEncoder().encode(csv);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:text/csv;base64,${btoa(binary)}`;
}

function tableBlock(table: HTMLTableElement): HTMLElement {
  const name = table.dataset.table ?? 'table';
  const title = table.caption?.textContent?.trim() || name;
  const rows = table.tBodies[0]?.rows.length ?? 0;
  const csv = csvOfTable(table);
  const copy = readerCopy(table);
  copy.caption?.remove();
  const file = `shoal-${safeFileName(name)}.csv`;
  const attachment = csv === null ? null : h('a', { href: csvAddress(csv), download: file, 'data-attachment': name, class: 'attachment' }, file);
  const folded = rows > PRINTED_ROWS;
  const note = h('p', { class: 'table-note' }, `${rows.toLocaleString('en')} row${rows === 1 ? '' : 's'}`,
    attachment ? '; attached as ' : null, attachment, folded ? '; the table is in the HTML file only, not in print.' : '.');
  const body = h('div', { class: 'table-scroll' }, copy);
  return h('section', { class: 'appendix-table', 'data-appendix': name },
    h('h3', {}, title), note,
    folded ? h('details', {}, h('summary', {}, `Show the ${rows.toLocaleString('en')} rows`), body) : body);
}

export function appendixSection(results: HTMLElement): HTMLElement {
  // The replication's table is shown with the comparisons.
  const tables = [...results.querySelectorAll<HTMLTableElement>('table[data-table]')].filter((t) => !t.closest('#replication-results'));
  return h('section', { 'data-section': 'appendix' },
    h('h2', {}, 'Appendix: the tables'),
    h('p', {}, 'Every table of the results; each is attached to this file as CSV, with every row at full precision.'),
    ...tables.map(tableBlock));
}
