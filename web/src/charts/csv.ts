// CSV as the page writes it (RFC 4180 quoting): the numbers behind a
// figure, for its download and the figure-set archive, and every table's.
export type Row = Record<string, string | number | boolean | null | undefined>;

// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
// return before one) as a formula: a reply such as =HYPERLINK(…) would
// become a live link. Such a cell is written with a leading apostrophe,
// which spreadsheets show as text. A cell that reads in full as a decimal
// number (-0.12, +3, -1e-5) stays as it is, so numbers stay numbers. The
// command-line tool follows the same rule (docs/privacy.md).
const FORMULA_START = /^[=+\-@\t\r]/;
const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function neutralised(text: string): string {
  return FORMULA_START.test(text) && !DECIMAL_NUMBER.test(text) ? `'${text}` : text;
}

// One cell: empty for a missing or non-finite number, quoted when it holds
// a quote, a comma or a line end.
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : neutralised(String(value));
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Row[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [columns.map((c) => csvCell(c)).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
}
